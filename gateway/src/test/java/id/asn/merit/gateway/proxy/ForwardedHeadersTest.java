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
    void aCallersOwnForwardingHeadersNeverReachAService() {
        MultiMap from = MultiMap.caseInsensitiveMultiMap()
                .add("Forwarded", "host=evil.example;proto=https").add("X-Forwarded-Host", "evil.example")
                .add("X-Forwarded-Proto", "https").add("X-Forwarded-Port", "443").add("X-Forwarded-Prefix", "/x")
                .add("X-Forwarded-For", "6.6.6.6").add("X-Real-IP", "6.6.6.6").add("Accept", "application/json");
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        ForwardedHeaders.copy(from, to);
        assertEquals(java.util.Set.of("accept"),
                to.names().stream().map(String::toLowerCase).collect(java.util.stream.Collectors.toSet()), to.toString());
    }

    @Test
    void theGatewaySetsWhatItSawItself() {
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        ForwardedHeaders.set(to, "http", "gateway.example:8080", "10.0.0.1");
        assertEquals("http", to.get("X-Forwarded-Proto"));
        assertEquals("gateway.example:8080", to.get("X-Forwarded-Host"));
        assertEquals("8080", to.get("X-Forwarded-Port"));
        assertEquals("10.0.0.1", to.get("X-Forwarded-For"));

        MultiMap https = MultiMap.caseInsensitiveMultiMap();
        ForwardedHeaders.set(https, "https", "asn.example.go.id", null);
        assertEquals("443", https.get("X-Forwarded-Port"));
        assertFalse(https.contains("X-Forwarded-For"));
        assertEquals(80, ForwardedHeaders.port("[::1]", "http"));
        assertEquals(8443, ForwardedHeaders.port("[::1]:8443", "https"));
        assertTrue(ForwardedHeaders.isHopByHop("proxy-anything"));
        assertTrue(ForwardedHeaders.isForwarding("X-Forwarded-Anything"));
    }
}
