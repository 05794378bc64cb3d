package id.asn.merit.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks front-end teams' linters (Redocly {@code lint}, Spectral {@code spectral:oas}) fail a document on, for
 * an OpenAPI 3.1 document read as JSON, so the build catches them without Node.js:
 * <ul>
 * <li>{@code security}: every security requirement names a scheme of {@code components.securitySchemes};</li>
 * <li>{@code example}: every example of a media type or parameter validates against its schema (types, nullability,
 * enums, required properties, array items, {@code $ref}, {@code allOf}/{@code oneOf}/{@code anyOf});</li>
 * <li>{@code array-items}: every schema of type array has {@code items};</li>
 * <li>{@code description}: every operation has a non-empty description.</li>
 * </ul>
 * Each finding is {@code rule: where: what}.
 */
final class OpenApiLint {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode doc;
    private final List<String> findings = new ArrayList<>();

    private OpenApiLint(JsonNode doc) {
        this.doc = doc;
    }

    static List<String> check(JsonNode doc) {
        OpenApiLint lint = new OpenApiLint(doc);
        lint.security();
        lint.operations();
        lint.arrays(doc, "#");
        lint.examples(doc, "#");
        return lint.findings;
    }

    private void security() {
        Set<String> schemes = new HashSet<>();
        doc.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        requirements(doc.path("security"), "#/security", schemes);
        eachOperation((where, op) -> requirements(op.path("security"), where + "/security", schemes));
    }

    private void requirements(JsonNode security, String where, Set<String> schemes) {
        for (JsonNode requirement : security) {
            requirement.fieldNames().forEachRemaining(name -> {
                if (!schemes.contains(name)) {
                    findings.add("security: " + where + ": names scheme '" + name + "', which is not defined (defined: " + schemes + ")");
                }
            });
        }
    }

    private void operations() {
        eachOperation((where, op) -> {
            if (op.path("description").asText("").isBlank()) {
                findings.add("description: " + where + ": the operation has no description");
            }
        });
    }

    private void eachOperation(java.util.function.BiConsumer<String, JsonNode> action) {
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    action.accept(method.toUpperCase() + " " + path.getKey(), op);
                }
            }
        }
    }

    private void arrays(JsonNode node, String where) {
        if (node.isObject()) {
            if (types(node).contains("array") && !node.has("items")) {
                findings.add("array-items: " + where + ": a schema of type array without items");
            }
            node.fields().forEachRemaining(f -> {
                // an example's own data is not a schema
                if (!f.getKey().equals("example") && !f.getKey().equals("examples")) {
                    arrays(f.getValue(), where + "/" + f.getKey());
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                arrays(node.get(i), where + "/" + i);
            }
        }
    }

    private void examples(JsonNode node, String where) {
        if (node.isObject()) {
            JsonNode schema = node.get("schema");
            if (schema != null && schema.isObject()) {
                if (node.has("example")) {
                    validate(schema, node.get("example"), where + "/example", "");
                }
                node.path("examples").fields().forEachRemaining(e -> {
                    if (e.getValue().has("value")) {
                        validate(schema, e.getValue().get("value"), where + "/examples/" + e.getKey(), "");
                    }
                });
            }
            node.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("example") && !f.getKey().equals("examples")) {
                    examples(f.getValue(), where + "/" + f.getKey());
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                examples(node.get(i), where + "/" + i);
            }
        }
    }

    private void validate(JsonNode schema, JsonNode value, String where, String at) {
        List<String> errors = new ArrayList<>();
        errors(schema, value, at.isEmpty() ? "$" : at, errors, 0);
        errors.forEach(e -> findings.add("example: " + where + ": " + e));
    }

    private void errors(JsonNode schema, JsonNode value, String at, List<String> errors, int depth) {
        schema = resolve(schema);
        if (schema == null || depth > 40) {
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            errors(part, value, at, errors, depth + 1);
        }
        List<JsonNode> alternatives = new ArrayList<>();
        schema.path("oneOf").forEach(alternatives::add);
        schema.path("anyOf").forEach(alternatives::add);
        if (!alternatives.isEmpty()) {
            boolean matched = false;
            for (JsonNode alternative : alternatives) {
                List<String> none = new ArrayList<>();
                errors(alternative, value, at, none, depth + 1);
                matched |= none.isEmpty();
            }
            if (!matched) {
                errors.add(at + " matches none of oneOf/anyOf");
            }
        }
        Set<String> types = types(schema);
        String actual = typeOf(value);
        if (!types.isEmpty() && !types.contains(actual) && !(actual.equals("integer") && types.contains("number"))) {
            errors.add(at + " is " + actual + " (" + abbreviate(value) + "), the schema says " + types);
            return;
        }
        if (schema.has("enum") && !value.isNull()) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                errors.add(at + " is " + abbreviate(value) + ", not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    errors.add(at + " lacks required property " + required.asText());
                }
            }
            schema.path("properties").fields().forEachRemaining(p -> {
                if (value.has(p.getKey())) {
                    errors(p.getValue(), value.get(p.getKey()), at + "." + p.getKey(), errors, depth + 1);
                }
            });
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                errors(schema.get("items"), value.get(i), at + "[" + i + "]", errors, depth + 1);
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        int hops = 0;
        while (schema != null && schema.has("$ref") && hops++ < 20) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                findings.add("example: cannot follow external $ref " + ref);
                return null;
            }
            JsonNode target = doc.at(ref.substring(1).replace("~1", "/"));
            if (target.isMissingNode()) {
                findings.add("example: $ref " + ref + " points at nothing");
                return null;
            }
            schema = target;
        }
        return schema;
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.get("type");
        if (type == null) {
            return types;
        }
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        if (schema.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        return types;
    }

    private static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        } else if (value.isBoolean()) {
            return "boolean";
        } else if (value.isIntegralNumber()) {
            return "integer";
        } else if (value.isNumber()) {
            return "number";
        } else if (value.isTextual()) {
            return "string";
        } else if (value.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
