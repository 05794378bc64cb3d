package id.asn.merit.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiMergerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final OpenApiMerger MERGER = new OpenApiMerger(new OpenApiMerger.Info("ASN Merit Suite API", "1.2.3", "all of it"),
            Map.of("employee-service", "Employee", "training-service", "Training", "a", "A", "b", "B"));

    static ObjectNode doc(String path, String operationId, String schema) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"openapi":"3.1.0","info":{"title":"x","version":"9"},"servers":[{"url":"http://localhost:1"}],
                 "security":[{"SecurityScheme":[]}],
                 "paths":{"%1$s":{"get":{"operationId":"%2$s","tags":["T"],
                   "parameters":[{"$ref":"#/components/parameters/Page"}],
                   "responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/%3$s"}}}},
                                "400":{"$ref":"#/components/responses/BadRequest"}}},
                   "delete":{"operationId":"delete%3$s","security":[],"responses":{"204":{"description":"gone"}}}}},
                 "components":{
                   "schemas":{"%3$s":{"type":"object","properties":{
                       "p":{"$ref":"#/components/schemas/Problem"},
                       "code":{"$ref":"#/components/schemas/Problem/properties/title"},
                       "pet":{"oneOf":[{"$ref":"#/components/schemas/Problem"}],
                              "discriminator":{"propertyName":"kind","mapping":{"p":"#/components/schemas/Problem"}}}}},
                     "Problem":{"type":"object","properties":{"title":{"type":"string"}}}},
                   "responses":{"BadRequest":{"description":"bad","content":{"application/problem+json":
                       {"schema":{"$ref":"#/components/schemas/Problem"}}}}},
                   "parameters":{"Page":{"name":"page","in":"query","schema":{"type":"integer"}}},
                   "securitySchemes":{"SecurityScheme":{"type":"http","scheme":"bearer","bearerFormat":"JWT"},
                                      "apiKey":{"type":"apiKey","in":"header","name":"X-Key"}}},
                 "tags":[{"name":"T"}]}""".formatted(path, operationId, schema));
    }

    @Test
    void componentsArePrefixedAndEveryRefFollows() throws Exception {
        JsonNode merged = MERGER.merge(Map.of(
                "employee-service", doc("/api/v1/employees", "searchEmployees", "Employee"),
                "training-service", doc("/api/v1/learning-methods", "listLearningMethods", "LearningMethod")), List.of());
        JsonNode schemas = merged.at("/components/schemas");
        assertEquals(List.of("Employee.Employee", "Employee.Problem", "Training.LearningMethod", "Training.Problem"),
                names(schemas));
        assertEquals("#/components/schemas/Employee.Employee",
                merged.at("/paths/~1api~1v1~1employees/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/responses/Training.BadRequest",
                merged.at("/paths/~1api~1v1~1learning-methods/get/responses/400/$ref").asText());
        assertEquals("#/components/parameters/Employee.Page",
                merged.at("/paths/~1api~1v1~1employees/get/parameters/0/$ref").asText());
        assertEquals("#/components/schemas/Training.Problem", schemas.at("/Training.LearningMethod/properties/p/$ref").asText());
        assertEquals("#/components/schemas/Training.Problem/properties/title",
                schemas.at("/Training.LearningMethod/properties/code/$ref").asText(), "a deep ref keeps its tail");
        assertEquals("#/components/schemas/Employee.Problem",
                schemas.at("/Employee.Employee/properties/pet/discriminator/mapping/p").asText());
        assertEquals("#/components/schemas/Employee.Problem",
                merged.at("/components/responses/Employee.BadRequest/content/application~1problem+json/schema/$ref").asText());
        assertTrue(merged.at("/components/parameters").has("Training.Page"));
        assertResolves(merged);
    }

    @Test
    void bearerSchemesBecomeOneAndRequirementsFollow() throws Exception {
        JsonNode merged = MERGER.merge(Map.of(
                "employee-service", doc("/api/v1/employees", "searchEmployees", "Employee"),
                "training-service", doc("/api/v1/learning-methods", "listLearningMethods", "LearningMethod")), List.of());
        assertEquals(List.of("Employee.apiKey", "Training.apiKey", "bearerAuth"), names(merged.at("/components/securitySchemes")));
        assertTrue(merged.at("/paths/~1api~1v1~1employees/get/security/0").has("bearerAuth"),
                "the document-wide requirement moves onto the operation under the new name");
        assertEquals(0, merged.at("/paths/~1api~1v1~1employees/delete/security").size(), "an explicit empty one stays");
        assertFalse(merged.has("security"));
    }

    @Test
    void theSuiteInfoServersTagsAndServicesAreSet() throws Exception {
        JsonNode merged = MERGER.merge(Map.of(
                "employee-service", doc("/api/v1/employees", "searchEmployees", "Employee"),
                "training-service", doc("/api/v1/learning-methods", "listLearningMethods", "LearningMethod")), List.of());
        assertEquals("ASN Merit Suite API", merged.at("/info/title").asText());
        assertEquals("1.2.3", merged.at("/info/version").asText());
        assertEquals("all of it", merged.at("/info/description").asText());
        assertEquals("3.1.0", merged.path("openapi").asText());
        assertEquals(1, merged.path("servers").size());
        assertEquals("/", merged.at("/servers/0/url").asText());
        assertEquals(1, merged.path("tags").size(), "tag T of both services is one tag");
        assertEquals("employee-service", merged.at("/x-services/0/name").asText());
        assertEquals("Training", merged.at("/x-services/1/schemaPrefix").asText());
        assertEquals(0, merged.path("x-unavailable-services").size());
        assertFalse(merged.has("x-merge-conflicts"));
    }

    @Test
    void anUnavailableServiceIsListed() throws Exception {
        JsonNode merged = MERGER.merge(Map.of("employee-service", doc("/api/v1/employees", "searchEmployees", "Employee")),
                List.of("merit-service", "competency-service"));
        assertEquals(List.of("competency-service", "merit-service"),
                JSON.convertValue(merged.path("x-unavailable-services"), List.class));
        assertEquals(1, merged.path("paths").size());
    }

    @Test
    void clashingOperationIdsAreReportedAndMadeUnique() throws Exception {
        JsonNode merged = MERGER.merge(Map.of(
                "a", doc("/x", "same", "X"),
                "b", doc("/y", "same", "Y")), List.of());
        assertEquals("same", merged.at("/paths/~1x/get/operationId").asText());
        assertEquals("bSame", merged.at("/paths/~1y/get/operationId").asText());
        assertEquals(1, merged.path("x-merge-conflicts").size());
        assertTrue(merged.at("/x-merge-conflicts/0").asText().contains("operationId same"), merged.toString());
    }

    @Test
    void aMethodOnAPathDefinedTwiceIsReportedAndTheFirstKept() throws Exception {
        JsonNode merged = MERGER.merge(Map.of(
                "a", doc("/x", "one", "X"),
                "b", doc("/x", "two", "Z")), List.of());
        assertEquals("one", merged.at("/paths/~1x/get/operationId").asText());
        assertTrue(merged.path("x-merge-conflicts").toString().contains("GET /x is defined by a and b"));
    }

    @Test
    void theInputDocumentsAreNotChanged() throws Exception {
        ObjectNode input = doc("/api/v1/employees", "searchEmployees", "Employee");
        String before = input.toString();
        MERGER.merge(Map.of("employee-service", input), List.of());
        assertEquals(before, input.toString());
    }

    static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        names.sort(String::compareTo);
        return names;
    }

    static void assertResolves(JsonNode merged) {
        List<String> refs = new java.util.ArrayList<>();
        collectRefs(merged, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertFalse(merged.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
        }
    }

    static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getKey().equals("$ref") && f.getValue().isTextual()) {
                    refs.add(f.getValue().asText());
                } else {
                    collectRefs(f.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
