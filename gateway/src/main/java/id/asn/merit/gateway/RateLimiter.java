package id.asn.merit.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client (token subject, else remote address): {@code requests-per-second} refill up to
 * {@code burst}. Buckets idle for ten minutes are dropped, so memory stays bounded by the active clients.
 */
@ApplicationScoped
public class RateLimiter {
    private static final long IDLE_NANOS = 600_000_000_000L;

    private final double ratePerNano;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    @Inject
    RateLimiter(GatewayConfig config) {
        this(config.rateLimit().requestsPerSecond(), config.rateLimit().burst());
    }

    RateLimiter(double requestsPerSecond, double burst) {
        this.ratePerNano = requestsPerSecond / 1e9;
        this.burst = burst;
    }

    /** @return 0 when the request may pass, else the seconds to wait before the next one would */
    public long acquire(String client, long now) {
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.last) * ratePerNano);
            bucket.last = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / ratePerNano / 1e9));
        }
    }

    public void evictIdle(long now) {
        buckets.entrySet().removeIf(e -> now - e.getValue().last > IDLE_NANOS);
    }

    int size() {
        return buckets.size();
    }
}
