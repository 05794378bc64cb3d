package id.asn.merit.gateway.edge;

import id.asn.merit.gateway.Problems;
import id.asn.merit.gateway.RequestIds;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.cors.CORSConfig;
import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cross-origin requests that Quarkus's CORS filter would refuse with an empty {@code 403} are refused here first, as
 * {@code 403 application/problem+json} ({@code urn:asn:problem:cors-refused}) naming the origin (or the method), with
 * the request id. Everything else goes on to Quarkus's filter untouched, so allowed origins get exactly its answers.
 * <p>
 * The decision is Quarkus's own ({@code CORSFilter}, 3.31), from the same configuration ({@code quarkus.http.cors.*}):
 * an origin is allowed when {@code origins} is {@code *} (or {@code /.*}/), lists it, matches one of its
 * {@code /regex/} entries, or is the request's own origin (scheme, host and port); a request that is not a preflight
 * from an allowed origin is refused when {@code methods} is set and does not name its method. A preflight's requested
 * method is not checked (Quarkus does not either; the browser checks the answer's Allow-Methods).
 * Registered as a filter after the request id (1000) and the path guard (900), ahead of CORS (300).
 */
@ApplicationScoped
public class CorsRefusals {
    public static final String TYPE = "urn:asn:problem:cors-refused";
    static final int PRIORITY = 400;

    private boolean enabled;
    private boolean wildcardOrigin;
    private List<String> origins;
    private List<Pattern> originPatterns;
    private boolean wildcardMethod;
    private Set<HttpMethod> methods;

    void register(@Observes Filters filters) {
        CORSConfig cors = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(VertxHttpConfig.class).cors();
        enabled = cors.enabled();
        origins = cors.origins().orElse(List.of());
        wildcardOrigin = origins.size() == 1 && (origins.get(0).equals("*") || origins.get(0).equals("/.*/"));
        originPatterns = CORSFilter.parseAllowedOriginsRegex(cors.origins());
        wildcardMethod = CORSFilter.isConfiguredWithWildcard(cors.methods());
        methods = cors.methods().orElse(List.of()).stream().map(m -> HttpMethod.valueOf(m.trim().toUpperCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet());
        if (enabled) {
            filters.register(this::handle, PRIORITY);
        }
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String origin = req.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            ctx.next();
            return;
        }
        if (!originAllowed(req, origin)) {
            refuse(ctx, "the origin " + quoted(origin) + " is not allowed to call this API (it is not one of "
                    + "quarkus.http.cors.origins)");
            return;
        }
        boolean preflight = req.method() == HttpMethod.OPTIONS
                && (req.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null
                        || req.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS) != null);
        if (!preflight && !wildcardMethod && !methods.contains(req.method())) {
            refuse(ctx, "the method " + req.method().name() + " is not allowed for cross-origin requests from "
                    + quoted(origin) + " (quarkus.http.cors.methods)");
            return;
        }
        ctx.next();
    }

    boolean originAllowed(HttpServerRequest req, String origin) {
        return wildcardOrigin || origins.contains(origin) || CORSFilter.isOriginAllowedByRegex(originPatterns, origin)
                || sameOrigin(req, origin);
    }

    /** The request's own origin: scheme, host and port equal (default ports count as given), no path. */
    static boolean sameOrigin(HttpServerRequest req, String origin) {
        String scheme = req.scheme();
        String host = req.authority() == null ? null : req.authority().toString();
        if (scheme == null || host == null) {
            return false;
        }
        if (origin.equals(scheme + "://" + host)) {
            return true;
        }
        try {
            URI o = URI.create(origin);
            URI r = URI.create(scheme + "://" + host);
            if (o.getRawPath() != null && !o.getRawPath().isEmpty() || o.getHost() == null
                    || !o.getHost().equalsIgnoreCase(r.getHost()) || !scheme.equalsIgnoreCase(o.getScheme())) {
                return false;
            }
            return port(o) == port(r);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static void refuse(RoutingContext ctx, String detail) {
        ctx.response().putHeader(HttpHeaders.VARY, "Origin");
        Problems.send(ctx.response(), 403, TYPE, "Cross-origin request refused", detail, instance(ctx.request().path()),
                RequestIds.of(ctx));
    }

    /** The origin as the caller sent it, bounded and without control characters, for the detail. */
    static String quoted(String value) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < value.length() && i < 200; i++) {
            char c = value.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (value.length() > 200) {
            sb.append("...");
        }
        return sb.append('\'').toString();
    }

    private static String instance(String path) {
        return path.length() > 200 ? path.substring(0, 200) : path;
    }
}
