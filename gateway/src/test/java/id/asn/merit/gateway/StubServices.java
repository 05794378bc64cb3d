package id.asn.merit.gateway;

import id.asn.merit.devinfra.DevJwt;
import id.asn.merit.devinfra.FreePort;
import id.asn.merit.devinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Stub backends on loopback for the gateway's tests, one real HTTP server per service, because a real service
 * would not make failures reproducible. employee-, competency- and training-service echo what reaches them (method,
 * path, query, headers, body size and CRC32); {@code .../slow} answers after 5 s; {@code .../big?bytes=N} sends N
 * bytes; {@code .../no-content} is a 204; {@code .../hold?ms=N} answers after N ms; {@code /q/openapi} serves a fixture document;
 * {@code /q/health/ready} is UP until {@code POST /__stub/health?status=503} says otherwise; {@code /q/openapi} answers
 * that status instead of the fixture after {@code POST /__stub/openapi?status=N} (200 restores it). merit-service points at a
 * port where nothing listens, unless the arg {@code merit=up}. Arg {@code key=missing} points the JWT key at a file
 * that does not exist. Init args named like a config key ({@code asn.gateway.timeout}, ...) override it.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {
    static final List<String> LIVE = List.of("employee-service", "competency-service", "training-service");
    private final Map<String, Integer> healthStatus = new ConcurrentHashMap<>();
    /** Status of each stub's {@code /q/openapi} (200: the fixture), set by {@code POST /__stub/openapi?status=N}. */
    private final Map<String, Integer> openApiStatus = new ConcurrentHashMap<>();
    private Vertx vertx;
    private boolean meritUp;
    private boolean keyMissing;
    private boolean keyByJwks;
    private final java.util.concurrent.atomic.AtomicInteger jwksFetches = new java.util.concurrent.atomic.AtomicInteger();
    /** Init args named like a config key ({@code asn.gateway.*}) are passed on as config: a test's own limits. */
    private final Map<String, String> overrides = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        meritUp = "up".equals(initArgs.get("merit"));
        keyMissing = "missing".equals(initArgs.get("key"));
        keyByJwks = "jwks".equals(initArgs.get("key"));
        initArgs.forEach((k, v) -> {
            if (k.startsWith("asn.") || k.startsWith("quarkus.") || k.startsWith("mp.") || k.startsWith("smallrye.")) {
                overrides.put(k, v);
            }
        });
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        List<String> live = new ArrayList<>(LIVE);
        if (meritUp) {
            live.add("merit-service");
        }
        for (String service : live) {
            int port = FreePort.find();
            healthStatus.put(service, 200);
            HttpServer server = vertx.createHttpServer().requestHandler(req -> handle(service, req));
            server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
            config.put("asn.gateway.services." + service + ".url", "http://127.0.0.1:" + port);
        }
        if (!meritUp) {
            config.put("asn.gateway.services.merit-service.url", "http://127.0.0.1:" + FreePort.find());
        }
        config.put("asn.gateway.timeout", "1s");
        config.put("asn.gateway.health.timeout", "1s");
        config.put("asn.gateway.openapi.fetch-timeout", "1s");
        config.put("mp.jwt.verify.publickey.location", keyMissing
                ? TestTokens.keyDir().resolve("no-such-dir/publicKey.pem").toUri().toString()
                : TestTokens.publicKeyLocation());
        if (keyByJwks) {
            config.put("mp.jwt.verify.publickey.location", "http://127.0.0.1:" + startJwks() + "/jwks");
        }
        config.put("mp.jwt.verify.issuer", DevJwt.ISSUER);
        config.putAll(overrides);
        return config;
    }

    /**
     * Arg {@code key=jwks}: the verification key is served as a JWKS by a slow identity provider (each fetch answered
     * after 1.5 s); {@code GET /__jwks/count} tells how often it was fetched.
     */
    private int startJwks() {
        int port = FreePort.find();
        String jwk;
        try {
            String pem = java.nio.file.Files.readString(TestTokens.keyDir().resolve(DevJwt.PUBLIC_KEY_FILE))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            var key = (java.security.interfaces.RSAPublicKey) java.security.KeyFactory.getInstance("RSA")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(pem)));
            var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
            jwk = new JsonObject().put("kty", "RSA").put("use", "sig").put("alg", "RS256")
                    .put("n", b64.encodeToString(unsigned(key.getModulus().toByteArray())))
                    .put("e", b64.encodeToString(unsigned(key.getPublicExponent().toByteArray()))).encode();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String jwks = "{\"keys\":[" + jwk + "]}";
        vertx.createHttpServer().requestHandler(req -> {
            if (req.path().equals("/__jwks/count")) {
                req.response().end(Integer.toString(jwksFetches.get()));
            } else {
                jwksFetches.incrementAndGet();
                vertx.setTimer(1_500, t -> req.response().putHeader("Content-Type", "application/json").end(jwks));
            }
        }).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        return port;
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    private void handle(String service, HttpServerRequest req) {
        String path = req.path();
        if (path.equals("/__stub/health")) {
            healthStatus.put(service, Integer.parseInt(req.getParam("status")));
            req.response().end();
        } else if (path.equals("/q/health/ready")) {
            int status = healthStatus.get(service);
            req.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end("{\"status\":\"" + (status == 200 ? "UP" : "DOWN") + "\"}");
        } else if (path.equals("/__stub/openapi")) {
            openApiStatus.put(service, Integer.parseInt(req.getParam("status")));
            req.response().end();
        } else if (path.equals("/q/openapi")) {
            String fixture = fixture("openapi/" + service + ".json");
            int status = openApiStatus.getOrDefault(service, 200);
            if (status != 200) {
                req.response().setStatusCode(status).end();
            } else if (fixture == null) {
                req.response().setStatusCode(404).end();
            } else {
                req.response().putHeader("Content-Type", "application/json").end(fixture);
            }
        } else if (path.endsWith("/slow")) {
            vertx.setTimer(5_000, t -> req.response().end("too late"));
        } else if (path.endsWith("/hold")) {
            // holds the request (and so its pooled connection) for ?ms=N, then answers
            vertx.setTimer(Long.parseLong(req.getParam("ms", "3000")), t -> req.response().end("held"));
        } else if (path.endsWith("/no-content")) {
            req.response().setStatusCode(204).end();
        } else if (path.endsWith("/big")) {
            sendBig(req, Integer.parseInt(req.getParam("bytes")));
        } else {
            echo(service, req);
        }
    }

    private static void echo(String service, HttpServerRequest req) {
        req.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject echo = new JsonObject()
                    .put("service", service)
                    .put("method", req.method().name())
                    .put("path", req.path())
                    .put("query", req.query())
                    .put("headers", headers)
                    .put("bodyBytes", body.length())
                    .put("bodyCrc", crc(body.getBytes()));
            req.response().putHeader("Content-Type", "application/json")
                    .putHeader("X-Backend", service)
                    // the gateway answers CORS itself and must drop a backend's own
                    .putHeader("Access-Control-Allow-Origin", "*")
                    .end(echo.encode());
        });
    }

    /** N bytes in 64 kB chunks, byte i = 'a' + i % 26, with back-pressure. */
    private static void sendBig(HttpServerRequest req, int size) {
        var resp = req.response().putHeader("Content-Type", "application/octet-stream").setChunked(true);
        int[] sent = {0};
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            while (sent[0] < size && !resp.writeQueueFull()) {
                int n = Math.min(65536, size - sent[0]);
                byte[] chunk = new byte[n];
                for (int i = 0; i < n; i++) {
                    chunk[i] = (byte) ('a' + (sent[0] + i) % 26);
                }
                sent[0] += n;
                resp.write(Buffer.buffer(chunk));
            }
            if (sent[0] >= size) {
                resp.end();
            } else {
                resp.drainHandler(v -> pump[0].run());
            }
        };
        pump[0].run();
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static String fixture(String name) {
        try (InputStream in = StubServices.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
