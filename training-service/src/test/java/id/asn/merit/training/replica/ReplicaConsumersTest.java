package id.asn.merit.training.replica;

import id.asn.merit.devinfra.TestInfra;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The asn.org.v1 and asn.competency.v1 consumers against the real broker and database. */
@QuarkusTest
class ReplicaConsumersTest {
    static final String ORG = "asn.org.v1";
    static final String COMPETENCY = "asn.competency.v1";

    @Inject
    EntityManager em;

    static void send(String topic, String key, String type, String eventId, OffsetDateTime time, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", key.getBytes(StandardCharsets.UTF_8));
        if (time != null) {
            headers.add("ce_time", time.toString().getBytes(StandardCharsets.UTF_8));
        }
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String send(String topic, String key, String type, String value) {
        String id = UUID.randomUUID().toString();
        send(topic, key, type, id, OffsetDateTime.now(), value);
        return id;
    }

    <T> T await(Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T value = QuarkusTransaction.requiringNew().call(read::get);
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            value = QuarkusTransaction.requiringNew().call(read::get);
        }
        return value;
    }

    long processed(String eventId) {
        return await(() -> ((Number) em.createNativeQuery("select count(*) from processed_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue(), n -> n > 0);
    }

    @SuppressWarnings("unchecked")
    List<Object[]> rows(String sql, Object... args) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.setParameter(i + 1, args[i]);
            }
            return (List<Object[]>) q.getResultList();
        });
    }

    static String unit(String code, String parent, String path, String status, long version) {
        return """
                {"code":"%s","name":"Unit %s","parentCode":%s,"path":%s,"level":"BIDANG","depth":3,"status":"%s","version":%d}"""
                .formatted(code, code, parent == null ? "null" : "\"" + parent + "\"", path, status, version);
    }

    static String position(String code, String unit, String type, String leadership, String title, long version) {
        return """
                {"code":"%s","title":"%s","orgUnitCode":"%s","type":"%s","functionalLevel":null,"grade":11,"minRank":"III/d",
                 "minEducationLevel":"S1","requiredLeadershipTraining":%s,"status":"ACTIVE","version":%d}"""
                .formatted(code, title, unit, type, leadership == null ? "null" : "\"" + leadership + "\"", version);
    }

    @Test
    void orgEventsFillTheUnitAndPositionReplicasInVersionOrder() {
        send(ORG, "RPL-ROOT", "asn.org.unit-changed.v1", unit("RPL-ROOT", null, "[\"RPL-ROOT\"]", "ACTIVE", 0));
        send(ORG, "RPL-BID", "asn.org.unit-changed.v1", unit("RPL-BID", "RPL-ROOT", "[\"RPL-ROOT\",\"RPL-BID\"]", "ACTIVE", 1));
        // a path given as a string is stored the same way
        String seksi = send(ORG, "RPL-SEK", "asn.org.unit-changed.v1", unit("RPL-SEK", "RPL-BID", "\"RPL-ROOT/RPL-BID/RPL-SEK\"", "ACTIVE", 0));
        processed(seksi);
        List<Object[]> units = rows("select code, parent_code, path, level, status from org_unit_replica where code in ('RPL-ROOT', 'RPL-BID', 'RPL-SEK') order by code");
        assertEquals(3, units.size());
        assertEquals("RPL-ROOT/RPL-BID", units.get(0)[2]);
        assertEquals("RPL-ROOT", units.get(0)[1]);
        assertEquals("BIDANG", units.get(0)[3]);
        assertEquals("RPL-ROOT", units.get(1)[2]);
        assertEquals("RPL-ROOT/RPL-BID/RPL-SEK", units.get(2)[2]);

        send(ORG, "RPL-KABID", "asn.org.position-changed.v1", position("RPL-KABID", "RPL-BID", "ADMINISTRATOR", null, "Kepala Bidang", 2));
        // an older version of the same position arrives late: not applied
        String older = send(ORG, "RPL-KABID", "asn.org.position-changed.v1",
                position("RPL-KABID", "RPL-BID", "PENGAWAS", "PKP", "Kepala Bidang (old)", 1));
        processed(older);
        List<Object[]> pos = rows("""
                select title, org_unit_code, type, grade, min_rank, min_education_level, required_leadership_training, status
                from position_replica where code = 'RPL-KABID'""");
        assertEquals("Kepala Bidang", pos.get(0)[0]);
        assertEquals("ADMINISTRATOR", pos.get(0)[2]);
        assertEquals(11, ((Number) pos.get(0)[3]).intValue());
        assertEquals("III/d", pos.get(0)[4]);
        assertEquals("S1", pos.get(0)[5]);
        assertNull(pos.get(0)[6]);

        String newer = send(ORG, "RPL-KABID", "asn.org.position-changed.v1",
                position("RPL-KABID", "RPL-BID", "ADMINISTRATOR", "PKN_II", "Kepala Bidang Perizinan", 3));
        processed(newer);
        pos = rows("select title, required_leadership_training from position_replica where code = 'RPL-KABID'");
        assertEquals("Kepala Bidang Perizinan", pos.get(0)[0]);
        assertEquals("PKN_II", pos.get(0)[1]);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String id = UUID.randomUUID().toString();
        send(ORG, "RPL-REDO", "asn.org.unit-changed.v1", id, OffsetDateTime.now(), unit("RPL-REDO", null, "[\"RPL-REDO\"]", "ACTIVE", 0));
        // the same ce_id again with another body (and a higher version) must change nothing
        send(ORG, "RPL-REDO", "asn.org.unit-changed.v1", id, OffsetDateTime.now(), unit("RPL-REDO", null, "[\"RPL-REDO\"]", "CLOSED", 5));
        String marker = send(ORG, "RPL-REDO", "asn.org.position-changed.v1",
                "{\"code\":\"RPL-REDO\",\"type\":\"PENGAWAS\",\"status\":\"ACTIVE\",\"version\":0}");
        processed(marker);
        assertEquals("ACTIVE", rows("select status, code from org_unit_replica where code = 'RPL-REDO'").get(0)[0]);
        assertEquals(1L, processed(id));
    }

    @Test
    void aMalformedEventGoesToTheDlqAndTheNextOneIsApplied() {
        String poison = send(ORG, "RPL-POISON", "asn.org.position-changed.v1",
                "{\"code\":\"RPL-POISON\",\"type\":\"KEPALA\",\"status\":\"ACTIVE\",\"version\":0}");
        String next = send(ORG, "RPL-AFTER", "asn.org.unit-changed.v1", unit("RPL-AFTER", null, "[\"RPL-AFTER\"]", "ACTIVE", 0));
        processed(next);
        assertEquals(1, rows("select code, path from org_unit_replica where code = 'RPL-AFTER'").size());
        assertEquals(0, rows("select code, type from position_replica where code = 'RPL-POISON'").size());
        ConsumerRecord<String, String> dead = dlq(ORG + ".dlq.training-service", poison);
        assertNotNull(dead, "the malformed event is on the DLQ");
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("type"), reason);

        String badGap = send(COMPETENCY, "199001012015031001", "asn.competency.gap-changed.v1", "{\"nip\":\"199001012015031001\",\"items\":7}");
        assertNotNull(dlq(COMPETENCY + ".dlq.training-service", badGap), "a malformed gap event is on the DLQ");
    }

    static String gap(String nip, String position, String items) {
        return """
                {"nip":"%s","positionCode":"%s","oldJpm":null,"oldCategory":null,"jpm":72.5,"category":"KURANG_OPTIMAL","coverage":1.0,
                 "items":[%s],"standardVersion":1,"standardSource":"OWN","policyVersion":1,"computedOn":"2026-03-02","cause":"ASSESSMENT"}"""
                .formatted(nip, position, items);
    }

    static String item(String code, int required, String actual, String gap, String ratio, boolean notAssessed) {
        return """
                {"competencyCode":"%s","required":%d,"actual":%s,"gap":%s,"ratio":%s,"importance":"MUTLAK","notAssessed":%s}"""
                .formatted(code, required, actual, gap, ratio, notAssessed);
    }

    @Test
    void gapChangedReplacesThePersonsRowsAndAnOlderOneIsIgnored() {
        String nip = "198801012012032001";
        OffsetDateTime t0 = OffsetDateTime.now();
        send(COMPETENCY, nip, "asn.competency.gap-changed.v1", UUID.randomUUID().toString(), t0,
                gap(nip, "RPL-KASI", item("M.1", 3, "2.0", "-1.0", "0.6667", false) + "," + item("M.4", 3, "3.5", "0.5", "1.1667", false)));
        String second = UUID.randomUUID().toString();
        send(COMPETENCY, nip, "asn.competency.gap-changed.v1", second, t0.plusSeconds(5),
                gap(nip, "RPL-KASI", item("M.8", 4, "null", "null", "0", true)));
        processed(second);
        List<Object[]> rows = rows("""
                select competency_code, required_level, actual_level, gap, ratio, importance, not_assessed, jpm, category, computed_on, position_code
                from competency_gap_replica where nip = ?1 order by competency_code""", nip);
        assertEquals(1, rows.size(), "the second event replaced the first one's rows");
        assertEquals("M.8", rows.get(0)[0]);
        assertEquals(4, ((Number) rows.get(0)[1]).intValue());
        assertNull(rows.get(0)[2]);
        assertEquals(true, rows.get(0)[6]);
        assertEquals(0, new java.math.BigDecimal("72.5").compareTo((java.math.BigDecimal) rows.get(0)[7]));
        assertEquals("KURANG_OPTIMAL", rows.get(0)[8]);
        assertEquals("RPL-KASI", rows.get(0)[10]);

        // an event with an older ce_time, arriving late, is not applied
        String late = UUID.randomUUID().toString();
        send(COMPETENCY, nip, "asn.competency.gap-changed.v1", late, t0.plusSeconds(2),
                gap(nip, "RPL-KASI", item("M.2", 2, "1.0", "-1.0", "0.5", false)));
        processed(late);
        assertEquals(List.of("M.8"), rows("select competency_code, nip from competency_gap_replica where nip = ?1", nip).stream()
                .map(r -> r[0]).toList());

        // no items: the person no longer has a gap
        String empty = UUID.randomUUID().toString();
        send(COMPETENCY, nip, "asn.competency.gap-changed.v1", empty, t0.plusSeconds(10),
                "{\"nip\":\"" + nip + "\",\"positionCode\":null,\"jpm\":null,\"category\":null,\"items\":[],\"policyVersion\":0,\"cause\":\"PLACEMENT\"}");
        processed(empty);
        assertEquals(0, rows("select competency_code, nip from competency_gap_replica where nip = ?1", nip).size());
    }

    @Test
    void competencyChangesAndStandardsFeedTheKnownCompetencies() {
        send(COMPETENCY, "RPL-POS", "asn.competency.standard-published.v1", """
                {"positionCode":"RPL-POS","version":1,"effectiveFrom":"2026-01-01","source":"OWN",
                 "items":[{"competencyCode":"T.901","requiredLevel":3,"importance":"MUTLAK"},{"competencyCode":"M.1","requiredLevel":3,"importance":"PENTING"}]}""");
        send(COMPETENCY, "T.902", "asn.competency.competency-changed.v1", """
                {"code":"T.902","group":"TEKNIS","name":"Pengelolaan Perizinan","retired":false}""");
        // a type training-service does not read is consumed without a dead letter
        String ignored = send(COMPETENCY, "198801012012032001", "asn.competency.assessment-recorded.v1", "{\"anything\":true}");
        String retired = send(COMPETENCY, "T.902", "asn.competency.competency-changed.v1", """
                {"code":"T.902","group":"TEKNIS","name":"Pengelolaan Perizinan","retired":true}""");
        processed(retired);
        assertEquals(1L, processed(ignored));
        List<Object[]> known = rows("select code, name, grp, retired from known_competency where code in ('T.901', 'T.902', 'M.1') order by code");
        assertEquals(3, known.size());
        assertEquals("Integritas", known.get(0)[1], "a known code keeps its name");
        assertEquals(false, known.get(1)[3]);
        assertEquals("T.902", known.get(2)[0]);
        assertEquals("TEKNIS", known.get(2)[2]);
        assertEquals(true, known.get(2)[3]);
    }

    ConsumerRecord<String, String> dlq(String topic, String eventId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    var id = r.headers().lastHeader("ce_id");
                    if (id != null && eventId.equals(new String(id.value(), StandardCharsets.UTF_8))) {
                        return r;
                    }
                }
            }
            return null;
        }
    }
}
