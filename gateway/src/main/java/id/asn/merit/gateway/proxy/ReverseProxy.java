package id.asn.merit.gateway.proxy;

import id.asn.merit.gateway.Problems;
import id.asn.merit.gateway.RequestIds;
import id.asn.merit.gateway.config.GatewayConfig;
import id.asn.merit.gateway.security.RateLimiter;
import id.asn.merit.gateway.security.TokenVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The reverse proxy for {@code /api/*}: authenticate (bearer JWT), rate-limit per client, find the owning service
 * in the {@link RouteTable}, then stream the request to it and its answer back. Bodies are piped with back-pressure
 * in both directions, never held whole. A backend that cannot be reached is a 502, one silent for longer than
 * {@code asn.gateway.timeout} a 504; every error the gateway makes itself is problem+json.
 */
@ApplicationScoped
public class ReverseProxy {
    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);
    static final String METRIC = "asn.gateway.proxy.requests";

    @Inject
    GatewayConfig config;
    @Inject
    TokenVerifier tokens;
    @Inject
    MeterRegistry registry;

    private RouteTable table;
    private RateLimiter limiter;
    private HttpClient client;

    void init(@Observes Router router, Vertx vertx) {
        table = RouteTable.of(config);
        limiter = new RateLimiter(config.rateLimit().requestsPerSecond(), config.rateLimit().burst(),
                config.rateLimit().maxClients());
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnectionsPerService())
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setDecompressionSupported(false));
        vertx.setPeriodic(30_000, id -> limiter.evictIdle(System.nanoTime()));
        // after the CORS and authentication filters (orders -300, -200), before any default route
        router.route("/api/*").order(-1).handler(this::handle);
        LOG.infof("gateway routes: %s", table.routes());
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        HttpServerResponse resp = ctx.response();
        String rid = RequestIds.of(ctx);
        String path = req.path();

        TokenVerifier.Result auth = tokens.verify(req.getHeader(HttpHeaders.AUTHORIZATION));
        String clientKey = auth.valid() && auth.subject() != null ? "sub:" + auth.subject() : "ip:" + remote(req);
        long wait = limiter.acquire(clientKey, System.nanoTime());
        if (wait > 0) {
            resp.putHeader("Retry-After", Long.toString(wait));
            Problems.send(resp, 429, "urn:asn:problem:rate-limited", "Too many requests",
                    "this client is over its limit of " + config.rateLimit().requestsPerSecond()
                            + " requests per second (burst " + config.rateLimit().burst() + "); retry after " + wait + " s",
                    path, rid);
            return;
        }
        if (!auth.valid()) {
            resp.putHeader("WWW-Authenticate", req.getHeader(HttpHeaders.AUTHORIZATION) == null
                    ? "Bearer realm=\"asn-merit\"" : "Bearer realm=\"asn-merit\", error=\"invalid_token\"");
            Problems.send(resp, 401, "urn:asn:problem:unauthenticated", "Unauthenticated", auth.problem(), path, rid);
            return;
        }
        var route = table.find(path);
        if (route.isEmpty()) {
            Problems.send(resp, 404, "urn:asn:problem:not-found", "Not found",
                    "no service of the suite serves " + path, path, rid);
            return;
        }
        forward(ctx, route.get(), rid);
    }

    private void forward(RoutingContext ctx, RouteTable.Route route, String rid) {
        HttpServerRequest req = ctx.request();
        HttpServerResponse resp = ctx.response();
        long started = System.nanoTime();
        req.pause();
        URI target = route.target();
        boolean https = "https".equalsIgnoreCase(target.getScheme());
        String base = target.getRawPath() == null ? "" : target.getRawPath().replaceAll("/+$", "");
        String uri = base + req.path() + (req.query() == null ? "" : "?" + req.query());
        RequestOptions options = new RequestOptions()
                .setMethod(req.method())
                .setHost(target.getHost())
                .setPort(target.getPort() > 0 ? target.getPort() : https ? 443 : 80)
                .setSsl(https)
                .setURI(uri)
                .setIdleTimeout(config.timeout().toMillis());

        client.request(options).onFailure(err -> {
            req.resume();
            failed(ctx, route, rid, err, started);
        }).onSuccess(out -> {
            resp.closeHandler(v -> {
                if (!resp.ended()) {
                    out.reset(); // the caller went away: stop the backend work too
                }
            });
            copyRequestHeaders(req, out, rid);
            Future<HttpClientResponse> answer = out.response();
            if (hasBody(req)) {
                pipeBody(req, out);
            } else {
                out.end();
                req.resume();
            }
            answer.onFailure(err -> failed(ctx, route, rid, err, started)).onSuccess(in -> {
                resp.setStatusCode(in.statusCode());
                if (in.statusMessage() != null) {
                    resp.setStatusMessage(in.statusMessage());
                }
                copyResponseHeaders(in, resp, rid);
                resp.send(in).onComplete(done -> {
                    record(route.service(), in.statusCode(), started);
                    if (done.failed()) {
                        LOG.warnf("%s %s: answer of %s broke off: %s requestId=%s", req.method(), req.path(),
                                route.service(), done.cause().toString(), rid);
                        if (!resp.ended() && !resp.closed()) {
                            resp.reset();
                        }
                    }
                });
            });
        });
    }

    /**
     * Pipes the caller's body to the backend with back-pressure. Vert.x counts the idle timeout from the last byte
     * received from the backend, so while the caller is still uploading the timer is pushed back: a slow upload
     * is not a silent backend.
     */
    private void pipeBody(HttpServerRequest req, HttpClientRequest out) {
        long timeoutMs = config.timeout().toMillis();
        long[] lastPush = {System.nanoTime()};
        boolean[] dead = {false};
        out.exceptionHandler(err -> LOG.debugf("request to backend failed: %s", err));
        out.response().onFailure(err -> {
            dead[0] = true; // the rest of the caller's body is read and dropped
            req.resume();
        });
        req.handler(chunk -> {
            if (dead[0]) {
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                req.pause();
                out.drainHandler(v -> req.resume());
            }
            long now = System.nanoTime();
            if (now - lastPush[0] > 200_000_000L) {
                lastPush[0] = now;
                out.idleTimeout(timeoutMs);
            }
        });
        req.exceptionHandler(err -> out.reset(0, err));
        req.endHandler(v -> {
            if (dead[0]) {
                return;
            }
            out.idleTimeout(timeoutMs);
            out.end();
        });
        req.resume();
    }

    private static boolean hasBody(HttpServerRequest req) {
        String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return req.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || req.version() == HttpVersion.HTTP_2;
    }

    private static void copyRequestHeaders(HttpServerRequest req, HttpClientRequest out, String rid) {
        ForwardedHeaders.copy(req.headers(), out.headers());
        if (req.getHeader(HttpHeaders.CONTENT_LENGTH) == null && hasBody(req)) {
            out.setChunked(true);
        }
        out.putHeader(RequestIds.HEADER, rid);
        String remote = req.remoteAddress() == null ? null : req.remoteAddress().hostAddress();
        ForwardedHeaders.set(out.headers(), req.scheme(), req.authority() == null ? null : req.authority().toString(), remote);
    }

    private static void copyResponseHeaders(HttpClientResponse in, HttpServerResponse resp, String rid) {
        in.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            // the gateway answers CORS itself; a backend's own CORS headers would be doubled
            if (!ForwardedHeaders.isHopByHop(name) && !name.startsWith("access-control-")) {
                resp.headers().add(h.getKey(), h.getValue());
            }
        });
        resp.headers().set(RequestIds.HEADER, rid);
    }

    private void failed(RoutingContext ctx, RouteTable.Route route, String rid, Throwable err, long started) {
        HttpServerRequest req = ctx.request();
        boolean timeout = !(err instanceof ConnectException) && (err instanceof TimeoutException
                || err.getClass().getSimpleName().contains("Timeout"));
        int status = timeout ? 504 : 502;
        record(route.service(), status, started);
        LOG.warnf("%s %s: %s failed: %s requestId=%s", req.method(), req.path(), route.service(), err.toString(), rid);
        if (ctx.response().closed()) {
            return;
        }
        if (timeout) {
            Problems.send(ctx.response(), 504, "urn:asn:problem:upstream-timeout", "Gateway timeout",
                    route.service() + " did not answer within " + config.timeout().toMillis() + " ms", req.path(), rid);
        } else {
            Problems.send(ctx.response(), 502, "urn:asn:problem:upstream-unavailable", "Bad gateway",
                    route.service() + " is not reachable"
                            + (err instanceof ConnectException ? "" : " (" + err.getClass().getSimpleName() + ")"),
                    req.path(), rid);
        }
    }

    private void record(String service, int status, long started) {
        Timer.builder(METRIC)
                .description("Requests the gateway proxied, by service and status")
                .tag("service", service)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** For tests and metrics: the routing table in use. */
    public RouteTable table() {
        return table;
    }

    private static String remote(HttpServerRequest req) {
        return req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress();
    }
}
