package id.asn.merit.gateway.proxy;

import id.asn.merit.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routing table: which service owns a path. A prefix matches the path equal to it or followed by '/' or '?'
 * ({@code /api/v1/employees} matches {@code /api/v1/employees/1} but not {@code /api/v1/employeesX}); the longest
 * matching prefix wins.
 */
public final class RouteTable {
    /**
     * One prefix and the service owning it. Host, port, TLS and base path of the target are worked out once here,
     * not on every request.
     */
    public record Route(String prefix, String service, URI target, String host, int port, boolean ssl, String basePath) {
        public Route(String prefix, String service, URI target) {
            this(prefix, service, target, target.getHost(), port(target), "https".equalsIgnoreCase(target.getScheme()),
                    basePath(target));
        }

        private static int port(URI target) {
            return target.getPort() > 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        }

        private static String basePath(URI target) {
            String base = target.getRawPath() == null ? "" : target.getRawPath();
            int end = base.length();
            while (end > 0 && base.charAt(end - 1) == '/') {
                end--;
            }
            return base.substring(0, end);
        }
    }

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
        this.routes = List.copyOf(sorted);
    }

    public static RouteTable of(GatewayConfig config) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Service> s : config.services().entrySet()) {
            URI target = URI.create(s.getValue().url().trim());
            if (target.getHost() == null || !"http".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
                throw new IllegalArgumentException("asn.gateway.services." + s.getKey() + ".url is not an http(s) URL: " + target);
            }
            for (String prefix : s.getValue().prefixes()) {
                String p = prefix.trim();
                while (p.endsWith("/") && p.length() > 1) {
                    p = p.substring(0, p.length() - 1);
                }
                if (!p.isEmpty()) {
                    routes.add(new Route(p, s.getKey(), target));
                }
            }
        }
        return new RouteTable(routes);
    }

    /** The route owning the path (a path without query, or a URI with one). */
    public Optional<Route> find(String path) {
        return Optional.ofNullable(lookup(path));
    }

    /** As {@link #find}, without the Optional: null when no service owns the path. */
    public Route lookup(String path) {
        for (Route r : routes) {
            if (matches(r.prefix(), path)) {
                return r;
            }
        }
        return null;
    }

    static boolean matches(String prefix, String path) {
        if (!path.startsWith(prefix)) {
            return false;
        }
        if (path.length() == prefix.length()) {
            return true;
        }
        char next = path.charAt(prefix.length());
        return next == '/' || next == '?';
    }

    public List<Route> routes() {
        return routes;
    }
}
