package id.asn.merit.platform.outbox;

import id.asn.merit.devinfra.TestInfra;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A poison row, one the producer refuses whatever happens (larger than a request may be), is retried with its back-off
 * and never deleted, and holds back only the newer events of its own key: every other key goes on, in the same batch
 * and after it, and the relay does not pause.
 */
@QuarkusTest
class RelayPoisonTest {
    @Inject
    Outbox outbox;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxConfig config;

    @Test
    void aRecordTheProducerRefusesWaitsAloneAndTheOtherKeysGoOn() throws Exception {
        String topic = "relay.poison." + UUID.randomUUID();
        // given a poison event of key P, the next event of P, and events of other keys around them, in one transaction
        // (so they are claimed in one batch)
        String blob = "x".repeat(config.maxRecordBytes() + 1);
        UUID[] p = new UUID[2];
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(topic, "K-0", "test.numbered.v1", Map.of("key", "K-0", "n", 1));
            p[0] = outbox.publish(topic, "P", "test.numbered.v1", Map.of("key", "P", "n", 1, "blob", blob));
            p[1] = outbox.publish(topic, "P", "test.numbered.v1", Map.of("key", "P", "n", 2));
            for (int i = 0; i < 40; i++) {
                outbox.publish(topic, "K-" + (i % 4), "test.numbered.v1", Map.of("key", "K-" + (i % 4), "n", 2 + i / 4));
            }
        });
        // when the relay has had its rounds, then every event of the other keys arrived, none of P
        try (TopicReader reader = new TopicReader(TestInfra.get().kafka().bootstrapServers(), topic)) {
            reader.readUntil(r -> r.size() >= 41, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> read = reader.readFor(Duration.ofSeconds(2));
            assertEquals(List.of(), read.stream().filter(r -> r.key().equals("P")).map(ConsumerRecord::value).toList(),
                    "nothing of P: its first event is refused and its second waits behind it");
            assertEquals(41, read.size(), "the 41 events of K-0..K-3");
        }
        // each of them at its first attempt: none was given back with the poison of its batch
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*), max(attempts) from outbox_event where topic = ? and event_key <> 'P' and sent_at is not null")) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(41, rs.getInt(1));
                assertEquals(1, rs.getInt(2), "sent at the first attempt");
            }
        }
        // and the poison is retried with back-off, its error kept, never deleted; P's next event waits behind it, untried
        awaitAttempts(p[0], 2);
        Row poison = row(p[0]);
        assertNull(poison.sentAt());
        assertTrue(poison.lastError().contains("RecordTooLargeException"), poison.lastError());
        Row next = row(p[1]);
        assertNull(next.sentAt());
        assertEquals(0, next.attempts(), "held back by the older event of its key, not failed itself");
        // and an event of another key written now goes out as usual: the relay did not pause
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(topic, "K-9", "test.numbered.v1", Map.of("key", "K-9", "n", 1)));
        try (TopicReader reader = new TopicReader(TestInfra.get().kafka().bootstrapServers(), topic)) {
            assertTrue(reader.readUntil(r -> r.stream().anyMatch(x -> x.key().equals("K-9")), Duration.ofSeconds(20)).stream()
                    .anyMatch(x -> x.key().equals("K-9")));
        }
    }

    record Row(Object sentAt, int attempts, String lastError) {
    }

    Row row(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select sent_at, attempts, last_error from outbox_event where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the row is kept");
                return new Row(rs.getObject(1), rs.getInt(2), rs.getString(3));
            }
        }
    }

    void awaitAttempts(UUID id, int attempts) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (row(id).attempts() < attempts && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(row(id).attempts() >= attempts, "retried: " + row(id));
    }
}
