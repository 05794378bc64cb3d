package id.asn.merit.gateway;

import id.asn.merit.devinfra.DevJwt;
import id.asn.merit.devinfra.FreePort;
import id.asn.merit.devinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stub backends on loopback for the gateway's own tests: employee-, competency- and training-service echo what they
 * receive (method, path, query, headers, body size); /slow never answers in time; merit-service points at a port
 * where nothing listens. A real service would not make these failures reproducible.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {
    static final Map<String, Integer> PORTS = new HashMap<>();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : new String[] {"employee-service", "competency-service", "training-service"}) {
            int port = FreePort.find();
            PORTS.put(service, port);
            HttpServer server = vertx.createHttpServer().requestHandler(req -> {
                if (req.path().equals("/q/health/ready")) {
                    req.response().setStatusCode(200).end("{\"status\":\"UP\"}");
                    return;
                }
                if (req.path().endsWith("/slow")) {
                    vertx.setTimer(5_000, t -> req.response().end("too late"));
                    return;
                }
                if (req.path().endsWith("/big")) {
                    int size = Integer.parseInt(req.getParam("bytes"));
                    Buffer body = Buffer.buffer(size);
                    for (int i = 0; i < size; i++) {
                        body.appendByte((byte) ('a' + i % 26));
                    }
                    req.response().putHeader("Content-Type", "application/octet-stream").end(body);
                    return;
                }
                req.body().onSuccess(body -> {
                    JsonObject echo = new JsonObject().put("service", service).put("method", req.method().name())
                            .put("path", req.path()).put("query", req.query())
                            .put("requestId", req.getHeader("X-Request-Id"))
                            .put("authorization", req.getHeader("Authorization"))
                            .put("forwardedFor", req.getHeader("X-Forwarded-For"))
                            .put("bodyBytes", body.length())
                            .put("bodyChecksum", checksum(body));
                    req.response().putHeader("Content-Type", "application/json").putHeader("X-Backend", service).end(echo.encode());
                });
            });
            server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
            config.put("asn.gateway.services." + service + ".url", "http://127.0.0.1:" + port);
        }
        config.put("asn.gateway.services.merit-service.url", "http://127.0.0.1:" + FreePort.find());
        config.put("asn.gateway.timeout", "1s");
        config.put("mp.jwt.verify.publickey.location", TestTokens.publicKeyLocation());
        config.put("mp.jwt.verify.issuer", DevJwt.ISSUER);
        return config;
    }

    static long checksum(Buffer body) {
        long sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum = sum * 31 + body.getByte(i);
        }
        return sum;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
