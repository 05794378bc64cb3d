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

import static id.asn.merit.merit.messaging.ReadModelEvents.COMPETENCY;
import static id.asn.merit.merit.messaging.ReadModelEvents.T0;
import static id.asn.merit.merit.messaging.ReadModelEvents.assessment;
import static id.asn.merit.merit.messaging.ReadModelEvents.awaitProcessed;
import static id.asn.merit.merit.messaging.ReadModelEvents.deadLetter;
import static id.asn.merit.merit.messaging.ReadModelEvents.gap;
import static id.asn.merit.merit.messaging.ReadModelEvents.header;
import static id.asn.merit.merit.messaging.ReadModelEvents.rows;
import static id.asn.merit.merit.messaging.ReadModelEvents.send;
import static id.asn.merit.merit.messaging.ReadModelEvents.standard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** asn.competency.v1 → assessment_replica, competency_match (newest ce_time wins), position_standard. */
@QuarkusTest
class MeritConsumerCompetencyTest {
    static final String ASSESSED = "asn.competency.assessment-recorded.v1";
    static final String GAP = "asn.competency.gap-changed.v1";
    static final String STANDARD = "asn.competency.standard-published.v1";

    @Inject
    EntityManager em;

    static String nip() {
        return MeritFixtures.nip(LocalDate.of(1979, 1, 5), "M");
    }

    List<List<Object>> match(String nip) {
        return rows(em, """
                select position_code, coalesce(jpm, -1), coalesce(category, 'NONE'), event_id, event_type
                from competency_match where nip = ?1""", nip);
    }

    static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }

    @Test
    void anAssessmentAndGapsGiveTheJpmAndAnOlderOneDoesNotOverride() {
        String nip = nip();
        String assessmentId = UUID.randomUUID().toString();
        var assessed = send(COMPETENCY, nip, ASSESSED, T0, assessment(assessmentId, nip, "MCC-KASI", "72.50"));
        awaitProcessed(em, assessed);
        assertEquals(List.of(List.of(nip, LocalDate.parse("2026-02-20"), "ASSESSMENT_CENTER", "MAPPING", assessed.id())),
                rows(em, "select nip, assessed_on, method, purpose, event_id from assessment_replica where assessment_id = ?1", assessmentId));
        assertEquals(List.of(List.of("MCC-KASI", dec("72.50"), "CUKUP_OPTIMAL", assessed.id(), ASSESSED)), match(nip));

        var gap = send(COMPETENCY, nip, GAP, T0.plusSeconds(10), gap(nip, "MCC-KASI", "81.25", "OPTIMAL"));
        // an older gap-changed, arriving late: not applied
        var late = send(COMPETENCY, nip, GAP, T0.plusSeconds(5), gap(nip, "MCC-KASI", "60.00", "KURANG_OPTIMAL"));
        awaitProcessed(em, gap, late);
        assertEquals(List.of(List.of("MCC-KASI", dec("81.25"), "OPTIMAL", gap.id(), GAP)), match(nip));
        assertEquals(List.of(List.of(dec("0.7500"), 2, 1)),
                rows(em, "select coverage, standard_version, policy_version from competency_match where nip = ?1", nip));

        // the person left the position: no JPM any more
        var left = send(COMPETENCY, nip, GAP, T0.plusSeconds(20), gap(nip, null, "null", null));
        awaitProcessed(em, left);
        assertEquals(List.of(List.of("NONE", dec("-1"), "NONE", left.id(), GAP)),
                rows(em, "select coalesce(position_code, 'NONE'), coalesce(jpm, -1), coalesce(category, 'NONE'), event_id, event_type from competency_match where nip = ?1", nip));
    }

    @Test
    void anAssessmentWithoutAPositionStoresNoJpm() {
        String nip = nip();
        String assessmentId = UUID.randomUUID().toString();
        var assessed = send(COMPETENCY, nip, ASSESSED, T0, assessment(assessmentId, nip, null, "null"));
        awaitProcessed(em, assessed);
        assertEquals(1, rows(em, "select nip from assessment_replica where assessment_id = ?1", assessmentId).size());
        assertEquals(0, match(nip).size());
    }

    @Test
    void standardsKeepTheNewestVersionAndOtherTypesAreIgnored() {
        var v2 = send(COMPETENCY, "MCC-POS", STANDARD, T0, standard("MCC-POS", 2, "2026-07-01"));
        var v1 = send(COMPETENCY, "MCC-POS", STANDARD, T0, standard("MCC-POS", 1, "2026-01-01"));
        var dictionary = send(COMPETENCY, "T.77", "asn.competency.competency-changed.v1", T0,
                "{\"code\":\"T.77\",\"group\":\"TEKNIS\",\"name\":\"Perizinan\",\"retired\":false}");
        var future = send(COMPETENCY, "T.77", "asn.competency.something-new.v1", T0, "{\"anything\":true}");
        awaitProcessed(em, v2, v1, dictionary, future);
        assertEquals(List.of(List.of(2, LocalDate.parse("2026-07-01"), v2.id())),
                rows(em, "select version, effective_from, event_id from position_standard where position_code = 'MCC-POS'"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String nip = nip();
        String id = UUID.randomUUID().toString();
        var first = send(COMPETENCY, nip, GAP, id, T0, gap(nip, "MCC-KASI", "70.00", "CUKUP_OPTIMAL"));
        send(COMPETENCY, nip, GAP, id, T0.plusSeconds(30), gap(nip, "MCC-KASI", "99.00", "OPTIMAL"));
        var marker = send(COMPETENCY, "MCC-MARK", STANDARD, T0, standard("MCC-MARK", 1, "2026-01-01"));
        awaitProcessed(em, first, marker);
        assertEquals(List.of(List.of("MCC-KASI", dec("70.00"), "CUKUP_OPTIMAL", id, GAP)), match(nip));
    }

    @Test
    void aMalformedRecordGoesToTheDlqAndTheNextOneIsApplied() {
        String nip = nip();
        var poison = send(COMPETENCY, nip, GAP, T0, gap(nip, "MCC-KASI", "140", "OPTIMAL"));
        var foreign = send(COMPETENCY, nip, "asn.training.verified.v1", T0, gap(nip, "MCC-KASI", "70", "OPTIMAL"));
        var next = send(COMPETENCY, nip, GAP, T0.plusSeconds(1), gap(nip, "MCC-KASI", "70.00", "CUKUP_OPTIMAL"));
        awaitProcessed(em, next);
        assertEquals(next.id(), match(nip).get(0).get(3));
        var dead = deadLetter(COMPETENCY, poison.id());
        assertNotNull(dead, "on asn.competency.v1.dlq.merit-service");
        assertTrue(header(dead, "dead-letter-reason").contains("data.jpm"), header(dead, "dead-letter-reason"));
        assertTrue(header(deadLetter(COMPETENCY, foreign.id()), "dead-letter-reason").contains("not an asn.competency event"));
    }
}
