package id.asn.merit.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code asn.outbox.*}: how the relay polls, batches and backs off. */
@ConfigMapping(prefix = "asn.outbox")
public interface OutboxConfig {
    /** Whether this instance relays at all (every replica may; rows are locked with SKIP LOCKED). */
    @WithDefault("true")
    boolean enabled();

    /** How many unsent events one relay transaction takes. */
    @WithDefault("200")
    int batchSize();

    /** First retry delay after a failed send; doubles per attempt. */
    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("60s")
    Duration maxBackoff();

    /** How long one send may wait for the broker's acknowledgement. */
    @WithDefault("15s")
    Duration sendTimeout();
}
