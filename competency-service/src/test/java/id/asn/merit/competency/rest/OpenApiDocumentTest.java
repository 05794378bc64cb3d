package id.asn.merit.competency.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated OpenAPI document is a reviewed contract: ids, summaries, tags and documented errors on every operation. */
@QuarkusTest
class OpenApiDocumentTest {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @Test
    void everyOperationHasAnIdASummaryATagAndItsErrors() throws Exception {
        String json = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonNode doc = new ObjectMapper().readTree(json);
        List<String> ids = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                String where = method.toUpperCase() + " " + path.getKey();
                if (op.path("operationId").asText("").isBlank()) {
                    problems.add(where + ": no operationId");
                } else {
                    ids.add(op.get("operationId").asText());
                }
                if (op.path("summary").asText("").isBlank()) {
                    problems.add(where + ": no summary");
                }
                if (op.path("tags").isEmpty()) {
                    problems.add(where + ": no tag");
                }
                for (String status : List.of("401", "403")) {
                    if (!op.path("responses").has(status)) {
                        problems.add(where + ": no " + status + " response");
                    }
                }
                Iterator<Map.Entry<String, JsonNode>> responses = op.path("responses").fields();
                while (responses.hasNext()) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    JsonNode content = response.getValue().path("content");
                    boolean hasExample = false;
                    for (JsonNode media : content) {
                        hasExample |= media.has("examples") || media.has("example");
                    }
                    if (!hasExample) {
                        problems.add(where + " " + response.getKey() + ": no example");
                    }
                    if (response.getKey().startsWith("4") && !content.has("application/problem+json")) {
                        problems.add(where + " " + response.getKey() + ": not application/problem+json");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertFalse(ids.isEmpty());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "operationIds are unique: " + ids);
        assertEquals(Set.of("listCompetencies", "getCompetency", "createCompetency", "replaceCompetency", "listCompetencyServiceAudit"),
                new HashSet<>(ids));
    }
}
