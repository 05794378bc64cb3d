package id.asn.merit.platform.consumer;

import id.asn.merit.devinfra.TestInfra;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * platform's consumer base on the real broker and database: a record it cannot process lands on
 * {@code <topic>.dlq.<consumer>} with the error and its original headers and the next record is still applied; a
 * redelivery (same ce_id) changes nothing; an older version than the one applied is skipped.
 */
@QuarkusTest
class IdempotentConsumerTest {
    @Inject
    ThingConsumer consumer;
    @Inject
    AgroalDataSource dataSource;

    String topic;

    @BeforeEach
    void freshTopic() throws SQLException {
        topic = "things." + UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists test_thing (thing_key varchar(100) primary key, name text not null, version bigint not null)");
        }
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsStillApplied() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        send("T-1", poisonId, "{not json");
        send("T-2", null, "{\"name\":\"no ce_id\",\"version\":1}");
        send("T-3", UUID.randomUUID().toString(), "{\"name\":\"after the poison\",\"version\":1}");

        // three keys may sit on three partitions, so the results are compared by key, not by arrival
        Map<String, Boolean> results = new java.util.HashMap<>();
        consumeRecords(3).forEach(e -> results.put(e.getKey(), e.getValue()));

        assertEquals(Map.of("T-1", false, "T-2", false, "T-3", true), results);
        assertEquals("after the poison", thing("T-3"));
        assertNull(thing("T-1"));
        assertEquals(0, count("select count(*) from processed_event where event_id = ?", poisonId),
                "the processed-event row of a dead letter is rolled back with its effect");
        List<ConsumerRecord<String, String>> dead = read(consumer.deadLetterTopic(topic), 2);
        assertEquals(topic + ".dlq.platform-test", consumer.deadLetterTopic(topic));
        assertEquals(2, dead.size());
        ConsumerRecord<String, String> poison = dead.stream().filter(r -> "T-1".equals(r.key())).findFirst().orElseThrow();
        ConsumerRecord<String, String> noId = dead.stream().filter(r -> "T-2".equals(r.key())).findFirst().orElseThrow();
        assertEquals("T-1", poison.key());
        assertEquals("{not json", poison.value());
        assertEquals(poisonId, header(poison, "ce_id"), "the original headers are kept");
        assertEquals("test.thing.v1", header(poison, "ce_type"));
        assertNotNull(header(poison, DeadLetterQueue.REASON));
        assertTrue(header(poison, DeadLetterQueue.EXCEPTION).contains("Json"), header(poison, DeadLetterQueue.EXCEPTION));
        assertEquals(topic, header(poison, DeadLetterQueue.TOPIC));
        assertEquals("platform-test", header(poison, DeadLetterQueue.CONSUMER));
        assertTrue(header(noId, DeadLetterQueue.REASON).contains("ce_id"), header(noId, DeadLetterQueue.REASON));
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        send("T-4", id, "{\"name\":\"first\",\"version\":1}");
        send("T-4", id, "{\"name\":\"changed by the redelivery\",\"version\":2}");

        assertEquals(List.of(true, true), consume(2));

        assertEquals("first", thing("T-4"));
        assertEquals(1, count("select count(*) from processed_event where event_id = ?", id));
    }

    @Test
    void anOlderVersionThanTheAppliedOneIsSkipped() throws Exception {
        String older = UUID.randomUUID().toString();
        send("T-5", UUID.randomUUID().toString(), "{\"name\":\"version 3\",\"version\":3}");
        send("T-5", older, "{\"name\":\"version 2, re-sent late\",\"version\":2}");
        send("T-5", UUID.randomUUID().toString(), "{\"name\":\"version 3 again\",\"version\":3}");

        assertEquals(List.of(true, true, true), consume(3));

        assertEquals("version 3 again", thing("T-5"), "the same version applies again, an older one does not");
        assertEquals(1, count("select count(*) from processed_event where event_id = ?", older),
                "the skipped event counts as processed");
    }

    void send(String key, String ceId, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        if (ceId != null) {
            headers.add("ce_id", ceId.getBytes(StandardCharsets.UTF_8));
        }
        headers.add("ce_type", "test.thing.v1".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A consumer loop as a service without SmallRye would run it: poll, handle each record, commit. */
    List<Boolean> consume(int expected) {
        return consumeRecords(expected).stream().map(Map.Entry::getValue).toList();
    }

    /** What {@code handle} answered for each record, with the record's key, in the order they were handled. */
    List<Map.Entry<String, Boolean>> consumeRecords(int expected) {
        List<Map.Entry<String, Boolean>> results = new ArrayList<>();
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "platform-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            kafka.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (results.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : kafka.poll(Duration.ofMillis(200))) {
                    results.add(Map.entry(r.key(), consumer.handle(r)));
                }
                kafka.commitSync();
            }
        }
        return results;
    }

    static List<ConsumerRecord<String, String>> read(String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            kafka.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                kafka.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort(java.util.Comparator.comparing(ConsumerRecord::key));
        return records;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    String thing(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select name from test_thing where thing_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    long count(String sql, String param) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
