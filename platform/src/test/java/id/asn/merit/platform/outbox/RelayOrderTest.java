package id.asn.merit.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.devinfra.KafkaBroker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-key order is a guarantee of the relay: an event that failed holds back the newer events of its key until it
 * is sent itself, however long its back-off.
 */
@QuarkusTest
@TestProfile(OwnBrokerProfile.class)
class RelayOrderTest {
    @Inject
    Outbox outbox;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    OutboxConfig config;
    @Inject
    OutboxRelay relay;

    @AfterEach
    void brokerRunsAgain() {
        OwnBroker.get();
    }

    @Test
    void anEventThatFailedHoldsBackTheNewerEventsOfItsKey() throws Exception {
        KafkaBroker broker = OwnBroker.get();
        String topic = "relay.order." + UUID.randomUUID();
        String key = "K-1";

        // given an event the relay failed to send (the broker is down) and that now waits for its back-off
        broker.stop();
        UUID first = write(topic, key, 1);
        awaitFailureRecorded(first);
        broker.start();

        // when two more events of the same key are written after the broker is back
        write(topic, key, 2);
        write(topic, key, 3);

        // then a consumer sees all three in the order they were committed
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            List<ConsumerRecord<String, String>> read = reader.readUntil(r -> r.size() >= 3, Duration.ofSeconds(40));
            assertEquals(List.of(1, 2, 3), numbers(read));
        }
    }

    @Test
    void aSecondRelayStandsByThenTakesOverAndTheOrderOfEveryKeyHolds() throws Exception {
        KafkaBroker broker = OwnBroker.get();
        String topic = "relay.two." + UUID.randomUUID();
        // a second relay instance, as another replica of the service would run it: its own producer and instance id
        OutboxRelayInstance second = new OutboxRelayInstance(dataSource, config,
                () -> OutboxRelayInstance.newProducer(config, broker.bootstrapServers(), "second-relay"), "second-relay");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger secondSent = new AtomicInteger();
        Thread secondLoop = new Thread(() -> {
            while (running.get()) {
                try {
                    OutboxRelayInstance.Round round = second.relayBatch();
                    secondSent.addAndGet(round.acknowledged());
                    Thread.sleep(round.failed() ? 1_000 : round.claimed() == 0 ? 20 : 0);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // keep relaying, as the scheduled relay does
                }
            }
        }, "second-relay");
        secondLoop.start();
        try {
            // given one event of key K-0 that failed and waits for its back-off
            broker.stop();
            UUID first = write(topic, "K-0", 1);
            awaitFailureRecorded(first);
            broker.start();
            assertEquals(0, secondSent.get(), "the second relay stood by while the service's relay led");
            // when the service's relay steps down (as in a rolling restart) and many more events of several keys (K-0
            // among them) are written meanwhile
            relay.standBy(Duration.ofSeconds(90));
            Map<String, Integer> last = new java.util.HashMap<>(Map.of("K-0", 1));
            for (int i = 0; i < 400; i++) {
                String key = "K-" + (i % 4);
                write(topic, key, last.merge(key, 1, Integer::sum));
            }
            // then each key arrives complete and in commit order
            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
                List<ConsumerRecord<String, String>> read = reader.readUntil(r -> r.size() >= 401, Duration.ofSeconds(60));
                Map<String, List<Integer>> perKey = new java.util.TreeMap<>();
                for (ConsumerRecord<String, String> r : read) {
                    perKey.computeIfAbsent(r.key(), k -> new java.util.ArrayList<>()).addAll(numbers(List.of(r)));
                }
                for (Map.Entry<String, Integer> e : last.entrySet()) {
                    assertEquals(java.util.stream.IntStream.rangeClosed(1, e.getValue()).boxed().toList(), perKey.get(e.getKey()),
                            "order of " + e.getKey());
                }
            }
            assertTrue(secondSent.get() > 0, "the second relay took over");
        } finally {
            running.set(false);
            secondLoop.interrupt();
            secondLoop.join(20_000);
            second.close();
            relay.standBy(Duration.ZERO);
        }
    }

    @Test
    void seqFollowsCommitOrderForOneKey() throws Exception {
        String topic = "relay.commit-order." + UUID.randomUUID();
        List<String> commits = new java.util.concurrent.CopyOnWriteArrayList<>();
        // given a bulk transaction that wrote an event of key K and has not committed yet
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            outbox.publishAll(c, List.of(new Outbox.Pending(topic, "K", "test.numbered.v1", Map.of("key", "K", "n", 1))));
            // when another transaction writes an event of the same key and commits
            Thread other = new Thread(() -> {
                write(topic, "K", 2);
                commits.add("second");
            });
            other.start();
            other.join(1_000);
            c.commit();
            commits.add("first");
            other.join(10_000);
        }
        // then the seqs of the key are in commit order
        List<Integer> bySeq = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select payload from outbox_event where topic = ? order by seq")) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bySeq.add(json.readTree(rs.getString(1)).path("n").asInt());
                }
            }
        }
        List<Integer> byCommit = commits.stream().map(w -> w.equals("first") ? 1 : 2).toList();
        assertEquals(byCommit, bySeq, "commit order " + commits);
    }

    @Test
    void thePayloadReachesKafkaByteForByteWhateverItsCharacters() throws Exception {
        KafkaBroker broker = OwnBroker.get();
        String topic = "relay.bytes." + UUID.randomUUID();
        String name = "Kepala Dinas — Pendidikan, Kab. Manokwari Selatan: café ∑ 😀 \"kutip\" \\ garis";
        UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.publish(topic, "K", "test.named.v1", Map.of("name", name)));
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            List<ConsumerRecord<String, String>> read = reader.readUntil(r -> !r.isEmpty(), Duration.ofSeconds(40));
            assertEquals(1, read.size());
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("select payload from outbox_event where id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(rs.getString(1), read.get(0).value());
                }
            }
            assertEquals(name, json.readTree(read.get(0).value()).path("name").asText());
        }
    }

    UUID write(String topic, String key, int n) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.publish(topic, key, "test.numbered.v1", Map.of("key", key, "n", n)));
    }

    List<Integer> numbers(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> {
            try {
                return json.readTree(r.value()).path("n").asInt();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    void awaitFailureRecorded(UUID id) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("select attempts, last_error from outbox_event where id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getInt(1) > 0 && rs.getString(2) != null) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the relay never recorded the failed send of " + id);
    }
}
