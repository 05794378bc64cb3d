package id.asn.merit.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into one for the whole suite. Every path and operation is kept; each
 * service's component names get its prefix ({@code Employee.Problem}) and its {@code $ref}s follow, so no two
 * services' schemas collide. Clashing paths or operation ids are listed in {@code x-merge-conflicts}; services that
 * could not be read in {@code x-unavailable-services}. Pure: documents in, document out.
 */
public final class OpenApiMerger {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMPONENT_KINDS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "links", "callbacks");

    public record ServiceDoc(String service, String prefix, JsonNode document) {
    }

    private OpenApiMerger() {
    }

    public static ObjectNode merge(String title, String version, List<ServiceDoc> docs, List<String> unavailable) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", docs.isEmpty() ? "3.0.3" : docs.get(0).document().path("openapi").asText("3.0.3"));
        ObjectNode info = merged.putObject("info");
        info.put("title", title);
        info.put("version", version);
        info.put("description", "The whole ASN Merit Suite behind its gateway: every operation of "
                + String.join(", ", docs.stream().map(ServiceDoc::service).toList())
                + ". Schema names carry their service's prefix. Errors are application/problem+json (RFC 9457).");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        Set<String> operationIds = new LinkedHashSet<>();
        List<String> conflicts = new ArrayList<>();

        for (ServiceDoc doc : docs) {
            JsonNode renamed = renameRefs(doc.document().deepCopy(), doc.prefix());
            renamed.path("paths").fields().forEachRemaining(path -> {
                if (paths.has(path.getKey())) {
                    conflicts.add("path " + path.getKey() + " is served by more than one service (" + doc.service() + ")");
                    return;
                }
                path.getValue().fields().forEachRemaining(op -> {
                    if (op.getValue().has("operationId") && !operationIds.add(op.getValue().get("operationId").asText())) {
                        conflicts.add("operationId " + op.getValue().get("operationId").asText() + " is used twice (" + doc.service() + ")");
                    }
                });
                paths.set(path.getKey(), path.getValue());
            });
            JsonNode own = renamed.path("components");
            for (String kind : COMPONENT_KINDS) {
                own.path(kind).fields().forEachRemaining(c -> {
                    ObjectNode target = components.has(kind) ? (ObjectNode) components.get(kind) : components.putObject(kind);
                    target.set(doc.prefix() + "." + c.getKey(), c.getValue());
                });
            }
            own.path("securitySchemes").fields().forEachRemaining(s -> {
                ObjectNode target = components.has("securitySchemes") ? (ObjectNode) components.get("securitySchemes")
                        : components.putObject("securitySchemes");
                if (!target.has(s.getKey())) {
                    target.set(s.getKey(), s.getValue());
                }
            });
            for (JsonNode tag : renamed.path("tags")) {
                tags.putIfAbsent(tag.path("name").asText(), (ObjectNode) tag);
            }
        }
        ArrayNode tagArray = merged.putArray("tags");
        tags.values().forEach(tagArray::add);
        ArrayNode services = merged.putArray("x-services");
        docs.forEach(d -> services.add(d.service()));
        if (!unavailable.isEmpty()) {
            ArrayNode u = merged.putArray("x-unavailable-services");
            unavailable.forEach(u::add);
        }
        if (!conflicts.isEmpty()) {
            ArrayNode c = merged.putArray("x-merge-conflicts");
            conflicts.forEach(c::add);
        }
        return merged;
    }

    /** Rewrites every {@code $ref} to a local component ({@code #/components/<kind>/X}) to the prefixed name. */
    static JsonNode renameRefs(JsonNode node, String prefix) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(f -> names.add(f.getKey()));
            for (String name : names) {
                JsonNode value = object.get(name);
                if (name.equals("$ref") && value.isTextual() && value.asText().startsWith("#/components/")) {
                    String ref = value.asText();
                    int cut = ref.lastIndexOf('/');
                    String kind = ref.substring("#/components/".length(), cut);
                    if (COMPONENT_KINDS.contains(kind)) {
                        object.set(name, TextNode.valueOf(ref.substring(0, cut + 1) + prefix + "." + ref.substring(cut + 1)));
                    }
                } else {
                    renameRefs(value, prefix);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> renameRefs(child, prefix));
        }
        return node;
    }
}
