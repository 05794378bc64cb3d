package id.asn.merit.gateway.proxy;

import io.vertx.core.MultiMap;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the gateway. Hop-by-hop headers (RFC 9110 §7.6.1: Connection and the headers it names,
 * Keep-Alive, Transfer-Encoding, TE, Trailer, Upgrade, Proxy-*) belong to one connection and are dropped; so is
 * Host, which the client sets for the backend. So are the forwarding headers a caller sent ({@code Forwarded},
 * {@code X-Forwarded-*}, {@code X-Real-IP}): the services trust these to build the URLs they answer with
 * ({@code Location}), so only the gateway may set them, from what it saw itself.
 */
public final class ForwardedHeaders {
    /** Hop-by-hop, plus Host (set for the backend) and Expect (the gateway answers 100-continue itself). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "host", "expect");

    private ForwardedHeaders() {
    }

    /** Copies from → to, without hop-by-hop headers. */
    public static void copy(MultiMap from, MultiMap to) {
        // the headers a Connection header names are hop-by-hop too; most requests have none (no set is built)
        Set<String> named = null;
        for (String connection : from.getAll("Connection")) {
            for (String token : connection.split(",")) {
                String t = token.trim().toLowerCase(Locale.ROOT);
                if (!t.isEmpty() && !t.equals("keep-alive") && !t.equals("close")) {
                    if (named == null) {
                        named = new HashSet<>();
                    }
                    named.add(t);
                }
            }
        }
        Set<String> also = named;
        from.forEach(h -> {
            String name = h.getKey();
            String n = name.toLowerCase(Locale.ROOT);
            if (!isHopByHopLower(n) && !isForwardingLower(n) && (also == null || !also.contains(n))) {
                to.add(name, h.getValue());
            }
        });
    }

    public static boolean isHopByHop(String name) {
        return isHopByHopLower(name.toLowerCase(Locale.ROOT));
    }

    private static boolean isHopByHopLower(String n) {
        return HOP_BY_HOP.contains(n) || n.startsWith("proxy-");
    }

    /** Headers that say where a request came from; a caller's own are never passed on. */
    public static boolean isForwarding(String name) {
        return isForwardingLower(name.toLowerCase(Locale.ROOT));
    }

    private static boolean isForwardingLower(String n) {
        return n.equals("forwarded") || n.startsWith("x-forwarded-") || n.equals("x-real-ip");
    }

    /**
     * The forwarding headers the gateway sets for a request it received from {@code remote} as
     * {@code scheme://authority}: the services build their {@code Location}s from them, so those point at the gateway.
     */
    public static void set(MultiMap to, String scheme, String authority, String remote) {
        String proto = scheme == null ? "http" : scheme.toLowerCase(Locale.ROOT);
        to.set("X-Forwarded-Proto", proto);
        if (remote != null) {
            to.set("X-Forwarded-For", remote);
        }
        if (authority != null && !authority.isBlank()) {
            to.set("X-Forwarded-Host", authority);
            to.set("X-Forwarded-Port", Integer.toString(port(authority, proto)));
        }
    }

    static int port(String authority, String proto) {
        int colon = authority.lastIndexOf(':');
        if (colon > 0 && colon > authority.lastIndexOf(']')) {
            try {
                return Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                // fall through to the scheme's default
            }
        }
        return "https".equals(proto) ? 443 : 80;
    }
}
