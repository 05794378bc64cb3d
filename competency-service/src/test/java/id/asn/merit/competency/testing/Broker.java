package id.asn.merit.competency.testing;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The real dev-infra broker as employee-service would use it: records in CloudEvents binary mode (SYSTEM.md §5),
 * a reader for dead-letter topics, and a poll for the consumer's effect to show in the database.
 */
public final class Broker {
    private Broker() {
    }

    /** Sends one CloudEvent (headers ce_specversion, ce_id, ce_type, ce_source, ce_subject, content-type), acknowledged. */
    public static void send(String topic, String key, String type, String eventId, String value) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", eventId);
        header(headers, "ce_type", type);
        header(headers, "ce_source", "/employee-service");
        header(headers, "ce_subject", key);
        header(headers, "content-type", "application/json");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Sends with a fresh ce_id and returns it. */
    public static String send(String topic, String key, String type, String value) {
        String id = UUID.randomUUID().toString();
        send(topic, key, type, id, value);
        return id;
    }

    /** The first record of topic (read from the beginning) with this ce_id, or null after 30 s. */
    public static ConsumerRecord<String, String> find(String topic, String eventId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (eventId.equals(header(r, "ce_id"))) {
                        return r;
                    }
                }
            }
            return null;
        }
    }

    /** How many processed_event rows the event has: 1 once a consumer handled it (applied or skipped), else 0. */
    public static long processed(EntityManager em, String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = :id").setParameter("id", eventId).getSingleResult()).longValue());
    }

    /** The value of a header as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Reads (each time in a new transaction) until done holds or 30 s passed; returns the last value read. */
    public static <T> T await(Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T value = QuarkusTransaction.requiringNew().call(read::get);
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = QuarkusTransaction.requiringNew().call(read::get);
        }
        return value;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
