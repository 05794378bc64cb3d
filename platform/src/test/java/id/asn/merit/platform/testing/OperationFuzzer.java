package id.asn.merit.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends bad input to every operation of a running service, as its own {@code /q/openapi} describes them, and
 * collects every answer that breaks SYSTEM.md §4: a 5xx, or a 4xx that is not application/problem+json (and a 401 or
 * 403, which means the token given did not let the fuzzer exercise the operation).
 *
 * <p>Per operation, one parameter or field at a time on an otherwise valid request (path parameters from their
 * examples, the body from the request example or the schema): control characters (NUL, U+0001, U+001F, DEL) and
 * oversized strings in path parameters, query parameters and body strings; wrong types (a string for a number, an
 * object for a string, …), unknown enum values and impossible dates in body fields and query parameters; malformed
 * and truncated JSON, an empty body, invalid UTF-8, a wrong content type. Strings in the URL are
 * {@value #URL_OVERSIZED} characters (the HTTP layer refuses request lines over 4 KiB with a bare 414 before any
 * service code runs); strings in bodies are {@value #BODY_OVERSIZED} characters. The request count stays bounded:
 * at most {@link #maxRequestsPerOperation(int)} per operation.
 *
 * <p>Shipped in platform's test-jar; a service's test calls
 * {@code OperationFuzzer.forQuarkusTest(TestInfra.token("ADMIN")).run()} and asserts that the findings are empty.
 */
public final class OperationFuzzer {
    public static final int URL_OVERSIZED = 2_000;
    public static final int BODY_OVERSIZED = 100_000;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final List<String> CONTROL = List.of("\u0000", "a\u0001b", "\u001f", "x\u007f");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final URI base;
    private final String token;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private int maxRequestsPerOperation = 120;

    private OperationFuzzer(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Against the service of the running @QuarkusTest (REST Assured's base URI and port), with this bearer token. */
    public static OperationFuzzer forQuarkusTest(String bearerToken) {
        return new OperationFuzzer(URI.create(RestAssured.baseURI + ":" + RestAssured.port), bearerToken);
    }

    public static OperationFuzzer against(URI base, String bearerToken) {
        return new OperationFuzzer(base, bearerToken);
    }

    public OperationFuzzer maxRequestsPerOperation(int max) {
        this.maxRequestsPerOperation = max;
        return this;
    }

    /** One answer that breaks the conventions. */
    public record Finding(String operation, String input, int status, String contentType, String body) {
        @Override
        public String toString() {
            return operation + " [" + input + "] → " + status + " " + contentType + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** What a run did and found. */
    public record Report(int operations, int requests, Map<Integer, Integer> statuses, List<Finding> findings) {
        public String summary() {
            StringBuilder b = new StringBuilder(findings.size() + " finding(s) in " + requests + " requests to "
                    + operations + " operations; statuses " + statuses);
            findings.forEach(f -> b.append("\n  ").append(f));
            return b.toString();
        }
    }

    public Report run() {
        JsonNode doc;
        try {
            doc = json.readTree(send("GET", "/q/openapi?format=json", null, null).body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the service's /q/openapi", e);
        }
        List<Finding> findings = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int operations = 0;
        int requests = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                operations++;
                Operation operation = new Operation(method.toUpperCase(), path.getKey(), op, path.getValue(), doc);
                List<Case> cases = operation.cases();
                for (Case c : cases.subList(0, Math.min(cases.size(), maxRequestsPerOperation))) {
                    requests++;
                    HttpResponse<String> response = send(operation.method, c.pathAndQuery, c.contentType, c.body);
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    int status = response.statusCode();
                    statuses.merge(status, 1, Integer::sum);
                    if (status >= 500 || status == 401 || status == 403
                            || (status >= 400 && !type.startsWith("application/problem+json"))) {
                        // 401/403: the token was not accepted, so the operation was never really exercised
                        findings.add(new Finding(operation.method + " " + operation.template, c.description, status, type,
                                response.body()));
                    }
                }
            }
        }
        Report report = new Report(operations, requests, statuses, findings);
        System.out.println("OperationFuzzer: " + report.summary());
        return report;
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery.substring(0, Math.min(200, pathAndQuery.length()))
                    + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request to send: the path with its query, the body and a description of what is wrong in it. */
    private record Case(String description, String pathAndQuery, String contentType, byte[] body) {
    }

    /** One operation of the document and the bad requests for it. */
    private final class Operation {
        final String method;
        final String template;
        final JsonNode op;
        final JsonNode doc;
        final Map<String, JsonNode> pathParams = new LinkedHashMap<>();
        final Map<String, JsonNode> queryParams = new LinkedHashMap<>();
        String bodyType;
        JsonNode bodySchema;
        JsonNode bodyExample;

        Operation(String method, String template, JsonNode op, JsonNode pathItem, JsonNode doc) {
            this.method = method;
            this.template = template;
            this.op = op;
            this.doc = doc;
            List<JsonNode> parameters = new ArrayList<>();
            pathItem.path("parameters").forEach(parameters::add);
            op.path("parameters").forEach(parameters::add);
            for (JsonNode p : parameters) {
                p = resolve(p);
                switch (p.path("in").asText()) {
                    case "path" -> pathParams.put(p.path("name").asText(), p);
                    case "query" -> queryParams.put(p.path("name").asText(), p);
                    default -> {
                        // headers (If-Match, Idempotency-Key) keep their defaults: absent
                    }
                }
            }
            for (String name : templateNames(template)) {
                pathParams.putIfAbsent(name, NODES.objectNode());
            }
            JsonNode content = resolve(op.path("requestBody")).path("content");
            if (content.has("application/json")) {
                bodyType = "application/json";
            } else if (content.fieldNames().hasNext()) {
                bodyType = content.fieldNames().next();
            }
            if (bodyType != null) {
                JsonNode media = content.path(bodyType);
                bodySchema = resolve(media.path("schema"));
                if (media.has("example")) {
                    bodyExample = media.get("example");
                } else if (media.path("examples").fields().hasNext()) {
                    bodyExample = resolve(media.path("examples").fields().next().getValue()).get("value");
                }
                if (bodyExample != null && bodyExample.isTextual() && bodyType.contains("json")) {
                    try {
                        bodyExample = json.readTree(bodyExample.asText());
                    } catch (IOException e) {
                        bodyExample = null;
                    }
                }
            }
        }

        List<Case> cases() {
            List<Case> cases = new ArrayList<>();
            Map<String, String> goodPath = new LinkedHashMap<>();
            pathParams.forEach((name, p) -> goodPath.put(name, sample(name, p)));
            byte[] goodBody = goodBody();
            String goodType = bodyType;

            cases.add(new Case("valid-looking request", url(goodPath, Map.of()), goodType, goodBody));
            for (String name : pathParams.keySet()) {
                for (String bad : urlValues()) {
                    Map<String, String> path = new LinkedHashMap<>(goodPath);
                    path.put(name, bad);
                    cases.add(new Case("path " + name + "=" + describe(bad), url(path, Map.of()), goodType, goodBody));
                }
            }
            for (Map.Entry<String, JsonNode> q : queryParams.entrySet()) {
                List<String> values = new ArrayList<>(urlValues());
                values.addAll(List.of("abc", "-1", "1.5", "99999999999999999999", "", "2024-02-30", "NOT_A_VALUE"));
                for (String bad : values) {
                    cases.add(new Case("query " + q.getKey() + "=" + describe(bad), url(goodPath, Map.of(q.getKey(), bad)),
                            goodType, goodBody));
                }
            }
            cases.add(new Case("undeclared query parameter with NUL", url(goodPath, Map.of("zz", "\u0000")), goodType, goodBody));
            if (bodyType != null && bodyType.contains("json")) {
                jsonBodyCases(cases, url(goodPath, Map.of()));
            } else if (bodyType != null) {
                String at = url(goodPath, Map.of());
                cases.add(new Case("empty " + bodyType + " body", at, bodyType, new byte[0]));
                cases.add(new Case("NUL bytes in a " + bodyType + " body", at, bodyType, new byte[] {0, 0, 0, '\n', 0}));
                cases.add(new Case("invalid UTF-8 in a " + bodyType + " body", at, bodyType, new byte[] {(byte) 0xff, (byte) 0xfe, 'a', '\n'}));
                cases.add(new Case("an oversized line in a " + bodyType + " body", at, bodyType,
                        "x".repeat(BODY_OVERSIZED).getBytes(StandardCharsets.UTF_8)));
            }
            return cases;
        }

        private void jsonBodyCases(List<Case> cases, String at) {
            String type = "application/json";
            for (String raw : List.of("{", "{\"a\":", "[", "nul", "", "\"text\"", "123", "[]", "null", "{\"a\":1}}",
                    "[".repeat(2_000), "\"" + "x".repeat(BODY_OVERSIZED) + "\"")) {
                cases.add(new Case("body " + describe(raw), at, type, raw.getBytes(StandardCharsets.UTF_8)));
            }
            cases.add(new Case("body with invalid UTF-8", at, type, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'}));
            cases.add(new Case("body as text/plain", at, "text/plain", "x".getBytes(StandardCharsets.UTF_8)));
            JsonNode good = bodyExample != null ? bodyExample : sampleOf(bodySchema, 0);
            if (!(good instanceof ObjectNode object)) {
                return;
            }
            for (Mutation m : mutations(object, bodySchema, "", 0)) {
                cases.add(new Case("body " + m.description, at, type, m.body));
            }
        }

        private record Mutation(String description, byte[] body) {
        }

        /** Each field of the object (and of nested objects and array items, one level deep) made wrong in turn. */
        private List<Mutation> mutations(ObjectNode good, JsonNode schema, String prefix, int depth) {
            List<Mutation> out = new ArrayList<>();
            Map<String, JsonNode> properties = properties(schema);
            List<String> names = new ArrayList<>(properties.keySet());
            good.fieldNames().forEachRemaining(n -> {
                if (!names.contains(n)) {
                    names.add(n);
                }
            });
            for (String name : names) {
                JsonNode fieldSchema = resolve(properties.getOrDefault(name, NODES.objectNode()));
                JsonNode current = good.get(name);
                String field = prefix + name;
                for (Map.Entry<String, JsonNode> bad : badValues(fieldSchema, current).entrySet()) {
                    out.add(new Mutation(field + "=" + bad.getKey(), topLevel(good, name, bad.getValue())));
                }
                if (depth == 0) {
                    JsonNode nested = current;
                    JsonNode nestedSchema = fieldSchema;
                    String nestedPrefix = field + ".";
                    if (current instanceof ArrayNode array && !array.isEmpty()) {
                        nested = array.get(0);
                        nestedSchema = resolve(fieldSchema.path("items"));
                        nestedPrefix = field + "[0].";
                    }
                    if (nested instanceof ObjectNode nestedObject) {
                        final JsonNode finalNested = nested;
                        for (Mutation inner : mutations(nestedObject, nestedSchema, nestedPrefix, 1)) {
                            out.add(new Mutation(inner.description, replaceNested(good, name, current, finalNested, inner.body)));
                        }
                    }
                }
            }
            return out;
        }

        private byte[] replaceNested(ObjectNode good, String name, JsonNode current, JsonNode nested, byte[] mutatedNested) {
            try {
                JsonNode mutated = json.readTree(mutatedNested);
                ObjectNode copy = good.deepCopy();
                if (current instanceof ArrayNode) {
                    ArrayNode array = ((ArrayNode) current).deepCopy();
                    array.set(0, mutated);
                    copy.set(name, array);
                } else {
                    copy.set(name, mutated);
                }
                return json.writeValueAsBytes(copy);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private byte[] topLevel(ObjectNode good, String name, JsonNode value) {
            ObjectNode copy = good.deepCopy();
            copy.set(name, value);
            try {
                return json.writeValueAsBytes(copy);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The wrong values for a field, by what it is meant to hold. */
        private Map<String, JsonNode> badValues(JsonNode schema, JsonNode current) {
            Map<String, JsonNode> bad = new LinkedHashMap<>();
            String type = type(schema, current);
            switch (type) {
                case "integer", "number" -> {
                    bad.put("\"abc\"", NODES.textNode("abc"));
                    bad.put("1e400", NODES.numberNode(new java.math.BigDecimal("1e400")));
                    bad.put("-99999999999999999999", NODES.numberNode(new java.math.BigInteger("-99999999999999999999")));
                    bad.put("{}", NODES.objectNode());
                }
                case "boolean" -> {
                    bad.put("\"maybe\"", NODES.textNode("maybe"));
                    bad.put("[]", NODES.arrayNode());
                }
                case "array" -> {
                    bad.put("\"x\"", NODES.textNode("x"));
                    bad.put("{}", NODES.objectNode());
                    bad.put("[NUL string]", NODES.arrayNode().add("\u0000"));
                    bad.put("[null]", NODES.arrayNode().addNull());
                }
                case "object" -> {
                    bad.put("\"x\"", NODES.textNode("x"));
                    bad.put("[]", NODES.arrayNode());
                }
                default -> {
                    for (String c : CONTROL) {
                        bad.put(describe(c), NODES.textNode(c));
                    }
                    bad.put(BODY_OVERSIZED + " chars", NODES.textNode("x".repeat(BODY_OVERSIZED)));
                    bad.put("{}", NODES.objectNode());
                    bad.put("[]", NODES.arrayNode());
                    if (schema.has("enum")) {
                        bad.put("NOT_A_VALUE", NODES.textNode("NOT_A_VALUE"));
                    }
                    String format = schema.path("format").asText("");
                    if (format.startsWith("date")) {
                        bad.put("2024-02-30", NODES.textNode("2024-02-30"));
                        bad.put("yesterday", NODES.textNode("yesterday"));
                    }
                }
            }
            bad.put("null", NODES.nullNode());
            return bad;
        }

        private byte[] goodBody() {
            if (bodyType == null) {
                return null;
            }
            if (bodyType.contains("json")) {
                JsonNode good = bodyExample != null ? bodyExample : sampleOf(bodySchema, 0);
                try {
                    return json.writeValueAsBytes(good);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return bodyExample != null ? bodyExample.asText().getBytes(StandardCharsets.UTF_8) : new byte[0];
        }

        /** A plausible value from the schema alone, for a body without an example. */
        private JsonNode sampleOf(JsonNode schema, int depth) {
            schema = resolve(schema);
            if (schema.has("example")) {
                return schema.get("example");
            }
            if (schema.has("default")) {
                return schema.get("default");
            }
            if (schema.has("enum") && !schema.get("enum").isEmpty()) {
                return schema.get("enum").get(0);
            }
            switch (type(schema, null)) {
                case "object" -> {
                    ObjectNode object = NODES.objectNode();
                    if (depth < 3) {
                        properties(schema).forEach((name, s) -> object.set(name, sampleOf(s, depth + 1)));
                    }
                    return object;
                }
                case "array" -> {
                    ArrayNode array = NODES.arrayNode();
                    if (depth < 3) {
                        array.add(sampleOf(schema.path("items"), depth + 1));
                    }
                    return array;
                }
                case "integer" -> {
                    return NODES.numberNode(1);
                }
                case "number" -> {
                    return NODES.numberNode(1.5);
                }
                case "boolean" -> {
                    return NODES.booleanNode(true);
                }
                default -> {
                    String format = schema.path("format").asText("");
                    return NODES.textNode(format.equals("date") ? "2024-01-31"
                            : format.equals("date-time") ? "2024-01-31T10:00:00Z" : "X1");
                }
            }
        }

        private Map<String, JsonNode> properties(JsonNode schema) {
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            schema = resolve(schema);
            for (JsonNode part : schema.path("allOf")) {
                properties.putAll(properties(part));
            }
            schema.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
            return properties;
        }

        private String type(JsonNode schema, JsonNode current) {
            schema = resolve(schema);
            JsonNode type = schema.get("type");
            if (type != null && type.isArray()) {
                for (JsonNode t : type) {
                    if (!t.asText().equals("null")) {
                        return t.asText();
                    }
                }
            }
            if (type != null && type.isTextual()) {
                return type.asText();
            }
            if (schema.has("properties") || schema.has("allOf")) {
                return "object";
            }
            if (current != null) {
                return current.isNumber() ? "number" : current.isBoolean() ? "boolean" : current.isArray() ? "array"
                        : current.isObject() ? "object" : "string";
            }
            return "string";
        }

        /** {@code $ref} to the components, followed; a single-entry allOf/anyOf/oneOf unwrapped. */
        private JsonNode resolve(JsonNode node) {
            for (int i = 0; i < 10 && node != null; i++) {
                if (node.has("$ref")) {
                    String ref = node.get("$ref").asText();
                    JsonNode target = doc;
                    for (String part : ref.replaceFirst("^#/", "").split("/")) {
                        target = target.path(part);
                    }
                    node = target;
                } else if (node.path("allOf").size() == 1 && !node.has("properties")) {
                    node = node.get("allOf").get(0);
                } else if (node.path("anyOf").size() >= 1 && !node.has("type")) {
                    node = node.get("anyOf").get(0);
                } else if (node.path("oneOf").size() >= 1 && !node.has("type")) {
                    node = node.get("oneOf").get(0);
                } else {
                    break;
                }
            }
            return node == null || node.isMissingNode() ? NODES.objectNode() : node;
        }

        private String sample(String name, JsonNode parameter) {
            if (parameter.has("example")) {
                return parameter.get("example").asText();
            }
            if (parameter.path("examples").fields().hasNext()) {
                return resolve(parameter.path("examples").fields().next().getValue()).path("value").asText();
            }
            JsonNode schema = resolve(parameter.path("schema"));
            if (schema.has("example")) {
                return schema.get("example").asText();
            }
            String type = type(schema, null);
            return type.equals("integer") || type.equals("number") ? "1" : "X1";
        }

        private String url(Map<String, String> path, Map<String, String> query) {
            String url = template;
            for (Map.Entry<String, String> p : path.entrySet()) {
                url = url.replace("{" + p.getKey() + "}", encode(p.getValue()));
            }
            if (!query.isEmpty()) {
                StringBuilder q = new StringBuilder();
                query.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(encode(k)).append('=').append(encode(v)));
                url += q;
            }
            return url;
        }
    }

    private static List<String> urlValues() {
        List<String> values = new ArrayList<>(CONTROL);
        values.add("x".repeat(URL_OVERSIZED));
        values.add("%");
        values.add("'; select 1; --");
        values.add("\ud83d\ude00");
        return values;
    }

    private static List<String> templateNames(String template) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}:]+)[^}]*}").matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Percent-encodes every byte that is not unreserved (RFC 3986), so control characters arrive as %00, %01 … */
    static String encode(String value) {
        StringBuilder b = new StringBuilder();
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    private static String describe(String value) {
        if (value.length() > 40) {
            return value.substring(0, 10).replaceAll("\\p{Cntrl}", "?") + "… (" + value.length() + " chars)";
        }
        StringBuilder b = new StringBuilder();
        value.chars().forEach(c -> b.append(c < 0x20 || c == 0x7f ? "\\u%04X".formatted(c) : String.valueOf((char) c)));
        return b.isEmpty() ? "(empty)" : b.toString();
    }
}
