package id.asn.merit.gateway.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RateLimiterTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstPassesThenTheRateHolds() {
        RateLimiter limiter = new RateLimiter(2, 3, 100);
        long t = 10 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("a", t), "request " + i + " of the burst");
        }
        assertEquals(1, limiter.acquire("a", t), "over the burst: the next token is half a second away, rounded up");
        assertEquals(0, limiter.acquire("b", t), "clients have their own buckets");
        assertEquals(0, limiter.acquire("a", t + SECOND / 2), "half a second refills one token at 2/s");
        assertEquals(1, limiter.acquire("a", t + SECOND / 2));
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextToken() {
        RateLimiter limiter = new RateLimiter(0.1, 1, 100);
        assertEquals(0, limiter.acquire("a", 0));
        assertEquals(10, limiter.acquire("a", 0));
        assertEquals(5, limiter.acquire("a", 5 * SECOND));
        assertEquals(0, limiter.acquire("a", 10 * SECOND));
    }

    @Test
    void aRefilledBucketIsForgottenAndAnActiveOneKept() {
        RateLimiter limiter = new RateLimiter(10, 10, 100);
        limiter.acquire("idle", 0);
        for (int i = 0; i < 10; i++) {
            limiter.acquire("busy", 1000 * SECOND);
        }
        limiter.evictIdle(1000 * SECOND);
        assertEquals(1, limiter.clients());
        assertEquals(1, limiter.acquire("busy", 1000 * SECOND), "the busy client's empty bucket was kept");
    }

    @Test
    void theNumberOfBucketsIsCapped() {
        RateLimiter limiter = new RateLimiter(1, 5, 3);
        for (int i = 0; i < 10; i++) {
            limiter.acquire("client-" + i, i);
        }
        assertEquals(3, limiter.clients());
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0, 1));
    }
}
