package id.asn.merit.training.messaging;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.training.domain.EmployeeReplica;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The employee replica consumer against the real broker and database. */
@QuarkusTest
class EmployeeReplicaConsumerTest {
    @Inject
    EntityManager em;

    static String data(String nip, String name, long version) {
        return """
                {"nip":"%s","name":"%s","gender":"F","birthDate":"1990-02-14","employmentType":"PNS","rank":"III/a",
                 "positionCode":"PMPTSP-ANALIS","positionType":"PELAKSANA","orgUnitCode":"PMPTSP-PERIZINAN",
                 "orgUnitPath":["KOTA-SORONG","PMPTSP","PMPTSP-PERIZINAN"],"status":"ACTIVE","version":%d}""".formatted(nip, name, version);
    }

    static void send(String key, String type, String eventId, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/employee-service".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", key.getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("asn.employee.v1", null, key, value, headers)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    <T> T await(Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T value = null;
        while (System.nanoTime() < deadline) {
            value = QuarkusTransaction.requiringNew().call(read::get);
            if (done.test(value)) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return value;
    }

    long processedCount(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = :id").setParameter("id", eventId).getSingleResult()).longValue());
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        String nip = "199002142015032007";
        String id = UUID.randomUUID().toString();
        send(nip, "asn.employee.registered.v1", id, data(nip, "Fransina Wanma", 0));
        // a redelivery of the same event (same ce_id) with a different body must change nothing
        send(nip, "asn.employee.registered.v1", id, data(nip, "Changed By Redelivery", 0));
        // a later event on the same key proves the redelivery was consumed before we look
        String marker = UUID.randomUUID().toString();
        send(nip, "asn.employee.updated.v1", marker, data(nip, "Fransina Wanma", 0));
        await(() -> processedCount(marker), n -> n == 1);

        EmployeeReplica replica = QuarkusTransaction.requiringNew().call(() -> EmployeeReplica.<EmployeeReplica>findById(nip));
        assertNotNull(replica);
        assertEquals("Fransina Wanma", replica.name);
        assertEquals("KOTA-SORONG/PMPTSP/PMPTSP-PERIZINAN", replica.orgUnitPath);
        assertEquals("PELAKSANA", replica.positionType);
        assertEquals(1, processedCount(id));
    }

    @Test
    void anEventBeforeRegistrationAndAnOlderVersionAreTolerated() {
        String nip = "198503152010011001";
        send(nip, "asn.employee.updated.v1", UUID.randomUUID().toString(), data(nip, "Yohanes Kambu, S.Sos", 2));
        String older = UUID.randomUUID().toString();
        send(nip, "asn.employee.registered.v1", older, data(nip, "Yohanes Kambu", 0));
        await(() -> processedCount(older), n -> n == 1);
        EmployeeReplica replica = QuarkusTransaction.requiringNew().call(() -> EmployeeReplica.<EmployeeReplica>findById(nip));
        assertEquals("Yohanes Kambu, S.Sos", replica.name);
        assertEquals(2, replica.sourceVersion);
    }

    @Test
    void aPoisonMessageGoesToTheDlqAndConsumptionGoesOn() {
        String poisonKey = "000000000000000000";
        String poisonId = UUID.randomUUID().toString();
        send(poisonKey, "asn.employee.registered.v1", poisonId, "{not json");
        String nip = "197001012000031002";
        send(nip, "asn.employee.registered.v1", UUID.randomUUID().toString(), data(nip, "Petrus After Poison", 0));
        EmployeeReplica replica = await(() -> EmployeeReplica.<EmployeeReplica>findById(nip), r -> r != null);
        assertNotNull(replica, "the event after the poison one is consumed");

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("asn.employee.v1.dlq.training-service"));
            ConsumerRecord<String, String> dead = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (dead == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (poisonKey.equals(r.key())) {
                        dead = r;
                    }
                }
            }
            assertNotNull(dead, "the poison message is on the DLQ");
            assertEquals("{not json", dead.value());
            var reason = dead.headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "the DLQ record carries the error");
            assertTrue(new String(reason.value(), StandardCharsets.UTF_8).length() > 0);
            assertEquals(poisonId, new String(dead.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8),
                    "the original headers are kept");
        }
    }
}
