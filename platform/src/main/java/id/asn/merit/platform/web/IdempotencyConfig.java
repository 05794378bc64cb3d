package id.asn.merit.platform.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code asn.idempotency.*}: how long an {@code Idempotency-Key} is remembered and how long a retry waits for it. */
@ConfigMapping(prefix = "asn.idempotency")
public interface IdempotencyConfig {
    /** How long a key and its first response are kept; after that the same key acts as new. */
    @WithDefault("24h")
    Duration expiry();

    /**
     * How long a request waits for a concurrent request with the same key to finish before it answers 409
     * "in progress" (the database lock wait on the key's row).
     */
    @WithDefault("10s")
    Duration inProgressWait();

    /**
     * How often expired keys are deleted (read by {@link IdempotencyCleanup}'s schedule as
     * {@code asn.idempotency.cleanup-every}).
     */
    @WithDefault("1h")
    Duration cleanupEvery();

    /** How many expired keys one cleanup transaction deletes. */
    @WithDefault("10000")
    int cleanupBatchSize();
}
