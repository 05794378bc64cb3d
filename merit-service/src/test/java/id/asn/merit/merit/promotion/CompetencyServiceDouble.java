package id.asn.merit.merit.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A stand-in for competency-service's {@code POST /api/v1/competency-gaps:batch}, started once for every
 * {@code @QuarkusTest} of the module (merit-service's client URL points at it). Tests steer it through system
 * properties, which the test class and this resource share whatever class loader each was loaded by:
 * {@link #mode} OK, DOWN (the connection is dropped without an answer), ERROR (500) or SLOW (answers after
 * {@value #SLOW_MILLIS} ms, past the client's timeout in tests); a JPM per NIP with
 * {@link #jpm}; it records the last Authorization header, the number of calls and the largest batch.
 * A position code starting with {@value #UNKNOWN_PREFIX} is answered 422, as competency-service answers a
 * position it does not know.
 */
@QuarkusTestResource(CompetencyServiceDouble.class)
public class CompetencyServiceDouble implements QuarkusTestResourceLifecycleManager {
    public static final String UNKNOWN_PREFIX = "NOCOMP-";
    public static final long SLOW_MILLIS = 4000;
    private static final String P = "asn.test.competency-double.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    public enum Mode { OK, DOWN, ERROR, SLOW }

    public static void mode(Mode mode) {
        System.setProperty(P + "mode", mode.name());
    }

    public static void jpm(String nip, double jpm) {
        System.setProperty(P + "jpm." + nip, Double.toString(jpm));
    }

    public static String lastAuthorization() {
        return System.getProperty(P + "authorization");
    }

    public static int calls() {
        return Integer.parseInt(System.getProperty(P + "calls", "0"));
    }

    public static int largestBatch() {
        return Integer.parseInt(System.getProperty(P + "largest", "0"));
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the competency-service double", e);
        }
        server.createContext("/api/v1/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        mode(Mode.OK);
        return Map.of("quarkus.rest-client.competency.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            Mode mode = Mode.valueOf(System.getProperty(P + "mode", "OK"));
            if (mode == Mode.DOWN) {
                return; // closed without a status line: the client sees a dropped connection, as with a dead service
            }
            if (mode == Mode.SLOW) {
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 500, "application/problem+json", "{\"status\":500,\"detail\":\"too late\"}");
                return;
            }
            if (mode == Mode.ERROR) {
                send(exchange, 500, "application/problem+json",
                        "{\"type\":\"urn:asn:problem:internal\",\"title\":\"Internal error\",\"status\":500}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !(path.equals("/api/v1/competency-gaps:batch")
                    || path.equalsIgnoreCase("/api/v1/competency-gaps%3Abatch"))) {
                send(exchange, 404, "application/problem+json", "{\"status\":404,\"detail\":\"no route " + path + "\"}");
                return;
            }
            synchronized (CompetencyServiceDouble.class) {
                System.setProperty(P + "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                System.setProperty(P + "calls", Integer.toString(calls() + 1));
            }
            JsonNode request = JSON.readTree(body);
            String position = request.path("positionCode").asText();
            if (position.startsWith(UNKNOWN_PREFIX)) {
                send(exchange, 422, "application/problem+json", "{\"type\":\"urn:asn:problem:unprocessable\",\"status\":422,"
                        + "\"detail\":\"positionCode: position " + position + " is not known to competency-service\"}");
                return;
            }
            ArrayNode nips = (ArrayNode) request.path("nips");
            if (nips.size() > 500) {
                send(exchange, 400, "application/problem+json", "{\"status\":400,\"detail\":\"nips: at most 500\"}");
                return;
            }
            synchronized (CompetencyServiceDouble.class) {
                System.setProperty(P + "largest", Integer.toString(Math.max(largestBatch(), nips.size())));
            }
            ObjectNode answer = JSON.createObjectNode().put("positionCode", position).put("standardVersion", 3).put("standardSource", "OWN")
                    .put("policyVersion", 1).put("purpose", request.path("purpose").asText("SELECTION")).put("on", request.path("on").asText());
            ArrayNode items = answer.putArray("items");
            for (JsonNode n : nips) {
                double jpm = Double.parseDouble(System.getProperty(P + "jpm." + n.asText(), "70.0"));
                ObjectNode item = items.addObject().put("nip", n.asText()).put("positionCode", position).put("targetPosition", true)
                        .put("on", request.path("on").asText()).put("purpose", "SELECTION");
                item.putArray("items");
                item.put("jpm", jpm).put("category", jpm >= 80 ? "MEMENUHI_SYARAT" : jpm >= 68 ? "MASIH_MEMENUHI_SYARAT" : "KURANG_MEMENUHI_SYARAT")
                        .put("coverage", 1.0).put("standardVersion", 3).put("standardSource", "OWN").put("policyVersion", 1)
                        .put("computedAt", "2026-12-01T10:00:00+07:00");
                item.putArray("assessmentIds");
            }
            send(exchange, 200, "application/json", JSON.writeValueAsString(answer));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
