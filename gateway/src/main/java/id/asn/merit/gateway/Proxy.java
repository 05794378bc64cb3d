package id.asn.merit.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The reverse proxy: {@code /api/*} is authenticated, rate-limited and streamed to the service owning the path
 * prefix. Bodies are piped in both directions, never buffered whole. A backend that refuses is a 502, one that stays
 * silent longer than {@code asn.gateway.timeout} a 504, both as problem+json.
 */
@ApplicationScoped
public class Proxy {
    static final String REQUEST_ID = "X-Request-Id";
    private static final Logger LOG = Logger.getLogger("id.asn.merit.gateway.access");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "proxy-authorization", "proxy-authenticate", "host");

    @Inject
    Routes routes;
    @Inject
    GatewayConfig config;
    @Inject
    JWTParser jwt;
    @Inject
    RateLimiter limiter;
    @Inject
    MeterRegistry registry;

    private HttpClient client;

    void init(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(200)
                .setKeepAlive(true));
        vertx.setPeriodic(60_000, id -> limiter.evictIdle(System.nanoTime()));
        router.route("/api/*").order(-1).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        HttpServerResponse resp = ctx.response();
        long started = System.nanoTime();
        String requestId = req.getHeader(REQUEST_ID);
        if (requestId == null || requestId.isBlank() || requestId.length() > 100) {
            requestId = UUID.randomUUID().toString();
        }
        String rid = requestId;
        resp.putHeader(REQUEST_ID, rid);
        resp.endHandler(v -> LOG.infof("%s %s -> %d %d ms rid=%s", req.method(), req.path(), resp.getStatusCode(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), rid));

        var route = routes.find(req.path());
        if (route.isEmpty()) {
            Problems.send(resp, 404, "urn:asn:problem:not-found", "Not found", "no service owns " + req.path(), req.path(), rid);
            return;
        }
        String subject;
        try {
            subject = authenticate(req.getHeader("Authorization"));
        } catch (ParseException e) {
            resp.putHeader("WWW-Authenticate", "Bearer");
            Problems.send(resp, 401, "urn:asn:problem:unauthenticated", "Unauthenticated",
                    "a valid bearer token is required: " + e.getMessage(), req.path(), rid);
            return;
        }
        long wait = limiter.acquire(subject != null ? "sub:" + subject : "ip:" + req.remoteAddress().hostAddress(), System.nanoTime());
        if (wait > 0) {
            resp.putHeader("Retry-After", Long.toString(wait));
            Problems.send(resp, 429, "urn:asn:problem:rate-limited", "Too many requests",
                    "slow down; retry after " + wait + " s", req.path(), rid);
            return;
        }
        forward(req, resp, route.get(), rid, started);
    }

    /** @return the token's subject; throws when the token is missing or invalid */
    private String authenticate(String authorization) throws ParseException {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ParseException("no bearer token");
        }
        JsonWebToken token = jwt.parse(authorization.substring(7).trim());
        return token.getSubject();
    }

    private void forward(HttpServerRequest req, HttpServerResponse resp, Routes.Route route, String rid, long started) {
        req.pause();
        RequestOptions options = new RequestOptions()
                .setMethod(req.method())
                .setHost(route.target().getHost())
                .setPort(route.target().getPort())
                .setURI(req.uri())
                .setIdleTimeout(config.timeout().toMillis());
        client.request(options).onFailure(err -> {
            req.resume();
            fail(req, resp, route, rid, err, started);
        }).onSuccess(out -> {
            copyRequestHeaders(req, out, rid);
            out.send(req).onFailure(err -> fail(req, resp, route, rid, err, started)).onSuccess(in -> {
                resp.setStatusCode(in.statusCode());
                copyResponseHeaders(in, resp);
                resp.putHeader(REQUEST_ID, rid);
                resp.send(in).onComplete(done -> record(route.service(), in.statusCode(), started));
            });
        });
    }

    private void copyRequestHeaders(HttpServerRequest req, HttpClientRequest out, String rid) {
        MultiMap headers = out.headers();
        req.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        headers.set(REQUEST_ID, rid);
        headers.set("X-Forwarded-For", req.remoteAddress() == null ? "" : req.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", req.scheme());
        if (req.authority() != null) {
            headers.set("X-Forwarded-Host", req.authority().toString());
        }
        if (req.getHeader("Content-Length") == null && req.getHeader("Transfer-Encoding") != null) {
            out.setChunked(true);
        }
    }

    private static void copyResponseHeaders(HttpClientResponse in, HttpServerResponse resp) {
        in.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                resp.headers().add(h.getKey(), h.getValue());
            }
        });
        if (in.getHeader("Content-Length") == null) {
            resp.setChunked(true);
        }
    }

    private void fail(HttpServerRequest req, HttpServerResponse resp, Routes.Route route, String rid, Throwable err, long started) {
        boolean timeout = err instanceof TimeoutException || err.getClass().getSimpleName().contains("Timeout")
                || (err.getMessage() != null && err.getMessage().contains("timeout"));
        int status = timeout ? 504 : 502;
        record(route.service(), status, started);
        LOG.warnf("%s %s: %s did not answer: %s rid=%s", req.method(), req.path(), route.service(), err.toString(), rid);
        if (timeout) {
            Problems.send(resp, 504, "urn:asn:problem:upstream-timeout", "Gateway timeout",
                    route.service() + " did not answer within " + config.timeout().toSeconds() + " s", req.path(), rid);
        } else {
            Problems.send(resp, 502, "urn:asn:problem:upstream-unavailable", "Bad gateway",
                    route.service() + " is not reachable" + (err instanceof ConnectException ? "" : ": " + err.getMessage()), req.path(), rid);
        }
    }

    private void record(String service, int status, long started) {
        Timer.builder("asn.gateway.requests").tag("service", service).tag("status", Integer.toString(status))
                .register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
