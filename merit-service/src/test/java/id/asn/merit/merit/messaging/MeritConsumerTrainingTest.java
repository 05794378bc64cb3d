package id.asn.merit.merit.messaging;

import id.asn.merit.merit.testing.MeritFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static id.asn.merit.merit.messaging.ReadModelEvents.T0;
import static id.asn.merit.merit.messaging.ReadModelEvents.TRAINING;
import static id.asn.merit.merit.messaging.ReadModelEvents.awaitProcessed;
import static id.asn.merit.merit.messaging.ReadModelEvents.deadLetter;
import static id.asn.merit.merit.messaging.ReadModelEvents.header;
import static id.asn.merit.merit.messaging.ReadModelEvents.rows;
import static id.asn.merit.merit.messaging.ReadModelEvents.send;
import static id.asn.merit.merit.messaging.ReadModelEvents.threshold;
import static id.asn.merit.merit.messaging.ReadModelEvents.trainingRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** asn.training.v1 → training_record_replica (version order per record) and jp_year (newest ce_time per person-year). */
@QuarkusTest
class MeritConsumerTrainingTest {
    static final String RECORDED = "asn.training.recorded.v1";
    static final String VERIFIED = "asn.training.verified.v1";
    static final String THRESHOLD = "asn.training.jp-threshold-reached.v1";

    @Inject
    EntityManager em;

    static String nip() {
        return MeritFixtures.nip(LocalDate.of(1990, 8, 17), "F");
    }

    List<List<Object>> record(String recordId) {
        return rows(em, """
                select nip, year, method_code, end_date, jp, coalesce(recognised_jp, -1), status, coalesce(leadership_level, 'NONE'),
                       source_version, event_id
                from training_record_replica where record_id = ?1""", recordId);
    }

    List<List<Object>> jpYear(String nip, int year) {
        return rows(em, "select recognised_jp, required_jp, event_id from jp_year where nip = ?1 and year = ?2", nip, year);
    }

    static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }

    @Test
    void recordsAndTheYearsJpLandAndOlderOnesDoNotOverride() {
        // a person merit-service has not seen yet on asn.employee.v1: stored anyway
        String nip = nip();
        String recordId = UUID.randomUUID().toString();
        var recorded = send(TRAINING, nip, RECORDED, T0, trainingRecord(recordId, nip, 2025, "PENDING", "PKP", "12", "null", 0, "0"));
        var verified = send(TRAINING, nip, VERIFIED, T0.plusSeconds(10), trainingRecord(recordId, nip, 2025, "VERIFIED", "PKP", "12", "12", 1, "12"));
        awaitProcessed(em, recorded, verified);
        assertEquals(List.of(List.of(nip, 2025, "KL01", LocalDate.parse("2025-05-03"), dec("12.00"), dec("12.00"), "VERIFIED", "PKP", 1L, verified.id())),
                record(recordId));
        assertEquals(List.of(List.of(dec("12.00"), dec("20.00"), verified.id())), jpYear(nip, 2025));

        // the PENDING version again (a replay), with an older ce_time: neither the record nor the year goes back
        var replayed = send(TRAINING, nip, RECORDED, T0, trainingRecord(recordId, nip, 2025, "PENDING", "PKP", "12", "null", 0, "0"));
        // another record of the year, verified later: the year's total follows it
        String second = UUID.randomUUID().toString();
        var secondVerified = send(TRAINING, nip, VERIFIED, T0.plusSeconds(20), trainingRecord(second, nip, 2025, "VERIFIED", null, "10", "10", 1, "22"));
        var reached = send(TRAINING, nip, THRESHOLD, T0.plusSeconds(20), threshold(nip, 2025, "22"));
        // a threshold event with an older ce_time: the year keeps the newer total
        var olderThreshold = send(TRAINING, nip, THRESHOLD, T0.plusSeconds(15), threshold(nip, 2025, "20.5"));
        awaitProcessed(em, replayed, secondVerified, reached, olderThreshold);
        assertEquals("VERIFIED", record(recordId).get(0).get(6));
        assertEquals(dec("22.00"), jpYear(nip, 2025).get(0).get(0));
        assertEquals(List.of(List.of(2L)), rows(em, "select count(*) from training_record_replica where nip = ?1", nip));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String nip = nip();
        String recordId = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        var first = send(TRAINING, nip, VERIFIED, id, T0, trainingRecord(recordId, nip, 2025, "VERIFIED", null, "8", "8", 1, "8"));
        send(TRAINING, nip, VERIFIED, id, T0.plusSeconds(60), trainingRecord(recordId, nip, 2025, "REJECTED", null, "8", "null", 2, "0"));
        var marker = send(TRAINING, nip, THRESHOLD, T0.minusSeconds(60), threshold(nip, 2024, "20"));
        awaitProcessed(em, first, marker);
        assertEquals("VERIFIED", record(recordId).get(0).get(6));
        assertEquals(List.of(List.of(dec("8.00"), dec("20.00"), id)), jpYear(nip, 2025));
    }

    @Test
    void aMalformedRecordGoesToTheDlqAndTheNextOneIsApplied() {
        String nip = nip();
        String recordId = UUID.randomUUID().toString();
        var poison = send(TRAINING, nip, VERIFIED, T0, trainingRecord(recordId, nip, 2025, "APPROVED", null, "8", "8", 1, "8"));
        var noTotal = send(TRAINING, nip, THRESHOLD, T0, "{\"nip\":\"" + nip + "\",\"year\":2025,\"requiredJp\":20}");
        var foreign = send(TRAINING, nip, "asn.employee.updated.v1", T0, threshold(nip, 2025, "20"));
        var next = send(TRAINING, nip, VERIFIED, T0.plusSeconds(1), trainingRecord(recordId, nip, 2025, "VERIFIED", null, "8", "8", 1, "8"));
        awaitProcessed(em, next);
        assertEquals(next.id(), record(recordId).get(0).get(9));
        var dead = deadLetter(TRAINING, poison.id());
        assertNotNull(dead, "on asn.training.v1.dlq.merit-service");
        assertTrue(header(dead, "dead-letter-reason").contains("data.status"), header(dead, "dead-letter-reason"));
        assertTrue(header(deadLetter(TRAINING, noTotal.id()), "dead-letter-reason").contains("data.recognisedJp"));
        assertTrue(header(deadLetter(TRAINING, foreign.id()), "dead-letter-reason").contains("not an asn.training event"));
    }
}
