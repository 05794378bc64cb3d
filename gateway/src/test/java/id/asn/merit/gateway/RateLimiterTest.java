package id.asn.merit.gateway;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {
    @Test
    void aBurstPassesThenTheRateHolds() {
        RateLimiter limiter = new RateLimiter(2, 3);
        long t = 1_000_000_000L;
        assertEquals(0, limiter.acquire("a", t));
        assertEquals(0, limiter.acquire("a", t));
        assertEquals(0, limiter.acquire("a", t));
        long wait = limiter.acquire("a", t);
        assertTrue(wait >= 1, "over the burst the client waits");
        assertEquals(0, limiter.acquire("b", t), "clients have their own buckets");
        assertEquals(0, limiter.acquire("a", t + 500_000_000L), "half a second refills one token at 2/s");
        assertTrue(limiter.acquire("a", t + 500_000_000L) > 0);
    }

    @Test
    void idleClientsAreForgotten() {
        RateLimiter limiter = new RateLimiter(10, 10);
        limiter.acquire("a", 0);
        limiter.acquire("b", 700_000_000_000L);
        limiter.evictIdle(700_000_000_000L);
        assertEquals(1, limiter.size());
    }
}
