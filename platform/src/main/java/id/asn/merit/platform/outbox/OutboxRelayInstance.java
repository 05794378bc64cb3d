package id.asn.merit.platform.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One relay instance (one per service replica, all on the same database): claims a batch of outbox rows under a
 * lease, sends them with no transaction open, then marks what the broker acknowledged. Every step is one short
 * statement in a transaction of its own (auto-commit), so no row lock is held while waiting on the broker, and a
 * failure's attempts, error and back-off are committed whatever happens to the sends.
 *
 * <p>Order per key ({@code topic}, {@code event_key}) is a guarantee, not a habit:
 * <ul>
 *   <li>{@link Outbox} serialises the writers of one key, so {@code seq} follows commit order per key;</li>
 *   <li>a claim takes a row only together with every older unsent row of its key: a row whose older sibling waits for
 *       its back-off, is leased by another relay, or is being claimed by one right now, stays where it is;</li>
 *   <li>a lease outlives the longest a batch can take ({@code max-block + send-timeout}), so two relays never send
 *       one key at the same time, and the batch goes to one idempotent producer in {@code seq} order.</li>
 * </ul>
 * Delivery is at least once: a relay that dies after the broker's acknowledgement and before marking sends again
 * once its lease has run out.
 */
public class OutboxRelayInstance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxRelayInstance.class);

    /**
     * Claim: walks the unsent rows in seq order (partial index {@code outbox_event_unsent_seq}), skipping rows in
     * back-off, leased, or locked by a concurrent claim; keeps for each key only the rows before its first unsent
     * row outside this claim (found once per key, walking {@code outbox_event_unsent_key} and probing the hashed
     * candidate set, so the cost grows with the batch, not its square); leases them to this instance.
     */
    static final String CLAIM = """
            with candidate as materialized (
                select seq, topic, event_key from outbox_event
                where sent_at is null and next_attempt_at <= now()
                  and (claimed_until is null or claimed_until < now())
                order by seq
                limit ?
                for update skip locked
            ), blocked as materialized (
                select k.topic, k.event_key,
                       (select o.seq from outbox_event o
                        where o.sent_at is null and o.topic = k.topic and o.event_key = k.event_key
                          and o.seq not in (select seq from candidate)
                        order by o.seq limit 1) as from_seq
                from (select distinct topic, event_key from candidate) k
            ), ready as (
                select c.seq from candidate c join blocked b on b.topic = c.topic and b.event_key = c.event_key
                where b.from_seq is null or c.seq < b.from_seq
            )
            update outbox_event e set claimed_by = ?, claimed_until = now() + ? * interval '1 millisecond'
            from ready where e.seq = ready.seq
            returning e.seq, e.id, e.topic, e.event_key, e.type, e.source, e.occurred_at, e.payload""";

    /** Marks a batch sent in one statement. */
    static final String MARK_SENT = """
            update outbox_event set sent_at = now(), attempts = attempts + 1, claimed_by = null, claimed_until = null
            where seq = any(?) and sent_at is null""";

    /** Gives back what was not acknowledged, with the error and an exponential back-off per row, in one statement. */
    static final String RELEASE_FAILED = """
            update outbox_event set attempts = attempts + 1, last_error = ?, claimed_by = null, claimed_until = null,
                   next_attempt_at = now() + least(?, ? * power(2, least(attempts, 20)))::bigint * interval '1 millisecond'
            where seq = any(?) and sent_at is null""";

    static final String RELEASE_ALL_LEASES = """
            update outbox_event set claimed_by = null, claimed_until = null where claimed_by = ? and sent_at is null""";

    /**
     * Gives back rows that were claimed but not sent because an older row of their key was refused in the same batch:
     * no attempt is counted and no back-off set (they did nothing wrong); the claim keeps them back while that row waits.
     */
    static final String RELEASE_HELD_BACK = """
            update outbox_event set claimed_by = null, claimed_until = null where seq = any(?) and sent_at is null""";

    /**
     * What one round did. {@code rejected}: rows the broker or the producer refused for what they are (too large, an
     * invalid topic), retried after their back-off while the rest of the batch goes on; {@code failure}: a failure of
     * the connection or the producer, which stops the round and makes the relay back off.
     */
    public record Round(int claimed, int acknowledged, int rejected, Exception failure) {
        public Round(int claimed, int acknowledged, Exception failure) {
            this(claimed, acknowledged, 0, failure);
        }

        public boolean failed() {
            return failure != null;
        }
    }

    private record Row(long seq, OutboxEvent event) {
    }

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final Supplier<Producer<String, byte[]>> producerFactory;
    private final String instanceId;
    private Producer<String, byte[]> producer;

    public OutboxRelayInstance(DataSource dataSource, OutboxConfig config, Supplier<Producer<String, byte[]>> producerFactory,
            String instanceId) {
        this.dataSource = dataSource;
        this.config = config;
        this.producerFactory = producerFactory;
        this.instanceId = instanceId;
    }

    public String instanceId() {
        return instanceId;
    }

    /** The producer settings of a relay: acks=all and idempotent (order per partition survives retries), tuned for throughput. */
    public static Map<String, Object> producerConfig(OutboxConfig config, String bootstrapServers, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        int linger = (int) config.linger().toMillis();
        int delivery = (int) config.sendTimeout().toMillis();
        props.put(ProducerConfig.LINGER_MS_CONFIG, linger);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, config.producerBatchBytes());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.maxBlock().toMillis());
        // a claimed batch is handed over at once: the producer's buffer must hold it without send() blocking for room
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, config.producerBufferBytes());
        // a record larger than a request is refused by send() itself, for that record alone (a poison row), before it
        // could share a request with others; the broker's default message.max.bytes is just above this
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.maxRecordBytes());
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, Math.min(5_000, delivery - linger)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
        return props;
    }

    public static KafkaProducer<String, byte[]> newProducer(OutboxConfig config, String bootstrapServers, String clientId) {
        return new KafkaProducer<>(producerConfig(config, bootstrapServers, clientId), new StringSerializer(),
                new ByteArraySerializer());
    }

    /** The lease: at least as long as a batch can take, so another relay never takes rows still being sent. */
    Duration lease() {
        Duration floor = config.maxBlock().plus(config.sendTimeout()).plusSeconds(10);
        return config.lease().compareTo(floor) < 0 ? floor : config.lease();
    }

    /**
     * A refusal of one record for what it is: it would be refused again however often it is sent, and says nothing about
     * the broker or the other records (a poison row).
     */
    static boolean refusesTheRecord(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException || e instanceof InvalidRecordException
                || e instanceof InvalidTopicException || e instanceof SerializationException;
    }

    /**
     * Claims, sends and marks one batch. Never throws for a broker failure: that is recorded on the rows. Every record
     * is handed to the producer without waiting (one flush for the batch), the acknowledgements are collected by
     * callback, and what was acknowledged is marked in one statement. A record refused for what it is (see
     * {@link #refusesTheRecord}) is given back with its error and back-off and holds back only the newer rows of its
     * own key; a failure of the broker or the producer stops the round.
     */
    public Round relayBatch() throws SQLException {
        long leaseStarted = System.nanoTime();
        List<Row> batch = claim();
        if (batch.isEmpty()) {
            return new Round(0, 0, 0, null);
        }
        long claimed = System.nanoTime();
        int n = batch.size();
        Exception[] refused = new Exception[n];
        boolean[] acked = new boolean[n];
        boolean[] handed = new boolean[n];
        AtomicReference<Exception> failure = new AtomicReference<>();
        Set<String> refusedKeys = new HashSet<>();
        Producer<String, byte[]> p = producer();
        int handedOver = 0;
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            OutboxEvent event = batch.get(i).event();
            String key = event.topic + '\u0000' + event.key;
            // stop at the first failure we know of: with the broker gone each further send() would block for max.block.ms
            if (failure.get() != null || refusedKeys.contains(key)) {
                done.countDown();
                continue;
            }
            final int index = i;
            try {
                p.send(new ProducerRecord<>(event.topic, null, event.key, event.payload.getBytes(StandardCharsets.UTF_8),
                        CloudEventHeaders.of(event)), (metadata, e) -> {
                            if (e == null) {
                                acked[index] = true;
                            } else if (refusesTheRecord(e)) {
                                refused[index] = e;
                            } else {
                                failure.compareAndSet(null, e);
                            }
                            done.countDown();
                        });
                handed[i] = true;
                handedOver++;
                if (refused[i] != null) {
                    // send() refused it at once (too large for a request) and said so through the callback, before
                    // anything newer of its key was handed over: hold those back
                    refusedKeys.add(key);
                }
            } catch (RuntimeException e) {
                // send() itself refused it: the callback was not called
                if (refusesTheRecord(e)) {
                    refused[i] = e;
                    refusedKeys.add(key);
                } else {
                    failure.compareAndSet(null, e);
                }
                done.countDown();
            }
        }
        if (handedOver > 0) {
            try {
                p.flush(); // do not wait for linger.ms: the whole batch is here
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }
        // every handed-over send completes within delivery.timeout.ms; wait for all of them, so an acknowledged row is
        // marked sent even in a failed batch and is never sent again
        long deadline = leaseStarted + config.maxBlock().plus(config.sendTimeout()).plusSeconds(5).toNanos();
        try {
            if (!done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                failure.compareAndSet(null, new TimeoutException("no acknowledgement within the delivery timeout"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        }
        long sent = System.nanoTime();
        List<Long> acknowledged = new ArrayList<>(n);
        List<Long> unsent = new ArrayList<>();
        List<Long> heldBack = new ArrayList<>();
        Map<String, List<Long>> refusedByError = new HashMap<>();
        int rejected = 0;
        for (int i = 0; i < n; i++) {
            long seq = batch.get(i).seq();
            if (acked[i]) {
                acknowledged.add(seq);
            } else if (refused[i] != null) {
                refusedByError.computeIfAbsent(describe(refused[i]), k -> new ArrayList<>()).add(seq);
                rejected++;
            } else if (!handed[i] && failure.get() == null) {
                heldBack.add(seq);
            } else {
                unsent.add(seq);
            }
        }
        markSent(acknowledged);
        for (Map.Entry<String, List<Long>> r : refusedByError.entrySet()) {
            releaseFailed(r.getValue(), r.getKey());
            LOG.warnf("outbox: %d event(s) refused for what they are, retried after back-off, the others go on: %s",
                    r.getValue().size(), r.getKey());
        }
        release(RELEASE_HELD_BACK, heldBack);
        Exception failed = failure.get();
        if (failed != null) {
            releaseFailed(unsent, describe(failed));
            LOG.warnf("outbox: %d of %d events acknowledged, the rest retries after back-off: %s", acknowledged.size(), n,
                    describe(failed));
            if (!(failed instanceof RetriableException)) {
                // a producer in a fatal state does not recover by itself
                closeProducer();
            }
        } else if (!unsent.isEmpty()) {
            // handed over, neither acknowledged nor refused, and no failure seen: cannot happen, but never lose a row
            releaseFailed(unsent, "not acknowledged");
        }
        if (LOG.isDebugEnabled()) {
            LOG.debugf("outbox: %d claimed in %d ms, sent and acknowledged in %d ms, marked in %d ms", n, (claimed - leaseStarted) / 1_000_000,
                    (sent - claimed) / 1_000_000, (System.nanoTime() - sent) / 1_000_000);
        }
        return new Round(n, acknowledged.size(), rejected, failed);
    }

    private List<Row> claim() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setInt(1, config.batchSize());
            ps.setString(2, instanceId);
            ps.setLong(3, lease().toMillis());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OutboxEvent e = new OutboxEvent();
                    e.seq = rs.getLong(1);
                    e.id = rs.getObject(2, UUID.class);
                    e.topic = rs.getString(3);
                    e.key = rs.getString(4);
                    e.type = rs.getString(5);
                    e.source = rs.getString(6);
                    e.occurredAt = rs.getObject(7, OffsetDateTime.class);
                    e.payload = rs.getString(8);
                    rows.add(new Row(e.seq, e));
                }
            }
        }
        // UPDATE ... RETURNING keeps no order
        rows.sort(Comparator.comparingLong(Row::seq));
        return rows;
    }

    private void markSent(List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(MARK_SENT)) {
            Array array = c.createArrayOf("bigint", seqs.toArray());
            ps.setArray(1, array);
            ps.executeUpdate();
        }
    }

    private void release(String sql, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
            ps.executeUpdate();
        }
    }

    private void releaseFailed(List<Long> seqs, String error) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RELEASE_FAILED)) {
            ps.setString(1, error);
            ps.setLong(2, config.maxBackoff().toMillis());
            ps.setLong(3, config.initialBackoff().toMillis());
            ps.setArray(4, c.createArrayOf("bigint", seqs.toArray()));
            ps.executeUpdate();
        }
    }

    /** Gives back this instance's leases, so another relay need not wait for them to run out. */
    public void releaseLeases() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RELEASE_ALL_LEASES)) {
            ps.setString(1, instanceId);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("outbox: could not give back the leases of %s (they run out by themselves): %s", instanceId, e);
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producerFactory.get();
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.debugf("closing the outbox producer: %s", e);
            }
            producer = null;
        }
    }

    @Override
    public void close() {
        closeProducer();
        releaseLeases();
    }

    private static String describe(Exception e) {
        String text = e.toString();
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
