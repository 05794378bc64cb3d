package id.asn.merit.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over the services' real documents, as their builds write them (target/openapi/openapi.json; the reactor builds
 * the services before the gateway): every operation survives the merge, operation ids are unique across the suite,
 * no schema name collides and every $ref resolves.
 */
class SuiteOpenApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> SERVICES = Map.of("employee-service", "Employee", "competency-service", "Competency",
            "training-service", "Training", "merit-service", "Merit");

    @Test
    void theMergedDocumentHasEverythingOnceAndResolves() throws Exception {
        Path root = Path.of(System.getProperty("asn.root", "..")).toAbsolutePath().normalize();
        List<OpenApiMerger.ServiceDoc> docs = new ArrayList<>();
        int operations = 0;
        int schemas = 0;
        Set<String> expectedOps = new HashSet<>();
        for (var s : SERVICES.entrySet()) {
            Path file = root.resolve(s.getKey()).resolve("target/openapi/openapi.json");
            assertTrue(Files.exists(file), file + " is missing: build the services first (./mvnw verify builds them before the gateway)");
            JsonNode doc = JSON.readTree(file.toFile());
            docs.add(new OpenApiMerger.ServiceDoc(s.getKey(), s.getValue(), doc));
            var paths = doc.path("paths").fields();
            while (paths.hasNext()) {
                var path = paths.next();
                var ops = path.getValue().fieldNames();
                while (ops.hasNext()) {
                    String method = ops.next();
                    if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                        operations++;
                        expectedOps.add(method + " " + path.getKey());
                    }
                }
            }
            schemas += doc.at("/components/schemas").size();
        }
        JsonNode merged = OpenApiMerger.merge("ASN Merit Suite API", "0.1.0", docs, List.of());

        List<String> ids = new ArrayList<>();
        Set<String> mergedOps = new HashSet<>();
        var paths = merged.path("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            var ops = path.getValue().fields();
            while (ops.hasNext()) {
                var op = ops.next();
                if (List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                    mergedOps.add(op.getKey() + " " + path.getKey());
                    assertTrue(op.getValue().has("operationId"), op.getKey() + " " + path.getKey() + " has no operationId");
                    ids.add(op.getValue().get("operationId").asText());
                }
            }
        }
        assertEquals(expectedOps, mergedOps, "every service operation is in the merged document");
        assertEquals(operations, ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "operationIds are unique across the suite: " + ids);
        assertEquals(schemas, merged.at("/components/schemas").size(), "no schema name collides");
        assertTrue(!merged.has("x-merge-conflicts"), String.valueOf(merged.get("x-merge-conflicts")));
        List<String> refs = new ArrayList<>();
        collectRefs(merged, refs);
        for (String ref : refs) {
            assertTrue(!merged.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
        }
        assertTrue(refs.size() > 10);
    }

    static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getKey().equals("$ref")) {
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
