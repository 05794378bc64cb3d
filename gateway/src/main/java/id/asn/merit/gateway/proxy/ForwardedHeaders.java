package id.asn.merit.gateway.proxy;

import io.vertx.core.MultiMap;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the gateway. Hop-by-hop headers (RFC 9110 §7.6.1: Connection and the headers it names,
 * Keep-Alive, Transfer-Encoding, TE, Trailer, Upgrade, Proxy-*) belong to one connection and are dropped; so is
 * Host, which the client sets for the backend.
 */
public final class ForwardedHeaders {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "host");

    private ForwardedHeaders() {
    }

    /** Copies from → to, without hop-by-hop headers. */
    public static void copy(MultiMap from, MultiMap to) {
        Set<String> named = new HashSet<>();
        for (String connection : from.getAll("Connection")) {
            for (String token : connection.split(",")) {
                named.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        from.forEach(h -> {
            if (!isHopByHop(h.getKey()) && !named.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                to.add(h.getKey(), h.getValue());
            }
        });
    }

    public static boolean isHopByHop(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return HOP_BY_HOP.contains(n) || n.startsWith("proxy-");
    }

    /** The X-Forwarded-For value: the caller's list with the caller's address appended. */
    public static String forwardedFor(String existing, String remote) {
        if (remote == null) {
            return existing;
        }
        return existing == null || existing.isBlank() ? remote : existing + ", " + remote;
    }
}
