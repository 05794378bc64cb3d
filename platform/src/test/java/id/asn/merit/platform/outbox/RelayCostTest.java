package id.asn.merit.platform.outbox;

import id.asn.merit.devinfra.TestInfra;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the relay costs per event: it claims through the partial index of unsent rows and marks a batch sent in one
 * statement by primary key, however many sent rows the table keeps; it claims 1 000 rows at a time; the producer
 * batches, lingers and compresses with a codec kafka-clients brings along.
 */
@QuarkusTest
class RelayCostTest {
    private static final Logger LOG = Logger.getLogger(RelayCostTest.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxConfig config;
    @Inject
    Outbox outbox;
    @Inject
    MeterRegistry registry;

    @Test
    void theClaimWalksTheIndexOfUnsentRowsAndTheMarkIsOneStatementByKey() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // given a table that keeps 50 000 sent rows (they are never deleted) and a few unsent ones
            s.executeUpdate("""
                    insert into outbox_event (id, topic, event_key, type, source, occurred_at, payload, sent_at)
                    select gen_random_uuid(), 'relay.cost.sent', 'K-' || (i % 100), 'test.v1', '/test', now(), '{}', now()
                    from generate_series(1, 50000) i""");
            s.execute("analyze outbox_event");
            // when the claim and the mark are planned
            String claimPlan = plan(c, "explain " + OutboxRelayInstance.NEXT, ps -> {
                ps.setLong(1, 0L);
                ps.setInt(2, config.batchSize());
            });
            String markPlan = plan(c, "explain " + OutboxRelayInstance.MARK_SENT, ps -> {
                Array seqs = c.createArrayOf("bigint", new Object[] {1L, 2L, 3L});
                ps.setArray(1, seqs);
            });
            // then the claim reads only the partial indexes of unsent rows (which one first depends on the backlog's
            // size), never the sent rows
            assertTrue(claimPlan.contains("using outbox_event_unsent_"), claimPlan);
            assertTrue(!claimPlan.contains("Seq Scan on outbox_event"), claimPlan);
            assertTrue(!claimPlan.contains("outbox_event_pkey on outbox_event outbox_event"), claimPlan);
            // and the mark is one statement that finds its rows by index (primary key or the unsent index), not by a scan
            assertTrue(markPlan.contains("Index Scan using outbox_event_"), markPlan);
            assertTrue(!markPlan.contains("Seq Scan"), markPlan);
        }
    }

    /**
     * A backlog committed into a table last analyzed when it was (nearly) empty, as after a first import: the read and
     * the question of which keys are held back stay single passes (before, the read's per-key anti-join was planned
     * as a nested loop over the whole backlog for every row, and the relay stalled for minutes until autovacuum
     * analyzed the table).
     */
    @Test
    void aBacklogOnStaleStatisticsIsReadInOnePass() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("create temporary table stale_probe (like outbox_event including all) on commit drop");
            s.execute("analyze stale_probe");
            s.executeUpdate("""
                    insert into stale_probe (id, topic, event_key, type, source, occurred_at, payload)
                    select gen_random_uuid(), 'relay.cost.backlog', 'K-' || i, 'test.v1', '/test', now(), '{}'
                    from generate_series(1, 20000) i""");
            for (String sql : new String[] {OutboxRelayInstance.NEXT, OutboxRelayInstance.HELD}) {
                String plan = plan(c, "explain " + sql.replace("outbox_event", "stale_probe"), ps -> {
                    if (sql.contains("?")) {
                        ps.setLong(1, 0L);
                        ps.setInt(2, config.batchSize());
                    }
                });
                assertTrue(!plan.contains("Nested Loop") && !plan.contains("Join"), plan);
            }
            c.rollback();
        }
    }

    @Test
    void theRelayClaimsAThousandAtATimeAndTheProducerIsTunedForThroughput() throws Exception {
        assertTrue(config.batchSize() >= 1_000, "batch size " + config.batchSize());
        Map<String, Object> producer = OutboxRelayInstance.producerConfig(config, "localhost:1", "probe");
        assertEquals("lz4", producer.get(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        assertTrue((Integer) producer.get(ProducerConfig.LINGER_MS_CONFIG) > 0);
        assertTrue((Integer) producer.get(ProducerConfig.BATCH_SIZE_CONFIG) >= 64 * 1024);
        assertEquals("all", producer.get(ProducerConfig.ACKS_CONFIG));
        assertEquals(true, producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        // the codecs come with kafka-clients (lz4-java runs in pure Java where it has no native library)
        Class.forName("net.jpountz.lz4.LZ4Factory");
        Class.forName("com.github.luben.zstd.Zstd");
        Class.forName("org.xerial.snappy.Snappy");
    }

    @Test
    void twentyThousandEventsAreRelayedAndTheRateIsLogged() throws Exception {
        String topic = "relay.throughput." + UUID.randomUUID();
        int events = 20_000;
        double publishedBefore = registry.find("asn.outbox.published").counter().count();
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int from = 0; from < events; from += 5_000) {
                List<Outbox.Pending> chunk = new ArrayList<>();
                for (int i = from; i < from + 5_000; i++) {
                    chunk.add(new Outbox.Pending(topic, "K-" + (i % 500), "test.numbered.v1",
                            Map.of("n", i, "text", "an event of about the size the services publish, with some text in it")));
                }
                outbox.publishAll(c, chunk);
                c.commit();
            }
        }
        long written = System.nanoTime();
        long deadline = written + Duration.ofSeconds(60).toNanos();
        while (unsent(topic) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long relayed = System.nanoTime();
        assertEquals(0, unsent(topic), "all relayed within 60 s");
        double seconds = (relayed - written) / 1e9;
        LOG.infof("outbox relay: %d events in %.2f s after the write (%.0f events/s); writing took %.2f s", events, seconds,
                events / seconds, (written - started) / 1e9);
        assertTrue(registry.find("asn.outbox.published").counter().count() - publishedBefore >= events);
        try (TopicReader reader = new TopicReader(TestInfra.get().kafka().bootstrapServers(), topic)) {
            assertEquals(events, reader.readUntil(r -> r.size() >= events, Duration.ofSeconds(30)).size());
        }
    }

    long unsent(String topic) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from outbox_event where topic = ? and sent_at is null")) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    interface Binder {
        void bind(PreparedStatement ps) throws Exception;
    }

    static String plan(Connection c, String sql, Binder binder) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
