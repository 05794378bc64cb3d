package id.asn.merit.gateway.proxy;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardedHeadersTest {
    @Test
    void hopByHopHeadersAndThoseNamedByConnectionStayBehind() {
        MultiMap from = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive, X-Private")
                .add("Keep-Alive", "timeout=5").add("Transfer-Encoding", "chunked").add("TE", "trailers")
                .add("Trailer", "X-Sum").add("Upgrade", "h2c").add("Proxy-Authorization", "Basic x")
                .add("Proxy-Connection", "keep-alive").add("Host", "gateway:8080").add("X-Private", "secret")
                .add("Authorization", "Bearer t").add("Accept", "application/json").add("Accept", "text/plain");
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        ForwardedHeaders.copy(from, to);
        assertEquals(java.util.Set.of("authorization", "accept"),
                to.names().stream().map(String::toLowerCase).collect(java.util.stream.Collectors.toSet()), to.toString());
        assertEquals("Bearer t", to.get("Authorization"));
        assertEquals(2, to.getAll("Accept").size());
        assertFalse(to.contains("X-Private"));
    }

    @Test
    void forwardedForAppendsTheCaller() {
        assertEquals("10.0.0.1", ForwardedHeaders.forwardedFor(null, "10.0.0.1"));
        assertEquals("1.2.3.4, 10.0.0.1", ForwardedHeaders.forwardedFor("1.2.3.4", "10.0.0.1"));
        assertTrue(ForwardedHeaders.isHopByHop("proxy-anything"));
    }
}
