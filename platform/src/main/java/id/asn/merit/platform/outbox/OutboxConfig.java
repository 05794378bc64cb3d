package id.asn.merit.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code asn.outbox.*}: how the relay polls, claims, sends and backs off. */
@ConfigMapping(prefix = "asn.outbox")
public interface OutboxConfig {
    /** Whether this instance relays at all (every replica may; one of them leads at a time, see OutboxRelayInstance). */
    @WithDefault("true")
    boolean enabled();

    /** How often an idle relay looks for new rows (read by the scheduler as {@code ${asn.outbox.poll-interval}}). */
    @WithDefault("0.5s")
    Duration pollInterval();

    /** How many unsent events one read takes; at most twice as many wait for the broker's acknowledgement at once. */
    @WithDefault("5000")
    int batchSize();

    /** First retry delay after a failed send; doubles per attempt. */
    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("60s")
    Duration maxBackoff();

    /** How long a sent event may wait for the broker's acknowledgement ({@code delivery.timeout.ms}). */
    @WithDefault("15s")
    Duration sendTimeout();

    /** How long one {@code send()} may block while the producer has no metadata for the topic ({@code max.block.ms}). */
    @WithDefault("2s")
    Duration maxBlock();

    /** Producer {@code linger.ms}: how long it waits to fill a request. */
    @WithDefault("10ms")
    Duration linger();

    /** Producer {@code batch.size} in bytes, per partition. */
    @WithDefault("262144")
    int producerBatchBytes();

    /**
     * Producer {@code buffer.memory} in bytes: up to twice the batch size waits for acknowledgement, so this must
     * hold that (2 × batch-size × an event with its headers, about 1 KiB) for {@code send()} never to wait for room.
     */
    @WithDefault("33554432")
    int producerBufferBytes();

    /**
     * Producer {@code max.request.size}: a larger event is refused by the producer itself, for that event alone, and
     * waits for its back-off while the other keys go on. Keep it at or below the broker's {@code message.max.bytes}.
     */
    @WithDefault("1048576")
    int maxRecordBytes();

    /** Producer {@code compression.type}: none, gzip, snappy, lz4 or zstd (lz4 runs in pure Java if need be). */
    @WithDefault("lz4")
    String compression();
}
