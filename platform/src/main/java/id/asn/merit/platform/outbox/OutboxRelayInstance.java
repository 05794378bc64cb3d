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
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One relay instance (one per service replica, all on the same database). Of the instances on one database exactly one
 * relays at a time, the <b>leader</b>: the one holding a session advisory lock ({@link #LEADER_LOCK}) on a connection
 * it keeps open; the others stand by and try again on every round, so when the leader stops or its connection dies
 * (the database then drops the lock) another one takes over within a poll interval.
 *
 * <p>The leader streams: it reads the unsent rows in {@code seq} order (a plain read through the partial index of
 * unsent rows: no lease, no row lock, no write), hands each to the producer without waiting, and while the broker
 * acknowledges them reads the next rows and marks the acknowledged ones sent, one statement for all of them. At most
 * {@code 2 × batch-size} records are unacknowledged at once. No transaction is held open while the broker is waited on.
 *
 * <p>Order per key ({@code topic}, {@code event_key}) is a guarantee, not a habit:
 * <ul>
 *   <li>{@link Outbox} serialises the writers of one key, so {@code seq} follows commit order per key;</li>
 *   <li>one leader, one idempotent producer, records handed over in {@code seq} order: a key's records reach their
 *       partition in that order;</li>
 *   <li>a row waiting for its back-off holds back every newer row of its key (the relay leaves them out, checking each
 *       row read against the keys in back-off, which it reads once per round), and a row the producer refuses for what
 *       it is (a poison row) holds back the newer rows of its key already read.</li>
 * </ul>
 * Delivery is at least once: a leader that dies after the broker's acknowledgement and before marking leaves the rows
 * unsent, and the next leader sends them again (consumers are idempotent by {@code ce_id}).
 */
public class OutboxRelayInstance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxRelayInstance.class);

    /** The leader's session advisory lock: its own space (the outbox's key locks use {@link Outbox#LOCK_SPACE}). */
    static final int LEADER_SPACE = Outbox.LOCK_SPACE + 1;
    static final String LEADER_LOCK = "select pg_try_advisory_lock(" + LEADER_SPACE + ", 0)";

    /**
     * The next unsent rows after {@code seq ?} that are ready, in seq order, through the partial index
     * {@code outbox_event_unsent_seq}. A plain range read, linear in what it returns whatever the statistics say: the
     * per-key hold-back of rows in back-off is done by the relay against {@link #HELD}, not by an anti-join here (with
     * the statistics of a table that was empty when last analyzed and now holds a 100 000-row import, the planner ran
     * that anti-join as a nested loop over the whole backlog for every row: minutes per batch).
     */
    static final String NEXT = """
            select e.seq, e.id, e.topic, e.event_key, e.type, e.source, e.occurred_at, e.payload
            from outbox_event e
            where e.sent_at is null and e.seq > ? and e.next_attempt_at <= now()
            order by e.seq
            limit ?""";

    /**
     * The keys with an unsent row waiting for its back-off, and the oldest such row of each: a newer row of such a key
     * is held back until it has gone. One pass over the unsent rows, asked once per round that has rows to send.
     */
    static final String HELD = """
            select topic, event_key, min(seq) from outbox_event
            where sent_at is null and next_attempt_at > now()
            group by topic, event_key""";

    /** Marks acknowledged rows sent in one statement. */
    static final String MARK_SENT = """
            update outbox_event set sent_at = now(), attempts = attempts + 1
            where seq = any(?) and sent_at is null""";

    /** Gives back what was not acknowledged, with the error and an exponential back-off per row, in one statement. */
    static final String RELEASE_FAILED = """
            update outbox_event set attempts = attempts + 1, last_error = ?,
                   next_attempt_at = now() + least(?, ? * power(2, least(attempts, 20)))::bigint * interval '1 millisecond'
            where seq = any(?) and sent_at is null""";

    /** How many rows one streaming round hands over at most before it returns (so metrics and pauses get their turn). */
    static final int ROUND_BATCHES = 40;

    /**
     * What one round did. {@code claimed}: rows read and handed over (or refused); {@code rejected}: rows the broker or
     * the producer refused for what they are (too large, an invalid topic), retried after their back-off while the
     * rest goes on; {@code failure}: a failure of the connection or the producer, which stops the round and makes the
     * relay back off.
     */
    public record Round(int claimed, int acknowledged, int rejected, Exception failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /** A row read for sending; the payload as PostgreSQL sent it (UTF-8), handed to Kafka without a String between. */
    private record Row(long seq, OutboxEvent event, byte[] payload) {
    }

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final Supplier<Producer<String, byte[]>> producerFactory;
    private final String instanceId;
    private Producer<String, byte[]> producer;
    /** Open while this instance leads: the connection that holds the leader lock. */
    private Connection leadership;

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

    /** Whether this instance leads now: keeps the lock it holds (its connection still alive) or tries to take it. */
    public synchronized boolean lead() {
        if (leadership != null) {
            try {
                if (leadership.isValid(2)) {
                    return true;
                }
            } catch (SQLException e) {
                // fall through: the lock went with the connection
            }
            LOG.warnf("outbox: %s lost the connection holding the relay's leadership", instanceId);
            closeQuietly(leadership);
            leadership = null;
        }
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(LEADER_LOCK); ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    leadership = c;
                    LOG.infof("outbox: %s leads the relay of this database", instanceId);
                    return true;
                }
            }
        } catch (SQLException e) {
            LOG.debugf("outbox: %s could not try the relay's leadership: %s", instanceId, e);
        }
        closeQuietly(c);
        return false;
    }

    /** Gives the leadership up once the round in progress (if any) has ended; another instance takes it on its next round. */
    public synchronized void stepDown() {
        if (leadership != null) {
            try (PreparedStatement ps = leadership.prepareStatement("select pg_advisory_unlock(" + LEADER_SPACE + ", 0)")) {
                ps.executeQuery().close();
            } catch (SQLException e) {
                LOG.debugf("outbox: unlocking the leadership: %s", e);
            }
            closeQuietly(leadership);
            leadership = null;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // already gone
            }
        }
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

    /**
     * A refusal of one record for what it is: it would be refused again however often it is sent, and says nothing about
     * the broker or the other records (a poison row).
     */
    static boolean refusesTheRecord(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException || e instanceof InvalidRecordException
                || e instanceof InvalidTopicException || e instanceof SerializationException;
    }

    /**
     * One streaming round of the leader (a standby returns at once with nothing claimed): reads, hands over and marks
     * until the backlog gives no more rows, {@link #ROUND_BATCHES} batches were read, or a failure of the broker or the
     * producer stops it. Never throws for a broker failure: that is recorded on the rows. A record refused for what it
     * is (see {@link #refusesTheRecord}) is given back with its error and back-off and holds back only the newer rows
     * of its own key.
     */
    public synchronized Round relayBatch() throws SQLException {
        if (!lead()) {
            return new Round(0, 0, 0, null);
        }
        long started = System.nanoTime();
        Producer<String, byte[]> p = producer();
        int window = Math.max(1, 2 * config.batchSize());
        Semaphore room = new Semaphore(window);
        ConcurrentLinkedQueue<Long> acked = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Refusal> refusedLater = new ConcurrentLinkedQueue<>();
        Set<Long> unacknowledged = ConcurrentHashMap.newKeySet();
        AtomicReference<Exception> failure = new AtomicReference<>();
        // keys with a refused row in this round: their newer rows are not handed over (the callback of a record the
        // producer refuses at once runs inside send(), before the next row of the key is looked at)
        Set<String> refusedKeys = ConcurrentHashMap.newKeySet();
        int[] totals = new int[3]; // claimed, acknowledged, rejected
        long after = 0;
        long readNanos = 0;
        long markNanos = 0;
        long waitNanos = 0;
        long maxWait = config.maxBlock().plus(config.sendTimeout()).toNanos();
        // keys with an older row in back-off (topic NUL key → its seq): read once, after the first read that found rows
        // (an idle poll stays one read). Only the leader gives rows back (it leads until its connection goes, and then
        // stops after its batch) and its own refusals of this round are in refusedKeys, so the set holds for the round;
        // a held row whose back-off ends meanwhile keeps its newer rows back until the next round, which reads it first
        Map<String, Long> held = null;
        for (int round = 0; round < ROUND_BATCHES && failure.get() == null; round++) {
            if (round > 0 && !stillLeading()) {
                break;
            }
            long t0 = System.nanoTime();
            List<Row> batch = next(after);
            if (!batch.isEmpty() && held == null) {
                held = held();
            }
            readNanos += System.nanoTime() - t0;
            if (batch.isEmpty()) {
                break;
            }
            after = batch.get(batch.size() - 1).seq();
            List<Refusal> refusedNow = new ArrayList<>();
            for (Row row : batch) {
                OutboxEvent event = row.event();
                String key = event.topic + '\u0000' + event.key;
                if (failure.get() != null) {
                    break;
                }
                Long olderHeld = held.get(key);
                if (olderHeld != null && olderHeld < row.seq()) {
                    continue; // stays unsent, as if not read: an older row of its key waits for its back-off
                }
                totals[0]++;
                if (refusedKeys.contains(key)) {
                    continue; // stays unsent: its older sibling was refused and now waits for its back-off
                }
                long w0 = System.nanoTime();
                try {
                    if (!room.tryAcquire(maxWait, TimeUnit.NANOSECONDS)) {
                        failure.compareAndSet(null, new TimeoutException("no acknowledgement within the delivery timeout"));
                        break;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, e);
                    break;
                }
                waitNanos += System.nanoTime() - w0;
                long seq = row.seq();
                unacknowledged.add(seq);
                try {
                    p.send(new ProducerRecord<>(event.topic, null, event.key, row.payload(), CloudEventHeaders.of(event)),
                            (metadata, e) -> {
                                if (e == null) {
                                    acked.add(seq);
                                } else if (refusesTheRecord(e)) {
                                    refusedKeys.add(key);
                                    refusedLater.add(new Refusal(seq, key, e));
                                } else {
                                    failure.compareAndSet(null, e);
                                }
                                room.release();
                            });
                } catch (RuntimeException e) {
                    // send() itself refused it: the callback was not called
                    unacknowledged.remove(seq);
                    room.release();
                    if (refusesTheRecord(e)) {
                        refusedNow.add(new Refusal(seq, key, e));
                        refusedKeys.add(key);
                    } else {
                        failure.compareAndSet(null, e);
                    }
                }
            }
            long m0 = System.nanoTime();
            // a refusal seen by send() goes into back-off before the next read, which then holds its key back
            totals[2] += giveBack(refusedNow, unacknowledged);
            totals[2] += giveBack(drain(refusedLater, refusedKeys), unacknowledged);
            // marked here, between reads: on two cores a mark running beside the next read only slows the read down
            totals[1] += markSent(drain(acked), unacknowledged);
            markNanos += System.nanoTime() - m0;
        }
        if (!unacknowledged.isEmpty()) {
            try {
                p.flush(); // do not wait for linger.ms: nothing more comes in this round
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
            // every handed-over send completes within delivery.timeout.ms; wait for all of them, so an acknowledged row is
            // marked sent even in a failed round and is never sent again
            try {
                if (!room.tryAcquire(window, maxWait + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS)) {
                    failure.compareAndSet(null, new TimeoutException("no acknowledgement within the delivery timeout"));
                } else {
                    room.release(window);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
            }
        }
        totals[2] += giveBack(drain(refusedLater, refusedKeys), unacknowledged);
        totals[1] += markSent(drain(acked), unacknowledged);
        Exception failed = failure.get();
        if (!unacknowledged.isEmpty()) {
            List<Long> unsent = new ArrayList<>(unacknowledged);
            String why = failed != null ? describe(failed) : "not acknowledged";
            releaseFailed(unsent, why);
            unacknowledged.removeAll(unsent);
            LOG.warnf("outbox: %d of %d events acknowledged, the rest retries after back-off: %s", totals[1], totals[0], why);
        }
        if (failed != null && !(failed instanceof RetriableException)) {
            // a producer in a fatal state does not recover by itself
            closeProducer();
        }
        if (LOG.isDebugEnabled() && totals[0] > 0) {
            LOG.debugf("outbox: %d handed over, %d acknowledged and marked in %d ms (reading %d ms, refusals and marking %d ms, waiting for room %d ms)",
                    totals[0], totals[1], (System.nanoTime() - started) / 1_000_000, readNanos / 1_000_000, markNanos / 1_000_000,
                    waitNanos / 1_000_000);
        }
        return new Round(totals[0], totals[1], totals[2], failed);
    }

    private record Refusal(long seq, String key, Throwable error) {
    }

    private static List<Long> drain(ConcurrentLinkedQueue<Long> queue) {
        List<Long> out = new ArrayList<>();
        for (Long seq = queue.poll(); seq != null; seq = queue.poll()) {
            out.add(seq);
        }
        return out;
    }

    private static List<Refusal> drain(ConcurrentLinkedQueue<Refusal> queue, Set<String> refusedKeys) {
        List<Refusal> out = new ArrayList<>();
        for (Refusal r = queue.poll(); r != null; r = queue.poll()) {
            out.add(r);
            refusedKeys.add(r.key());
        }
        return out;
    }

    /** Refused rows back into the outbox with their error and back-off, one statement per error; returns how many. */
    private int giveBack(List<Refusal> refusals, Set<Long> unacknowledged) throws SQLException {
        if (refusals.isEmpty()) {
            return 0;
        }
        Map<String, List<Long>> byError = new HashMap<>();
        for (Refusal r : refusals) {
            byError.computeIfAbsent(describe(r.error()), k -> new ArrayList<>()).add(r.seq());
            unacknowledged.remove(r.seq());
        }
        for (Map.Entry<String, List<Long>> e : byError.entrySet()) {
            releaseFailed(e.getValue(), e.getKey());
            LOG.warnf("outbox: %d event(s) refused for what they are, retried after back-off, the others go on: %s",
                    e.getValue().size(), e.getKey());
        }
        return refusals.size();
    }

    /** {@link #HELD} as topic NUL key → the oldest seq of the key in back-off. */
    private Map<String, Long> held() throws SQLException {
        Map<String, Long> held = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(HELD); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                held.put(rs.getString(1) + '\u0000' + rs.getString(2), rs.getLong(3));
            }
        }
        return held;
    }

    /** Whether the connection holding the leader lock is still there (checked between the batches of a round). */
    private boolean stillLeading() {
        try {
            if (leadership != null && leadership.isValid(2)) {
                return true;
            }
        } catch (SQLException e) {
            // gone
        }
        LOG.warnf("outbox: %s lost the relay's leadership during a round; it stops after the batch in hand", instanceId);
        return false;
    }

    private List<Row> next(long after) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(NEXT)) {
            ps.setLong(1, after);
            ps.setInt(2, config.batchSize());
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
                    // a text column's bytes as they came (the connection's encoding is UTF-8): decoding them into a
                    // String only to encode it again for Kafka cost two passes over every payload
                    rows.add(new Row(e.seq, e, rs.getBytes(8)));
                }
            }
        }
        return rows;
    }

    private int markSent(List<Long> seqs, Set<Long> unacknowledged) throws SQLException {
        if (seqs.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(MARK_SENT)) {
            Array array = c.createArrayOf("bigint", seqs.toArray());
            ps.setArray(1, array);
            ps.executeUpdate();
        }
        unacknowledged.removeAll(seqs);
        return seqs.size();
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
        stepDown();

    }

    private static String describe(Throwable e) {
        String text = e.toString();
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
