package id.asn.merit.gateway;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it is sane, else a new UUID. It is on every
 * response (errors included), passed on to the backend and in the one access-log line written per request.
 * Registered as a filter ahead of CORS and authentication, so even their answers carry it.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** Key of the id in the routing context. */
    public static final String KEY = "asn.requestId";
    private static final Logger ACCESS = Logger.getLogger("id.asn.merit.gateway.access");
    /** Printable ASCII without spaces, at most 128 characters: anything else could forge log lines. */
    private static final Pattern SANE = Pattern.compile("[!-~]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        long started = System.nanoTime();
        String id = accept(req.getHeader(HEADER));
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.addEndHandler(done -> ACCESS.infof("%s %s %d %d ms requestId=%s client=%s", req.method(), req.path(),
                ctx.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000, id,
                req.remoteAddress() == null ? "-" : req.remoteAddress().hostAddress()));
        ctx.next();
    }

    /** The caller's id when it is sane, else a fresh UUID. */
    public static String accept(String given) {
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
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
