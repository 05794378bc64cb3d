package id.asn.merit.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the services' OpenAPI documents into the suite's one. Pure: parsed documents in, a new document out.
 * <ul>
 * <li>Every path and operation is kept. Two services defining the same operation (method and path) is a conflict:
 * the first (by service name) is kept.</li>
 * <li>Each service's components (schemas, responses, parameters, examples, request bodies, headers, links,
 * callbacks, path items) are renamed {@code <schema-prefix>.<Name>} and every {@code $ref} to them (and every
 * discriminator mapping) follows, so no two services' names collide.</li>
 * <li>Bearer security schemes of all services become the one {@code bearerAuth}; security requirements follow, and
 * a document-wide requirement is moved onto that service's operations.</li>
 * <li>An {@code operationId} used twice is a conflict; the later one gets its service's prefix so the document stays
 * valid for code generators.</li>
 * <li>Tags are merged by name. Conflicts are listed in {@code x-merge-conflicts}, services that could not be read
 * in {@code x-unavailable-services}.</li>
 * </ul>
 */
public final class OpenApiMerger {
    public static final String BEARER_SCHEME = "bearerAuth";
    static final List<String> PREFIXED_KINDS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "links", "callbacks", "pathItems");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String COMPONENTS = "#/components/";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The suite's own info block. */
    public record Info(String title, String version, String description) {
    }

    private final Info info;
    private final Map<String, String> schemaPrefixes;

    /** @param schemaPrefixes service name → prefix of its component names; a service not listed uses its name */
    public OpenApiMerger(Info info, Map<String, String> schemaPrefixes) {
        this.info = info;
        this.schemaPrefixes = Map.copyOf(schemaPrefixes);
    }

    /**
     * @param documents service name → its OpenAPI document (not modified)
     * @param unavailable services whose document could not be read
     */
    public ObjectNode merge(Map<String, ? extends JsonNode> documents, Collection<String> unavailable) {
        Map<String, JsonNode> sorted = new TreeMap<>(documents);
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", openApiVersion(sorted.values()));
        ObjectNode infoNode = merged.putObject("info");
        infoNode.put("title", info.title());
        infoNode.put("version", info.version());
        infoNode.put("description", info.description());
        sorted.values().stream().map(d -> d.path("info").path("license")).filter(JsonNode::isObject).findFirst()
                .ifPresent(license -> infoNode.set("license", license.deepCopy()));
        merged.putArray("servers").addObject().put("url", "/");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");

        Map<String, ObjectNode> tagsByName = new LinkedHashMap<>();
        Map<String, String> operationOwners = new HashMap<>();
        Map<String, String> pathOwners = new HashMap<>();
        List<String> conflicts = new ArrayList<>();
        ArrayNode services = NODES.arrayNode();

        for (Map.Entry<String, JsonNode> entry : sorted.entrySet()) {
            String service = entry.getKey();
            String prefix = schemaPrefixes.getOrDefault(service, service);
            ObjectNode doc = entry.getValue().deepCopy();
            Map<String, String> schemeNames = securitySchemeNames(doc, prefix);
            rewriteRefs(doc, prefix, schemeNames);
            pushDownSecurity(doc, schemeNames);

            ObjectNode summary = services.addObject();
            summary.put("name", service);
            summary.put("schemaPrefix", prefix);
            summary.put("title", doc.path("info").path("title").asText(service));
            summary.put("version", doc.path("info").path("version").asText(""));

            mergePaths(service, prefix, doc, paths, pathOwners, operationOwners, conflicts);
            mergeComponents(service, prefix, doc, components, schemeNames, conflicts);
            for (JsonNode tag : doc.path("tags")) {
                String name = tag.path("name").asText(null);
                if (name == null) {
                    continue;
                }
                ObjectNode known = tagsByName.get(name);
                if (known == null) {
                    tagsByName.put(name, (ObjectNode) tag);
                } else if (!known.has("description") && tag.has("description")) {
                    known.set("description", tag.get("description"));
                }
            }
        }
        tagsByName.values().forEach(tags::add);
        if (components.isEmpty()) {
            merged.remove("components");
        }
        merged.set("x-services", services);
        ArrayNode down = merged.putArray("x-unavailable-services");
        new TreeSet<>(unavailable).forEach(down::add);
        if (!conflicts.isEmpty()) {
            ArrayNode c = merged.putArray("x-merge-conflicts");
            conflicts.forEach(c::add);
        }
        return merged;
    }

    /** Since when a service's document could not be read; {@code lastRead} is when its kept copy was read. */
    public record Outage(java.time.Instant since, java.time.Instant lastRead) {
    }

    /**
     * Marks, on a merged document, the services whose document is a kept copy (stale) and those the gateway never
     * read (missing), so a reader is told rather than shown a silently shorter document:
     * {@code x-asn-stale: [{service, since, lastRead}]} on the document and on each tag of a stale service (a tag shared
     * by two services can name both), {@code x-asn-missing: [{service, since}]} on the document, a {@code status}
     * ({@code fresh}, {@code stale}, {@code missing}) on each {@code x-services} entry, and a sentence per service in
     * {@code info.description}. Values are strings only (no nulls), so the document stays valid OpenAPI.
     *
     * @param documents the documents merged (stale ones included), for the tags each service brought
     */
    public static void markAvailability(ObjectNode merged, Map<String, ? extends JsonNode> documents,
            Map<String, Outage> stale, Map<String, java.time.Instant> missing) {
        StringBuilder description = new StringBuilder(merged.path("info").path("description").asText(""));
        if (!stale.isEmpty()) {
            ArrayNode marks = merged.putArray("x-asn-stale");
            Map<String, ObjectNode> tagsByName = new HashMap<>();
            merged.path("tags").forEach(t -> tagsByName.put(t.path("name").asText(""), (ObjectNode) t));
            new TreeMap<>(stale).forEach((service, outage) -> {
                ObjectNode mark = NODES.objectNode()
                        .put("service", service)
                        .put("since", outage.since().toString())
                        .put("lastRead", outage.lastRead().toString());
                marks.add(mark);
                JsonNode doc = documents.get(service);
                if (doc != null) {
                    for (JsonNode tag : doc.path("tags")) {
                        ObjectNode target = tagsByName.get(tag.path("name").asText(""));
                        if (target != null) {
                            JsonNode list = target.get("x-asn-stale");
                            (list instanceof ArrayNode a ? a : target.putArray("x-asn-stale")).add(mark.deepCopy());
                        }
                    }
                }
                description.append(description.length() == 0 ? "" : " ").append("STALE: ").append(service)
                        .append(" has not answered since ").append(outage.since())
                        .append("; its part of this document is the last one the gateway read, at ")
                        .append(outage.lastRead()).append('.');
            });
        }
        if (!missing.isEmpty()) {
            ArrayNode marks = merged.putArray("x-asn-missing");
            new TreeMap<>(missing).forEach((service, since) -> {
                marks.addObject().put("service", service).put("since", since.toString());
                description.append(description.length() == 0 ? "" : " ").append("MISSING: ").append(service)
                        .append(" has not answered since ").append(since)
                        .append(" and the gateway has never read its document; its operations are not in this one.");
            });
        }
        if (merged.path("info").isObject()) {
            ((ObjectNode) merged.get("info")).put("description", description.toString());
        }
        JsonNode services = merged.get("x-services");
        if (services instanceof ArrayNode list) {
            list.forEach(s -> ((ObjectNode) s).put("status",
                    stale.containsKey(s.path("name").asText()) ? "stale" : "fresh"));
            new TreeSet<>(missing.keySet()).forEach(service -> list.addObject().put("name", service).put("status", "missing"));
        }
    }

    private static String openApiVersion(Collection<JsonNode> docs) {
        return docs.stream().map(d -> d.path("openapi").asText("")).filter(v -> !v.isEmpty())
                .max(String::compareTo).orElse("3.1.0");
    }

    /** Old security scheme name → new one: bearer schemes become {@link #BEARER_SCHEME}, others get the prefix. */
    private static Map<String, String> securitySchemeNames(ObjectNode doc, String prefix) {
        Map<String, String> names = new HashMap<>();
        doc.path("components").path("securitySchemes").fields().forEachRemaining(s -> {
            JsonNode scheme = s.getValue();
            boolean bearer = "http".equalsIgnoreCase(scheme.path("type").asText())
                    && "bearer".equalsIgnoreCase(scheme.path("scheme").asText());
            names.put(s.getKey(), bearer ? BEARER_SCHEME : prefix + "." + s.getKey());
        });
        return names;
    }

    /** Rewrites every local component {@code $ref} (and discriminator mapping) in node to the new names. */
    static void rewriteRefs(JsonNode node, String prefix, Map<String, String> schemeNames) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> fieldNames = new ArrayList<>();
            object.fieldNames().forEachRemaining(fieldNames::add);
            for (String name : fieldNames) {
                JsonNode value = object.get(name);
                if (name.equals("$ref") && value.isTextual()) {
                    object.set(name, TextNode.valueOf(renameRef(value.asText(), prefix, schemeNames)));
                } else if (name.equals("mapping") && value.isObject() && isDiscriminator(object)) {
                    ObjectNode mapping = (ObjectNode) value;
                    List<String> keys = new ArrayList<>();
                    mapping.fieldNames().forEachRemaining(keys::add);
                    for (String key : keys) {
                        if (mapping.get(key).isTextual()) {
                            mapping.put(key, renameRef(mapping.get(key).asText(), prefix, schemeNames));
                        }
                    }
                } else {
                    rewriteRefs(value, prefix, schemeNames);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, prefix, schemeNames));
        }
    }

    private static boolean isDiscriminator(ObjectNode object) {
        return object.has("propertyName");
    }

    /** {@code #/components/schemas/X[/rest]} → {@code #/components/schemas/<prefix>.X[/rest]}; others unchanged. */
    static String renameRef(String ref, String prefix, Map<String, String> schemeNames) {
        if (!ref.startsWith(COMPONENTS)) {
            return ref;
        }
        String rest = ref.substring(COMPONENTS.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return ref;
        }
        String kind = rest.substring(0, slash);
        String after = rest.substring(slash + 1);
        int end = after.indexOf('/');
        String name = end < 0 ? after : after.substring(0, end);
        String tail = end < 0 ? "" : after.substring(end);
        if (PREFIXED_KINDS.contains(kind)) {
            return COMPONENTS + kind + "/" + prefix + "." + name + tail;
        }
        if (kind.equals("securitySchemes") && schemeNames.containsKey(name)) {
            return COMPONENTS + kind + "/" + schemeNames.get(name) + tail;
        }
        return ref;
    }

    /** Renames security requirements and moves a document-wide requirement onto operations that have none. */
    private static void pushDownSecurity(ObjectNode doc, Map<String, String> schemeNames) {
        JsonNode global = doc.get("security");
        doc.path("paths").forEach(item -> item.fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey()) || !op.getValue().isObject()) {
                return;
            }
            ObjectNode operation = (ObjectNode) op.getValue();
            if (operation.has("security")) {
                operation.set("security", renameRequirements(operation.get("security"), schemeNames));
            } else if (global != null && global.isArray()) {
                operation.set("security", renameRequirements(global, schemeNames));
            }
        }));
    }

    private static ArrayNode renameRequirements(JsonNode requirements, Map<String, String> schemeNames) {
        ArrayNode out = NODES.arrayNode();
        for (JsonNode requirement : requirements) {
            ObjectNode renamed = out.addObject();
            requirement.fields().forEachRemaining(r -> renamed.set(schemeNames.getOrDefault(r.getKey(), r.getKey()),
                    r.getValue().deepCopy()));
        }
        return out;
    }

    private static void mergePaths(String service, String prefix, ObjectNode doc, ObjectNode paths,
            Map<String, String> pathOwners, Map<String, String> operationOwners, List<String> conflicts) {
        doc.path("paths").fields().forEachRemaining(p -> {
            String path = p.getKey();
            if (!p.getValue().isObject()) {
                return;
            }
            ObjectNode item = (ObjectNode) p.getValue();
            ObjectNode target = (ObjectNode) paths.get(path);
            if (target == null) {
                target = paths.putObject(path);
            }
            ObjectNode into = target;
            item.fields().forEachRemaining(field -> {
                String key = field.getKey();
                if (!METHODS.contains(key)) {
                    if (!into.has(key)) {
                        into.set(key, field.getValue());
                    }
                    return;
                }
                String operation = key.toUpperCase(Locale.ROOT) + " " + path;
                String owner = pathOwners.putIfAbsent(operation, service);
                if (owner != null) {
                    conflicts.add(operation + " is defined by " + owner + " and " + service + "; " + owner + "'s is kept");
                    return;
                }
                JsonNode op = field.getValue();
                if (op.isObject() && op.hasNonNull("operationId")) {
                    String id = op.get("operationId").asText();
                    String idOwner = operationOwners.putIfAbsent(id, service);
                    if (idOwner != null) {
                        String renamed = Character.toLowerCase(prefix.charAt(0)) + prefix.substring(1).replace(".", "")
                                + Character.toUpperCase(id.charAt(0)) + id.substring(1);
                        conflicts.add("operationId " + id + " (" + operation + ") of " + service + " is already used by "
                                + idOwner + "; renamed " + renamed);
                        ((ObjectNode) op).put("operationId", renamed);
                        operationOwners.putIfAbsent(renamed, service);
                    }
                }
                into.set(key, op);
            });
        });
    }

    private static void mergeComponents(String service, String prefix, ObjectNode doc, ObjectNode components,
            Map<String, String> schemeNames, List<String> conflicts) {
        JsonNode own = doc.path("components");
        for (String kind : PREFIXED_KINDS) {
            own.path(kind).fields().forEachRemaining(c -> {
                ObjectNode target = components.has(kind) ? (ObjectNode) components.get(kind) : components.putObject(kind);
                String name = prefix + "." + c.getKey();
                if (target.has(name)) {
                    conflicts.add("components." + kind + "." + name + " of " + service + " clashes with another service's");
                    return;
                }
                target.set(name, c.getValue());
            });
        }
        own.path("securitySchemes").fields().forEachRemaining(s -> {
            ObjectNode target = components.has("securitySchemes") ? (ObjectNode) components.get("securitySchemes")
                    : components.putObject("securitySchemes");
            String name = schemeNames.get(s.getKey());
            if (!target.has(name)) {
                ObjectNode scheme = ((ObjectNode) s.getValue()).deepCopy();
                if (name.equals(BEARER_SCHEME)) {
                    scheme.put("description", "JWT (RS256) bearer token carrying sub, groups, nip and unit");
                }
                target.set(name, scheme);
            }
        });
    }
}
