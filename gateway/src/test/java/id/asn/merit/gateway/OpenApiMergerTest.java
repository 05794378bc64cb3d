package id.asn.merit.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiMergerTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode doc(String path, String operationId, String schema) throws Exception {
        return JSON.readTree("""
                {"openapi":"3.1.0","paths":{"%s":{"get":{"operationId":"%s","responses":{"200":{"content":{"application/json":
                 {"schema":{"$ref":"#/components/schemas/%s"}}}},"400":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
                 "components":{"schemas":{"%s":{"type":"object","properties":{"p":{"$ref":"#/components/schemas/Problem"}}},"Problem":{"type":"object"}},
                 "securitySchemes":{"jwt":{"type":"http","scheme":"bearer"}}},"tags":[{"name":"T"}]}""".formatted(path, operationId, schema, schema));
    }

    @Test
    void schemasArePrefixedAndRefsFollow() throws Exception {
        JsonNode merged = OpenApiMerger.merge("S", "1", List.of(
                new OpenApiMerger.ServiceDoc("employee-service", "Employee", doc("/api/v1/employees", "searchEmployees", "Employee")),
                new OpenApiMerger.ServiceDoc("training-service", "Training", doc("/api/v1/learning-methods", "listLearningMethods", "LearningMethod"))),
                List.of("merit-service"));
        JsonNode schemas = merged.at("/components/schemas");
        assertTrue(schemas.has("Employee.Problem"));
        assertTrue(schemas.has("Training.Problem"));
        assertTrue(schemas.has("Employee.Employee"));
        assertEquals("#/components/schemas/Employee.Employee",
                merged.at("/paths/~1api~1v1~1employees/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Training.Problem", schemas.at("/Training.LearningMethod/properties/p/$ref").asText());
        assertEquals(1, merged.at("/components/securitySchemes").size());
        assertEquals("merit-service", merged.at("/x-unavailable-services/0").asText());
        assertFalse(merged.has("x-merge-conflicts"));
        assertEquals(1, merged.path("tags").size());
    }

    @Test
    void clashingOperationIdsAndPathsAreReported() throws Exception {
        JsonNode merged = OpenApiMerger.merge("S", "1", List.of(
                new OpenApiMerger.ServiceDoc("a", "A", doc("/x", "same", "X")),
                new OpenApiMerger.ServiceDoc("b", "B", doc("/y", "same", "Y")),
                new OpenApiMerger.ServiceDoc("c", "C", doc("/x", "other", "Z"))), List.of());
        assertEquals(2, merged.path("x-merge-conflicts").size());
        assertTrue(merged.path("x-merge-conflicts").get(0).asText().contains("operationId same"));
        assertTrue(merged.path("x-merge-conflicts").get(1).asText().contains("path /x"));
    }
}
