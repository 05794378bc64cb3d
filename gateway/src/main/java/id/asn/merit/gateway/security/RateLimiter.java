package id.asn.merit.gateway.security;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code requestsPerSecond} tokens flow in, up to {@code burst}; a request takes one.
 * A bucket that has refilled to full is the same as no bucket, so {@link #evictIdle} drops those without changing
 * anyone's budget; memory stays bounded by the clients active in the last {@code burst / rate} seconds, and by a
 * hard cap beyond which the longest-idle buckets go. Pure: time comes in as nanoseconds.
 */
public final class RateLimiter {
    private final double tokensPerNano;
    private final double burst;
    private final int maxClients;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    public RateLimiter(double requestsPerSecond, int burst, int maxClients) {
        if (requestsPerSecond <= 0 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("rate limit needs requests-per-second > 0, burst >= 1, max-clients >= 1");
        }
        this.tokensPerNano = requestsPerSecond / 1e9;
        this.burst = burst;
        this.maxClients = maxClients;
    }

    /** Takes a token for client. @return 0 when the request may pass, else the whole seconds until one would. */
    public long acquire(String client, long now) {
        if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
            evictIdle(now);
            if (buckets.size() >= maxClients) {
                evictOldest(buckets.size() - maxClients + 1);
            }
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double missingNanos = (1 - bucket.tokens) / tokensPerNano;
            return Math.max(1, (long) Math.ceil(missingNanos / 1e9));
        }
    }

    /** Drops the buckets that have refilled to full: forgetting them changes nobody's budget. */
    public void evictIdle(long now) {
        buckets.entrySet().removeIf(e -> {
            Bucket b = e.getValue();
            synchronized (b) {
                return b.tokens + Math.max(0, now - b.last) * tokensPerNano >= burst;
            }
        });
    }

    private void evictOldest(int count) {
        buckets.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Bucket> e) -> e.getValue().last))
                .limit(count)
                .map(Map.Entry::getKey)
                .toList()
                .forEach(buckets::remove);
    }

    private void refill(Bucket bucket, long now) {
        if (now > bucket.last) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.last) * tokensPerNano);
            bucket.last = now;
        }
    }

    public int clients() {
        return buckets.size();
    }
}
