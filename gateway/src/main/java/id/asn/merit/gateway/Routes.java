package id.asn.merit.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the service owning a path: the longest configured prefix equal to the path or followed by '/'. */
@ApplicationScoped
public class Routes {
    public record Route(String prefix, String service, URI target) {
    }

    private final List<Route> routes = new ArrayList<>();

    @Inject
    Routes(GatewayConfig config) {
        for (Map.Entry<String, GatewayConfig.Service> s : config.services().entrySet()) {
            URI target = URI.create(s.getValue().url());
            for (String prefix : s.getValue().prefixes()) {
                routes.add(new Route(prefix.trim(), s.getKey(), target));
            }
        }
        routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
    }

    public Optional<Route> find(String path) {
        for (Route r : routes) {
            if (path.equals(r.prefix()) || path.startsWith(r.prefix() + "/")) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public List<Route> all() {
        return routes;
    }
}
