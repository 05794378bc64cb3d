package id.asn.merit.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox drain of issue 10, against a bare Kafka producer in the same run:
 * <ol>
 * <li>employee-service runs (its relay polling its outbox); N outbox rows (default 100 000) of an employee event's size
 * and headers, one key per person, are written into its outbox in one transaction with COPY (as an import commits
 * them), and the time from that commit until no row is unsent gives the drain rate;</li>
 * <li>a bare {@code KafkaProducer} (acks=all, idempotent, the relay's default linger, batch size and compression)
 * sends the same number of records of the same size and headers to a fresh topic of the same partitions, and the
 * time until every one is acknowledged gives its rate.</li>
 * </ol>
 * Usage: {@code bench/run drain [events]}. The two measurements are static methods for the province bench.
 */
public final class OutboxDrainBench {
    /** An asn.employee.*.v1 event's data as employee-service writes it (about 380 bytes). */
    static final String PAYLOAD = "{\"nip\":\"%s\",\"name\":\"Pegawai %d\",\"gender\":\"M\",\"birthDate\":\"1985-03-15\","
            + "\"employmentType\":\"PNS\",\"rank\":\"III/b\",\"rankSince\":\"2020-04-01\",\"educationLevel\":\"S1\","
            + "\"positionCode\":\"PD07-B1-S1-P03\",\"positionType\":\"PELAKSANA\",\"orgUnitCode\":\"PD07-B1-S1\","
            + "\"orgUnitPath\":[\"PROV\",\"PD07\",\"PD07-B1\",\"PD07-B1-S1\"],\"status\":\"ACTIVE\",\"version\":0}";
    static final int PARTITIONS = 3;

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path root = Path.of(System.getProperty("asn.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(root.resolve("bench/results"));
        BenchSuite suite = BenchSuite.start(root, work, "bench_drain", "employee-service");
        Rates rates;
        try (Connection c = suite.connect()) {
            rates = measure(suite.kafkaBootstrap(), c, n, Duration.ofMinutes(30));
        }
        double drain = rates.drain();
        double bare = rates.bare();
        int bytes = rates.bytes();

        String report = String.format(Locale.ROOT, "## outbox drain, %s, %d events of %d bytes, %d cores (shared machine)%n%n"
                        + "| measure | events/s |%n|---|---|%n| employee-service relay: commit of %d outbox rows → none unsent | %.0f |%n"
                        + "| bare KafkaProducer (acks=all, idempotent, linger 10 ms, batch 256 KiB, lz4), same records | %.0f |%n"
                        + "| drain ÷ bare producer | %.2f |%n",
                LocalDate.now(), n, bytes, Runtime.getRuntime().availableProcessors(), n, drain, bare, drain / bare);
        System.out.println(report);
        Files.writeString(work.resolve("drain-" + LocalDate.now() + ".md"), report);
    }

    /** Events per second of the relay's drain and of the bare producer, for records of {@code bytes} bytes. */
    record Rates(double drain, double bare, int bytes) {
    }

    /**
     * Both measurements with the same warm-up: {@code n} rows committed at once into the service's outbox for a topic
     * of their own (which nobody consumes) and drained by its relay, then a bare producer sending as many records.
     */
    static Rates measure(String bootstrap, Connection serviceDb, int n, Duration max) throws Exception {
        String relayTopic = "bench.drain.relay." + UUID.randomUUID();
        String bareTopic = "bench.drain.bare." + UUID.randomUUID();
        createTopics(bootstrap, relayTopic, bareTopic);
        int bytes = payload(0).getBytes(StandardCharsets.UTF_8).length;
        // warm both paths a little (producer metadata, JIT), outside the measurement
        bareProducerRate(bootstrap, bareTopic, 5_000, bytes);
        write(serviceDb, relayTopic, 5_000);
        drainRate(serviceDb, 5_000, Duration.ofMinutes(2));
        write(serviceDb, relayTopic, n);
        double drain = drainRate(serviceDb, n, max);
        return new Rates(drain, bareProducerRate(bootstrap, bareTopic, n, bytes), bytes);
    }

    static String payload(int i) {
        return String.format(Locale.ROOT, PAYLOAD, String.format("1985031520100%05d", i % 100_000), i);
    }

    /** N unsent rows for {@code topic}, one key per person, committed at once as an import commits them. */
    static void write(Connection c, String topic, int n) throws SQLException, java.io.IOException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        OffsetDateTime now = OffsetDateTime.now();
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(c.unwrap(PGConnection.class),
                "copy outbox_event (id, topic, event_key, type, source, occurred_at, payload) from stdin with (format csv)", 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < n; i++) {
                String key = String.format("1985031520100%05d", i % 100_000);
                w.write(UUID.randomUUID() + "," + topic + "," + key + ",asn.employee.registered.v1,/employee-service," + now + ",\""
                        + payload(i).replace("\"", "\"\"") + "\"\n");
            }
        }
        c.commit();
        c.setAutoCommit(auto);
    }

    /**
     * Waits until the service's outbox holds no unsent row (or {@code max} passed) and answers {@code expected} ÷ the
     * seconds since the call: call it right after the rows were committed.
     */
    static double drainRate(Connection serviceDb, long expected, Duration max) throws SQLException, InterruptedException {
        // the drain's end is the last row's sent_at (the database's clock, as its start): the poll only waits for it, so
        // its interval does not count, and it asks a cheap question (is any row unsent?) rather than counting the
        // backlog, which would compete with the relay for the same two cores
        java.sql.Timestamp start;
        try (Statement s = serviceDb.createStatement(); ResultSet rs = s.executeQuery("select clock_timestamp()")) {
            rs.next();
            start = rs.getTimestamp(1);
        }
        long deadline = System.nanoTime() + max.toNanos();
        boolean unsent;
        do {
            Thread.sleep(100);
            try (Statement s = serviceDb.createStatement();
                    ResultSet rs = s.executeQuery("select exists (select 1 from outbox_event where sent_at is null)")) {
                rs.next();
                unsent = rs.getBoolean(1);
            }
        } while (unsent && System.nanoTime() < deadline);
        try (PreparedStatement ps = serviceDb.prepareStatement("""
                select count(*), extract(epoch from max(sent_at) - ?) from outbox_event where sent_at >= ?""")) {
            ps.setTimestamp(1, start);
            ps.setTimestamp(2, start);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long sent = rs.getLong(1);
                double seconds = rs.getDouble(2);
                if (unsent) {
                    System.out.printf(Locale.ROOT, "drain not finished within %s: %d of %d sent%n", max, sent, expected);
                }
                return sent / seconds;
            }
        }
    }

    /** A bare producer's rate to a fresh topic of {@value #PARTITIONS} partitions. */
    static double bareProducerRate(String bootstrap, int n, int bytes) throws Exception {
        String topic = "bench.drain.bare." + UUID.randomUUID();
        createTopics(bootstrap, topic);
        return bareProducerRate(bootstrap, topic, n, bytes);
    }

    /**
     * {@code n} records of {@code bytes} bytes (an employee event's JSON padded or cut to that size) with the CloudEvents
     * headers the relay sets, one key per person, sent without waiting for each, then every acknowledgement awaited.
     */
    static double bareProducerRate(String bootstrap, String topic, int n, int bytes) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.BATCH_SIZE_CONFIG, 262_144, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        byte[][] values = new byte[1000][];
        for (int i = 0; i < values.length; i++) {
            byte[] json = payload(i).getBytes(StandardCharsets.UTF_8);
            values[i] = java.util.Arrays.copyOf(json, bytes);
            for (int b = json.length; b < bytes; b++) {
                values[i][b] = ' ';
            }
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topic);
            CountDownLatch acked = new CountDownLatch(n);
            AtomicReference<Exception> failed = new AtomicReference<>();
            long start = System.nanoTime();
            String now = OffsetDateTime.now().toString();
            for (int i = 0; i < n; i++) {
                String key = String.format("1985031520100%05d", i % 100_000);
                RecordHeaders headers = new RecordHeaders();
                headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
                headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                headers.add("ce_type", "asn.employee.registered.v1".getBytes(StandardCharsets.UTF_8));
                headers.add("ce_source", "/employee-service".getBytes(StandardCharsets.UTF_8));
                headers.add("ce_subject", key.getBytes(StandardCharsets.UTF_8));
                headers.add("ce_time", now.getBytes(StandardCharsets.UTF_8));
                headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(topic, null, key, values[i % values.length], headers), (m, e) -> {
                    if (e != null) {
                        failed.compareAndSet(null, e);
                    }
                    acked.countDown();
                });
            }
            producer.flush();
            if (!acked.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("bare producer: not every record acknowledged");
            }
            if (failed.get() != null) {
                throw new IllegalStateException("bare producer: a send failed", failed.get());
            }
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    static void createTopics(String bootstrap, String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(java.util.Arrays.stream(topics).map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList()).all()
                    .get(60, TimeUnit.SECONDS);
        }
    }
}
