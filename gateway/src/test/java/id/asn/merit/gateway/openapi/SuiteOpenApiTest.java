package id.asn.merit.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Over the services' real documents, as their builds write them ({@code <service>/target/openapi/openapi.json}; the
 * reactor builds the four services before the gateway), merged with the schema prefixes of the gateway's own
 * configuration: every operation is in the merged document, every operation has an operationId and they are unique
 * across the suite, no schema name collides and every $ref resolves.
 */
class SuiteOpenApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SERVICES = List.of("employee-service", "competency-service", "training-service", "merit-service");

    @Test
    void theMergedSuiteDocumentHasEveryOperationOnceAndEveryRefResolves() throws Exception {
        Path root = Path.of(System.getProperty("asn.root", "..")).toAbsolutePath().normalize();
        Map<String, String> prefixes = configuredSchemaPrefixes();
        assertEquals(new TreeSet<>(SERVICES), new TreeSet<>(prefixes.keySet()), "application.properties routes the four services");

        Map<String, JsonNode> documents = new LinkedHashMap<>();
        Set<String> expectedOperations = new TreeSet<>();
        int schemaCount = 0;
        for (String service : SERVICES) {
            Path file = root.resolve(service).resolve("target/openapi/openapi.json");
            if (!Files.isRegularFile(file)) {
                fail(file + " is missing: build the services first (./mvnw verify builds them before the gateway; "
                        + "each writes it with quarkus.smallrye-openapi.store-schema-directory=target/openapi)");
            }
            JsonNode doc = JSON.readTree(file.toFile());
            documents.put(service, doc);
            operations(doc).forEach((op, node) -> expectedOperations.add(op));
            schemaCount += doc.path("components").path("schemas").size();
        }
        JsonNode merged = new OpenApiMerger(new OpenApiMerger.Info("ASN Merit Suite API", "test", "test"), prefixes)
                .merge(documents, List.of());

        Map<String, JsonNode> mergedOperations = operations(merged);
        assertEquals(expectedOperations, new TreeSet<>(mergedOperations.keySet()), "every service operation is in the merged document");
        List<String> missingIds = new ArrayList<>();
        Map<String, List<String>> byId = new HashMap<>();
        mergedOperations.forEach((op, node) -> {
            String id = node.path("operationId").asText("");
            if (id.isBlank()) {
                missingIds.add(op);
            } else {
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(op);
            }
        });
        assertTrue(missingIds.isEmpty(), "operations without an operationId: " + missingIds);
        Map<String, List<String>> duplicates = new HashMap<>();
        byId.forEach((id, ops) -> {
            if (ops.size() > 1) {
                duplicates.put(id, ops);
            }
        });
        assertTrue(duplicates.isEmpty(), "operationIds used more than once across the suite: " + duplicates);
        assertFalse(merged.has("x-merge-conflicts"), "merge conflicts: " + merged.get("x-merge-conflicts"));

        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals(schemaCount, schemas.size(), "no two services' schema names collide");
        schemas.fieldNames().forEachRemaining(name -> assertTrue(
                prefixes.values().stream().anyMatch(p -> name.startsWith(p + ".")), name + " carries a service prefix"));

        List<String> refs = new ArrayList<>();
        OpenApiMergerTest.collectRefs(merged, refs);
        List<String> unresolved = refs.stream().filter(r -> !r.startsWith("#/") || merged.at(r.substring(1)).isMissingNode())
                .distinct().toList();
        assertTrue(unresolved.isEmpty(), "unresolved $refs: " + unresolved);
        assertEquals(1, merged.path("components").path("securitySchemes").size(), "one bearer scheme for the suite");
    }

    /** "METHOD path" → operation. */
    static Map<String, JsonNode> operations(JsonNode doc) {
        Map<String, JsonNode> ops = new LinkedHashMap<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (OpenApiMerger.METHODS.contains(op.getKey())) {
                ops.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
        return ops;
    }

    /** service → schema-prefix, from the gateway's application.properties (the table the gateway itself uses). */
    static Map<String, String> configuredSchemaPrefixes() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SuiteOpenApiTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        Map<String, String> prefixes = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> {
            if (key.startsWith("asn.gateway.services.") && key.endsWith(".schema-prefix")) {
                prefixes.put(key.substring("asn.gateway.services.".length(), key.length() - ".schema-prefix".length()),
                        properties.getProperty(key));
            }
        });
        return prefixes;
    }
}
