package id.asn.merit.gateway;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it is sane, else a new UUID. It is on every
 * response (errors included), passed on to the backend and in the access-log line of the request (category
 * {@code id.asn.merit.gateway.access}, off unless set to INFO).
 * Registered as a filter ahead of CORS and authentication, so even their answers carry it.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** Key of the id in the routing context. */
    public static final String KEY = "asn.requestId";
    private static final Logger ACCESS = Logger.getLogger("id.asn.merit.gateway.access");
    /** Longest caller-chosen id accepted: {@code [A-Za-z0-9._:-]{1,64}} (a UUID fits); anything else is replaced. */
    static final int MAX_LENGTH = 64;

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        long started = System.nanoTime();
        String id = accept(req.getHeader(HEADER));
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        if (!ACCESS.isInfoEnabled()) {
            // the access log is off by default (a synchronous line per request was a large share of the
            // gateway's own cost); errors are logged with their request id anyway
            ctx.next();
            return;
        }
        ctx.addEndHandler(done -> ACCESS.infof("%s %s %d %d ms requestId=%s client=%s", req.method(), req.path(),
                ctx.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000, id,
                req.remoteAddress() == null ? "-" : req.remoteAddress().hostAddress()));
        ctx.next();
    }

    /**
     * The caller's id when it is well-formed ({@code [A-Za-z0-9._:-]}, 1 to 64 characters: nothing that could forge
     * a log line or a header), else a fresh random UUID.
     */
    public static String accept(String given) {
        return wellFormed(given) ? given : fresh();
    }

    static boolean wellFormed(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A version-4 UUID from ThreadLocalRandom: request ids need to be unique, not unguessable, and
     * {@code UUID.randomUUID()} goes through a shared SecureRandom on every request.
     */
    static String fresh() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** The id of the request in ctx (made by the filter, or now when the filter did not run). */
    public static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        if (id == null) {
            id = accept(ctx.request().getHeader(HEADER));
            ctx.put(KEY, id);
            ctx.response().putHeader(HEADER, id);
        }
        return id;
    }
}
