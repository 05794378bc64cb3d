package id.asn.merit.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The suite's OpenAPI conventions (SYSTEM.md §4), checked on a service's generated document: every operation has an
 * operationId, a summary, a tag, documented 401 and 403 responses, an example on every response, and every 4xx as
 * application/problem+json. Shipped in platform's test-jar for the services' tests.
 */
public final class OpenApiContract {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private OpenApiContract() {
    }

    /** What breaks the conventions, one line per finding; empty when the document keeps them. */
    public static List<String> problems(JsonNode doc) {
        List<String> problems = new ArrayList<>();
        forEachOperation(doc, (where, op) -> {
            if (op.path("operationId").asText("").isBlank()) {
                problems.add(where + ": no operationId");
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
        });
        return problems;
    }

    /** The operationIds of the document, in document order (duplicates kept, so a caller can detect them). */
    public static List<String> operationIds(JsonNode doc) {
        List<String> ids = new ArrayList<>();
        forEachOperation(doc, (where, op) -> {
            if (op.hasNonNull("operationId")) {
                ids.add(op.get("operationId").asText());
            }
        });
        return ids;
    }

    private static void forEachOperation(JsonNode doc, java.util.function.BiConsumer<String, JsonNode> visitor) {
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    visitor.accept(method.toUpperCase() + " " + path.getKey(), op);
                }
            }
        }
    }
}
