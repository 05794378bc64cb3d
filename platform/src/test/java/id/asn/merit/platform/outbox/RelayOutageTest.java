package id.asn.merit.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.devinfra.KafkaBroker;
import id.asn.merit.platform.outbox.Outbox.Pending;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker is down for longer than the transaction timeout while 1 000 events are written: once it is back every
 * event arrives exactly once, in order per key, and the backlog metric rose and fell back to 0.
 */
@QuarkusTest
@TestProfile(OwnBrokerProfile.class)
class RelayOutageTest {
    static final int EVENTS = 1_000;
    static final int KEYS = 7;

    @Inject
    Outbox outbox;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "quarkus.transaction-manager.default-transaction-timeout")
    Duration transactionTimeout;

    @AfterEach
    void brokerRunsAgain() {
        OwnBroker.get();
    }

    @Test
    void aThousandEventsWrittenDuringAnOutageArriveOnceEachInOrderPerKey() throws Exception {
        KafkaBroker broker = OwnBroker.get();
        String topic = "relay.outage." + UUID.randomUUID();
        // the producer knows the topic before the outage, so it buffers what it is given instead of failing at once
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(topic, "warm-up", "test.numbered.v1", Map.of("key", "warm-up", "n", 0)));
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            assertEquals(1, reader.readUntil(r -> !r.isEmpty(), Duration.ofSeconds(30)).size());
        }
        awaitTrue(() -> backlog() == 0, Duration.ofSeconds(10), "the warm-up event is marked sent");

        // given the broker is down
        broker.stop();
        long downSince = System.nanoTime();
        // when 1 000 events over several keys are written, in several transactions, some one by one, most in bulk
        Map<String, Integer> nextPerKey = new HashMap<>();
        List<Pending> all = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String key = "K-" + (i % KEYS);
            int n = nextPerKey.merge(key, 1, Integer::sum);
            all.add(new Pending(topic, key, "test.numbered.v1", Map.of("key", key, "n", n)));
        }
        for (int i = 0; i < 10; i++) {
            Pending e = all.get(i);
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(e.topic(), e.key(), e.type(), e.data()));
        }
        for (int from = 10; from < EVENTS; from += 330) {
            List<Pending> chunk = all.subList(from, Math.min(EVENTS, from + 330));
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                outbox.publishAll(c, chunk);
                c.commit();
            }
        }
        // and the relay tries and fails while the broker stays down for longer than the transaction timeout
        awaitTrue(() -> backlog() >= EVENTS, Duration.ofSeconds(20), "the backlog metric counts the unsent events");
        awaitTrue(() -> failedRows() > 0, Duration.ofSeconds(30), "a failed attempt is recorded on the rows");
        long waitMore = transactionTimeout.toNanos() + 1_000_000_000L - (System.nanoTime() - downSince);
        if (waitMore > 0) {
            Thread.sleep(waitMore / 1_000_000);
        }
        broker.start();

        // then every event arrives exactly once and in order per key
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            reader.readUntil(r -> r.size() >= EVENTS + 1, Duration.ofSeconds(60));
            awaitTrue(() -> backlog() == 0, Duration.ofSeconds(30), "the backlog metric is back to 0");
            List<ConsumerRecord<String, String>> read = reader.readFor(Duration.ofSeconds(1));
            Set<String> ids = new HashSet<>();
            Map<String, List<Integer>> perKey = new HashMap<>();
            for (ConsumerRecord<String, String> r : read) {
                JsonNode data = json.readTree(r.value());
                if (data.path("key").asText().equals("warm-up")) {
                    continue;
                }
                assertTrue(ids.add(CloudEventHeaders.get(r.headers(), CloudEventHeaders.ID)), "delivered twice: " + r.value());
                perKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(data.path("n").asInt());
            }
            assertEquals(EVENTS, ids.size(), "every event is delivered");
            for (Map.Entry<String, List<Integer>> e : perKey.entrySet()) {
                List<Integer> expected = java.util.stream.IntStream.rangeClosed(1, nextPerKey.get(e.getKey())).boxed().toList();
                assertEquals(expected, e.getValue(), "order of key " + e.getKey());
            }
        }
        assertEquals(0, unsentRows(), "every row is marked sent");
    }

    static final java.util.concurrent.atomic.AtomicReference<String> BACKLOG_NOW = new java.util.concurrent.atomic.AtomicReference<>();

    double backlog() {
        Gauge gauge = registry.find("asn.outbox.backlog").gauge();
        double v = gauge == null ? -1 : gauge.value();
        BACKLOG_NOW.set(v + " " + gauge + " in " + registry.getClass().getName());
        return v;
    }

    long failedRows() {
        return count("select count(*) from outbox_event where sent_at is null and attempts > 0 and last_error is not null");
    }

    long unsentRows() {
        return count("select count(*) from outbox_event where sent_at is null");
    }

    long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    static void awaitTrue(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Thread.getAllStackTraces().forEach((t, stack) -> {
                    if (t.getName().startsWith("executor-thread") || t.getName().contains("scheduler")) {
                        StringBuilder b = new StringBuilder(t.getName()).append('\n');
                        for (StackTraceElement e : stack) {
                            b.append("    at ").append(e).append('\n');
                        }
                        System.err.println("THREAD " + b);
                    }
                });
                throw new AssertionError("not within " + within + ": " + what + " (backlog gauge " + BACKLOG_NOW.get() + ")");
            }
            Thread.sleep(100);
        }
    }
}
