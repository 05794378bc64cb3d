package id.asn.merit.platform.web;

import io.vertx.ext.web.Router;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A custom method in the AIP-136 style ({@code POST /api/v1/competency-gaps:batch},
 * {@code POST /api/v1/development-plans/{id}/items:generate}, SYSTEM.md §3). Vert.x reads {@code :name} in a route
 * path as a path parameter, so the JAX-RS resource sits at an internal path without the colon; {@link #install}
 * adds a first route that re-routes the contract's path there (the colon as sent or percent-encoded, as REST Assured
 * and some proxies send it, the query kept), and {@link #rename} makes the OpenAPI document name the contract's path.
 * Path templates use {@code {name}} for one segment; the internal template takes the same names in the same order.
 */
public final class CustomMethodRoute {
    private final Pattern contract;
    private final String internal;

    /**
     * @param contract the path as the contract names it, e.g. {@code /api/v1/development-plans/{id}/items:generate}
     * @param internal the resource's path, e.g. {@code /api/v1/development-plans/{id}/items-generate}
     */
    public CustomMethodRoute(String contract, String internal) {
        StringBuilder regex = new StringBuilder("^");
        Matcher m = Pattern.compile("\\{[^/}]+}|:|[^{:]+").matcher(contract);
        while (m.find()) {
            String part = m.group();
            regex.append(part.startsWith("{") ? "([^/]+)" : part.equals(":") ? "(?::|%3[aA])" : Pattern.quote(part));
        }
        this.contract = Pattern.compile(regex.append('$').toString());
        this.internal = internal;
    }

    /** Where a request for {@code path} goes, with its query; null when it is not this custom method's path. */
    public String target(String path, String query) {
        Matcher m = contract.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Matcher names = Pattern.compile("\\{[^/}]+}").matcher(internal);
        StringBuilder out = new StringBuilder();
        int group = 1;
        while (names.find()) {
            names.appendReplacement(out, Matcher.quoteReplacement(m.group(group++)));
        }
        names.appendTail(out);
        return query == null ? out.toString() : out + "?" + query;
    }

    /** Re-routes the contract's path before any other route. */
    public void install(Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String target = target(rc.request().path(), rc.request().query());
            if (target == null) {
                rc.next();
            } else {
                rc.reroute(target);
            }
        });
    }

    /** In a build-time OASFilter: the internal path's operations appear under the contract's path. */
    public static void rename(OpenAPI openAPI, String internal, String contract) {
        if (openAPI.getPaths() == null) {
            return;
        }
        PathItem item = openAPI.getPaths().getPathItem(internal);
        if (item != null) {
            openAPI.getPaths().removePathItem(internal);
            openAPI.getPaths().addPathItem(contract, item);
        }
    }
}
