package id.asn.merit.gateway.proxy;

import id.asn.merit.gateway.Problems;
import id.asn.merit.gateway.RequestIds;
import id.asn.merit.gateway.config.GatewayConfig;
import id.asn.merit.gateway.security.RateLimiter;
import id.asn.merit.gateway.security.TokenVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private RateLimiter addressLimiter;
    private HttpClient client;
    private Vertx vertx;
    private long timeoutMs;
    private long deadlineMs;
    private long standardLimit;
    private long largeLimit;
    private List<String> largePrefixes;
    private final Map<String, Timer[]> timers = new ConcurrentHashMap<>();

    /**
     * Ahead of everything (after the request id): a path that climbs above the root ({@code /api/../..}) is a 400,
     * before the router's own normalisation quietly clamps it to some other path.
     */
    void guard(@Observes Filters filters) {
        filters.register(ctx -> {
            if (PathNormaliser.normalise(ctx.request().path()) == null) {
                escapes(ctx, ctx.request().path(), RequestIds.of(ctx));
            } else {
                ctx.next();
            }
        }, 900);
    }

    private static void escapes(RoutingContext ctx, String path, String rid) {
        Problems.send(ctx.response(), 400, "urn:asn:problem:bad-path", "Bad request",
                "the path climbs above the root with '..' segments: " + path, path.length() > 200 ? path.substring(0, 200) : path, rid);
    }

    void init(@Observes Router router, Vertx vertx) {
        this.vertx = vertx;
        table = RouteTable.of(config);
        timeoutMs = config.timeout().toMillis();
        deadlineMs = config.requestDeadline().toMillis();
        standardLimit = config.bodyLimit().standard().asLongValue();
        largeLimit = config.bodyLimit().large().asLongValue();
        largePrefixes = config.bodyLimit().largePrefixes().stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        limiter = new RateLimiter(config.rateLimit().requestsPerSecond(), config.rateLimit().burst(),
                config.rateLimit().maxClients());
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setDecompressionSupported(false),
                // a bounded wait for a pooled connection: beyond it, 503 with Retry-After, not an ever-growing queue
                new PoolOptions()
                        .setHttp1MaxSize(config.maxConnectionsPerService())
                        .setMaxWaitQueueSize(config.maxWaitQueue()));
        addressLimiter = new RateLimiter(config.rateLimit().addressRequestsPerSecond(), config.rateLimit().addressBurst(),
                config.rateLimit().maxClients());
        vertx.setPeriodic(30_000, id -> {
            limiter.evictIdle(System.nanoTime());
            addressLimiter.evictIdle(System.nanoTime());
        });
        // after the CORS and authentication filters (orders -300, -200), before any default route
        router.route("/api/*").order(-1).handler(this::handle);
        LOG.infof("gateway routes: %s", table.routes());
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        HttpServerResponse resp = ctx.response();
        String rid = RequestIds.of(ctx);
        String path = req.path();

        // by address before any token work, by subject after it (a junk-token flood costs no signature checks)
        if (limited(ctx, addressLimiter, "ip:" + remote(req), config.rateLimit().addressRequestsPerSecond(),
                config.rateLimit().addressBurst(), "address", rid)) {
            return;
        }
        String authorization = req.getHeader(HttpHeaders.AUTHORIZATION);
        TokenVerifier.Result known = tokens.quick(authorization);
        if (known != null) {
            admitted(ctx, known, path, rid);
            return;
        }
        // a signature to check: on a worker (the key may be fetched from a JWKS URL), the body held meanwhile
        req.pause();
        vertx.executeBlocking(() -> tokens.verify(authorization), false).onComplete(ar -> {
            if (resp.closed() || resp.ended()) {
                return;
            }
            admitted(ctx, ar.succeeded() ? ar.result()
                    : new TokenVerifier.Result(null, "the bearer token could not be verified"), path, rid);
        });
    }

    /** After authentication: the subject's rate limit, then the route; refusals let the unread body drain. */
    private void admitted(RoutingContext ctx, TokenVerifier.Result auth, String path, String rid) {
        HttpServerRequest req = ctx.request();
        HttpServerResponse resp = ctx.response();
        if (auth.valid() && auth.subject() != null && limited(ctx, limiter, "sub:" + auth.subject(),
                config.rateLimit().requestsPerSecond(), config.rateLimit().burst(), "token subject", rid)) {
            return;
        }
        if (!auth.valid()) {
            req.resume();
            resp.putHeader("WWW-Authenticate", req.getHeader(HttpHeaders.AUTHORIZATION) == null
                    ? "Bearer realm=\"asn-merit\"" : "Bearer realm=\"asn-merit\", error=\"invalid_token\"");
            Problems.send(resp, 401, "urn:asn:problem:unauthenticated", "Unauthenticated", auth.problem(), path, rid);
            return;
        }
        // routed and forwarded by the normalised path (dot segments, %2e, '//'), so no prefix check is walked around
        String normal = PathNormaliser.normalise(path);
        if (normal == null) {
            req.resume();
            escapes(ctx, path, rid);
            return;
        }
        RouteTable.Route route = table.lookup(normal);
        if (route == null) {
            req.resume();
            Problems.send(resp, 404, "urn:asn:problem:not-found", "Not found",
                    "no service of the suite serves " + normal, normal, rid);
            return;
        }
        forward(ctx, route, normal, rid);
    }

    private static boolean limited(RoutingContext ctx, RateLimiter bucket, String key, double rate, int burst, String by,
            String rid) {
        long wait = bucket.acquire(key, System.nanoTime());
        if (wait <= 0) {
            return false;
        }
        HttpServerResponse resp = ctx.response();
        ctx.request().resume(); // a body held while the token was checked is drained, not left blocking the connection
        resp.putHeader("Retry-After", Long.toString(wait));
        Problems.send(resp, 429, "urn:asn:problem:rate-limited", "Too many requests",
                "this client (by " + by + ") is over its limit of " + rate + " requests per second (burst " + burst
                        + "); retry after " + wait + " s", ctx.request().path(), rid);
        return true;
    }

    private void forward(RoutingContext ctx, RouteTable.Route route, String path, String rid) {
        HttpServerRequest req = ctx.request();
        long limit = bodyLimit(path);
        String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                Problems.sendAndClose(req, ctx.response(), 400, "urn:asn:problem:bad-request", "Bad request",
                        "Content-Length is not a number: " + length, path, rid);
                return;
            }
            if (declared > limit) {
                // answered before a byte of the body is read (with Expect: 100-continue, instead of the 100)
                tooLarge(ctx, path, rid, limit);
                return;
            }
        }
        req.pause();
        String query = req.query();
        new Exchange(ctx, route, query == null ? route.basePath() + path : route.basePath() + path + "?" + query,
                path, rid, limit).start();
    }

    private long bodyLimit(String path) {
        for (String prefix : largePrefixes) {
            if (RouteTable.matches(prefix, path)) {
                return largeLimit;
            }
        }
        return standardLimit;
    }

    private void tooLarge(RoutingContext ctx, String path, String rid, long limit) {
        Problems.sendAndClose(ctx.request(), ctx.response(), 413, "urn:asn:problem:payload-too-large", "Payload too large",
                "the request body is over the limit of " + limit + " bytes for " + path, path, rid);
    }

    /**
     * One proxied exchange. Its rules:
     * <ul>
     * <li>the upstream request is reset only while its answer is incomplete (a caller that closes right after
     * reading a complete answer leaves the pooled connection intact for the next caller);</li>
     * <li>a request whose pooled connection turned out to be closed before an answer came is retried once on
     * another connection: GET, HEAD and OPTIONS always, other methods only when they carry a body of which no
     * byte had been written yet (a body-less POST may have reached the service, so it is not repeated);</li>
     * <li>the body is counted as it flows; over the route's limit the upstream request is reset and the caller
     * gets 413; an exchange still running at {@code asn.gateway.request-deadline} is cut (408 while the upload is
     * unfinished, else 504) and its connection closed.</li>
     * </ul>
     */
    private final class Exchange {
        final RoutingContext ctx;
        final HttpServerRequest req;
        final HttpServerResponse resp;
        final RouteTable.Route route;
        final String uri;
        final String path;
        final String rid;
        final long limit;
        final boolean hasBody;
        final long started = System.nanoTime();
        long deadlineTimer = -1;
        HttpClientRequest out;
        int attempt;
        long bytes;
        boolean written; // a byte of the body went to the current upstream request
        boolean bodyDone;
        boolean upstreamComplete;
        boolean over; // the gateway has answered or given up: drop the rest of the caller's body

        Exchange(RoutingContext ctx, RouteTable.Route route, String uri, String path, String rid, long limit) {
            this.ctx = ctx;
            this.req = ctx.request();
            this.resp = ctx.response();
            this.route = route;
            this.uri = uri;
            this.path = path;
            this.rid = rid;
            this.limit = limit;
            this.hasBody = hasBody(req);
            this.bodyDone = !hasBody;
        }

        void start() {
            deadlineTimer = vertx.setTimer(deadlineMs, t -> deadline());
            resp.closeHandler(v -> {
                cancelDeadline();
                if (!upstreamComplete && out != null) {
                    out.reset(); // the caller went away mid-exchange: stop the backend work too
                }
            });
            if (hasBody) {
                req.handler(this::chunk);
                req.endHandler(v -> {
                    bodyDone = true;
                    if (!over && out != null) {
                        out.idleTimeout(timeoutMs);
                        out.end();
                    }
                });
                req.exceptionHandler(err -> {
                    if (!upstreamComplete && out != null) {
                        out.reset(0, err);
                    }
                });
            }
            connect();
        }

        void connect() {
            RequestOptions options = new RequestOptions()
                    .setMethod(req.method())
                    .setHost(route.host())
                    .setPort(route.port())
                    .setSsl(route.ssl())
                    .setURI(uri)
                    .setIdleTimeout(timeoutMs);
            client.request(options).onComplete(ar -> {
                if (over) {
                    if (ar.succeeded()) {
                        ar.result().reset();
                    }
                    return;
                }
                if (ar.failed()) {
                    over = true;
                    req.resume();
                    if (ar.cause() instanceof ConnectionPoolTooBusyException) {
                        busy();
                    } else {
                        failed(ctx, route, path, rid, ar.cause(), started);
                    }
                    cancelDeadline();
                    return;
                }
                send(ar.result());
            });
        }

        void send(HttpClientRequest request) {
            out = request;
            written = false;
            copyRequestHeaders(req, out, rid);
            out.exceptionHandler(err -> LOG.debugf("request to backend failed: %s", err));
            out.response().onComplete(ar -> {
                if (request != out || over) {
                    return;
                }
                if (ar.failed()) {
                    if (retryable(ar.cause())) {
                        req.pause();
                        attempt++;
                        LOG.debugf("%s %s: pooled connection to %s was closed (%s), retrying requestId=%s",
                                req.method(), path, route.service(), ar.cause(), rid);
                        out = null;
                        connect();
                        return;
                    }
                    over = true;
                    req.resume(); // the rest of the caller's body is read and dropped
                    cancelDeadline();
                    failed(ctx, route, path, rid, ar.cause(), started);
                    return;
                }
                answer(ar.result());
            });
            if (hasBody) {
                flushPending();
                if (bodyDone) {
                    out.end();
                } else {
                    if ("100-continue".equalsIgnoreCase(req.getHeader(HttpHeaders.EXPECT)) && attempt == 0) {
                        resp.writeContinue();
                    }
                    req.resume();
                }
            } else {
                out.end();
            }
        }

        void chunk(Buffer chunk) {
            if (over) {
                return;
            }
            bytes += chunk.length();
            if (bytes > limit) {
                over = true;
                cancelDeadline();
                if (out != null) {
                    out.reset();
                }
                tooLarge(ctx, path, rid, limit);
                return;
            }
            if (out == null) {
                // between a closed connection and its retry: kept until the retry is connected
                req.pause();
                pending = pending == null ? chunk.copy() : pending.appendBuffer(chunk);
                return;
            }
            flushPending();
            written = true;
            out.write(chunk);
            if (out.writeQueueFull()) {
                req.pause();
                HttpClientRequest current = out;
                current.drainHandler(v -> req.resume());
            }
            long now = System.nanoTime();
            if (now - lastPush > 200_000_000L) {
                // Vert.x counts the idle timeout from the backend's last byte: a slow upload is not a silent backend
                lastPush = now;
                out.idleTimeout(timeoutMs);
            }
        }

        Buffer pending;
        long lastPush = System.nanoTime();

        void flushPending() {
            if (pending != null) {
                Buffer p = pending;
                pending = null;
                written = true;
                out.write(p);
            }
        }

        boolean retryable(Throwable err) {
            if (attempt > 0 || !(err instanceof HttpClosedException)) {
                return false;
            }
            HttpMethod m = req.method();
            if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS) {
                return !written && pending == null;
            }
            return hasBody && !written && pending == null;
        }

        void answer(HttpClientResponse in) {
            in.end().onComplete(v -> upstreamComplete = true);
            resp.setStatusCode(in.statusCode());
            if (in.statusMessage() != null) {
                resp.setStatusMessage(in.statusMessage());
            }
            copyResponseHeaders(in, resp, rid);
            resp.send(in).onComplete(done -> {
                cancelDeadline();
                record(route.service(), in.statusCode(), started);
                if (done.failed()) {
                    LOG.warnf("%s %s: answer of %s broke off: %s requestId=%s", req.method(), path,
                            route.service(), done.cause().toString(), rid);
                    if (!resp.ended() && !resp.closed()) {
                        resp.reset();
                    }
                }
            });
        }

        void deadline() {
            deadlineTimer = -1;
            if (resp.ended() || resp.closed()) {
                return;
            }
            over = true;
            if (out != null && !upstreamComplete) {
                out.reset();
            }
            boolean uploading = !bodyDone;
            int status = uploading ? 408 : 504;
            record(route.service(), status, started);
            LOG.warnf("%s %s: cut at the request deadline of %d ms (%s) requestId=%s", req.method(), path, deadlineMs,
                    uploading ? "upload unfinished" : "answer unfinished", rid);
            if (uploading) {
                Problems.sendAndClose(req, resp, 408, "urn:asn:problem:request-timeout", "Request timeout",
                        "the request body did not arrive within the deadline of " + deadlineMs + " ms", path, rid);
            } else {
                Problems.sendAndClose(req, resp, 504, "urn:asn:problem:upstream-timeout", "Gateway timeout",
                        route.service() + " did not finish answering within the deadline of " + deadlineMs + " ms",
                        path, rid);
            }
        }

        void cancelDeadline() {
            if (deadlineTimer >= 0) {
                vertx.cancelTimer(deadlineTimer);
                deadlineTimer = -1;
            }
        }

        void busy() {
            record(route.service(), 503, started);
            resp.putHeader("Retry-After", Integer.toString(config.busyRetryAfter()));
            Problems.send(resp, 503, "urn:asn:problem:upstream-busy", "Service busy",
                    "all connections to " + route.service() + " are in use and " + config.maxWaitQueue()
                            + " requests are already waiting for one; retry after " + config.busyRetryAfter() + " s",
                    path, rid);
        }
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
            String name = h.getKey();
            // the gateway answers CORS itself; a backend's own CORS headers would be doubled
            if (!ForwardedHeaders.isHopByHop(name) && !name.regionMatches(true, 0, "access-control-", 0, 15)) {
                resp.headers().add(name, h.getValue());
            }
        });
        resp.headers().set(RequestIds.HEADER, rid);
    }

    private void failed(RoutingContext ctx, RouteTable.Route route, String path, String rid, Throwable err, long started) {
        HttpServerRequest req = ctx.request();
        boolean timeout = !(err instanceof ConnectException) && (err instanceof TimeoutException
                || err.getClass().getSimpleName().contains("Timeout"));
        int status = timeout ? 504 : 502;
        record(route.service(), status, started);
        LOG.warnf("%s %s: %s failed: %s requestId=%s", req.method(), path, route.service(), err.toString(), rid);
        if (ctx.response().closed()) {
            return;
        }
        if (timeout) {
            Problems.send(ctx.response(), 504, "urn:asn:problem:upstream-timeout", "Gateway timeout",
                    route.service() + " did not answer within " + config.timeout().toMillis() + " ms", path, rid);
        } else {
            Problems.send(ctx.response(), 502, "urn:asn:problem:upstream-unavailable", "Bad gateway",
                    route.service() + " is not reachable"
                            + (err instanceof ConnectException ? "" : " (" + err.getClass().getSimpleName() + ")"),
                    path, rid);
        }
    }

    /** Timers are made once per service and status, then reused: building one per request was a hot-path cost. */
    private void record(String service, int status, long started) {
        Timer[] byStatus = timers.computeIfAbsent(service, s -> new Timer[600]);
        int i = status >= 0 && status < 600 ? status : 0;
        Timer timer = byStatus[i];
        if (timer == null) {
            timer = Timer.builder(METRIC)
                    .description("Requests the gateway proxied, by service and status")
                    .tag("service", service)
                    .tag("status", Integer.toString(status))
                    .register(registry);
            byStatus[i] = timer;
        }
        timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** For tests and metrics: the routing table in use. */
    public RouteTable table() {
        return table;
    }

    private static String remote(HttpServerRequest req) {
        return req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress();
    }
}
