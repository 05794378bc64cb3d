package id.asn.merit.merit.messaging;

import id.asn.merit.merit.testing.MeritFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static id.asn.merit.merit.messaging.ReadModelEvents.EMPLOYEE;
import static id.asn.merit.merit.messaging.ReadModelEvents.T0;
import static id.asn.merit.merit.messaging.ReadModelEvents.awaitProcessed;
import static id.asn.merit.merit.messaging.ReadModelEvents.deadLetter;
import static id.asn.merit.merit.messaging.ReadModelEvents.discipline;
import static id.asn.merit.merit.messaging.ReadModelEvents.employee;
import static id.asn.merit.merit.messaging.ReadModelEvents.header;
import static id.asn.merit.merit.messaging.ReadModelEvents.rating;
import static id.asn.merit.merit.messaging.ReadModelEvents.rows;
import static id.asn.merit.merit.messaging.ReadModelEvents.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** asn.employee.v1 → employee_replica, skp_rating, discipline_record, on the real broker and database. */
@QuarkusTest
class MeritConsumerEmployeeTest {
    static final String REGISTERED = "asn.employee.registered.v1";
    static final String UPDATED = "asn.employee.updated.v1";
    static final String RATED = "asn.employee.performance-rated.v1";
    static final String DISCIPLINED = "asn.employee.disciplined.v1";
    static final String RANK_CHANGED = "asn.employee.rank-changed.v1";

    @Inject
    EntityManager em;

    static String nip() {
        return MeritFixtures.nip(LocalDate.of(1988, 4, 12), "F");
    }

    List<Object> replica(String nip) {
        return rows(em, """
                select name, gender, birth_date, employment_type, rank, rank_since, education_level, position_code,
                       position_type, org_unit_code, org_unit_path, status, source_version, last_event_id, last_event_type,
                       last_event_at
                from employee_replica where nip = ?1""", nip).get(0);
    }

    @Test
    void everyTypeFillsTheReplicaAndRatingsAndDisciplineLand() {
        String nip = nip();
        var registered = send(EMPLOYEE, nip, REGISTERED, T0, employee(nip, 1, "III/b", "2022-04-01", "S1", "MCE-KASI", "MCE-ROOT/MCE-BID", null));
        var rated = send(EMPLOYEE, nip, RATED, T0.plusSeconds(1),
                employee(nip, 2, "III/b", "2022-04-01", "S1", "MCE-KASI", "MCE-ROOT/MCE-BID", rating(2025, "ANNUAL", "BAIK")));
        var disciplined = send(EMPLOYEE, nip, DISCIPLINED, T0.plusSeconds(2),
                employee(nip, 3, "III/b", "2022-04-01", "S1", "MCE-KASI", "MCE-ROOT/MCE-BID", discipline("LIGHT", "2025-09-01")));
        awaitProcessed(em, registered, rated, disciplined);

        List<Object> row = replica(nip);
        assertEquals("Pegawai " + nip.substring(14), row.get(0));
        assertEquals("F", String.valueOf(row.get(1)));
        assertEquals(LocalDate.parse("1988-04-12"), row.get(2));
        assertEquals("PNS", row.get(3));
        assertEquals("III/b", row.get(4));
        assertEquals(LocalDate.parse("2022-04-01"), row.get(5));
        assertEquals("S1", row.get(6));
        assertEquals("MCE-KASI", row.get(7));
        assertEquals("PENGAWAS", row.get(8));
        assertEquals("MCE-BID", row.get(9));
        assertEquals("MCE-ROOT/MCE-BID", row.get(10), "the path array is stored 'A/B' for subtree scopes");
        assertEquals("ACTIVE", row.get(11));
        assertEquals(3L, ((Number) row.get(12)).longValue());
        assertEquals(disciplined.id(), row.get(13));
        assertEquals(DISCIPLINED, row.get(14));
        assertNotNull(row.get(15));

        List<List<Object>> skp = rows(em, "select year, period, rating, work_result, work_behaviour, overridden, event_id from skp_rating where nip = ?1", nip);
        assertEquals(List.of(List.of(2025, "ANNUAL", "BAIK", "AS_EXPECTED", "ABOVE", false, rated.id())), skp);
        List<List<Object>> dis = rows(em, "select event_id, level, decided_on from discipline_record where nip = ?1", nip);
        assertEquals(List.of(List.of(disciplined.id(), "LIGHT", LocalDate.parse("2025-09-01"))), dis);
    }

    @Test
    void anOlderVersionDoesNotOverrideButItsRatingIsKept() {
        String nip = nip();
        var newer = send(EMPLOYEE, nip, RATED, T0.plusSeconds(10),
                employee(nip, 5, "III/c", "2025-04-01", "S2", "MCE-KABID", "MCE-ROOT", rating(2025, "ANNUAL", "SANGAT_BAIK")));
        // older versions arrive late (a replay): the replica stays at version 5; the 2024 rating it carries is kept,
        // the 2025 one it carries is not (version 5 rated that period)
        var older2024 = send(EMPLOYEE, nip, RATED, T0,
                employee(nip, 2, "III/b", "2021-04-01", "S1", "MCE-KASI", "MCE-ROOT", rating(2024, "ANNUAL", "BAIK")));
        var older2025 = send(EMPLOYEE, nip, RATED, T0.plusSeconds(1),
                employee(nip, 3, "III/b", "2021-04-01", "S1", "MCE-KASI", "MCE-ROOT", rating(2025, "ANNUAL", "KURANG")));
        var olderDiscipline = send(EMPLOYEE, nip, DISCIPLINED, T0.plusSeconds(2),
                employee(nip, 4, "III/b", "2021-04-01", "S1", "MCE-KASI", "MCE-ROOT", discipline("MODERATE", "2024-06-01")));
        awaitProcessed(em, newer, older2024, older2025, olderDiscipline);

        List<Object> row = replica(nip);
        assertEquals("III/c", row.get(4));
        assertEquals("S2", row.get(6));
        assertEquals("MCE-KABID", row.get(7));
        assertEquals(5L, ((Number) row.get(12)).longValue());
        assertEquals(newer.id(), row.get(13));
        assertEquals(List.of(List.of(2024, "BAIK", older2024.id()), List.of(2025, "SANGAT_BAIK", newer.id())),
                rows(em, "select year, rating, event_id from skp_rating where nip = ?1 and period = 'ANNUAL' order by year", nip));
        assertEquals(List.of(List.of("MODERATE", olderDiscipline.id())),
                rows(em, "select level, event_id from discipline_record where nip = ?1", nip), "a decision is never lost");

        // a newer rating of the same period replaces the stored one
        var rerated = send(EMPLOYEE, nip, RATED, T0.plusSeconds(20),
                employee(nip, 6, "III/c", "2025-04-01", "S2", "MCE-KABID", "MCE-ROOT", rating(2025, "ANNUAL", "BUTUH_PERBAIKAN")));
        awaitProcessed(em, rerated);
        assertEquals(List.of(List.of("BUTUH_PERBAIKAN", rerated.id())),
                rows(em, "select rating, event_id from skp_rating where nip = ?1 and year = 2025", nip));
    }

    @Test
    void theTmtOfTheRankIsKeptForTheSameRankAndForgottenForAnotherOne() {
        String nip = nip();
        var first = send(EMPLOYEE, nip, REGISTERED, T0, employee(nip, 1, "III/a", "2020-10-01", "S1", "MCE-KASI", "MCE-ROOT", null));
        // an import without rankSince, same rank: the known TMT stays
        var sameRank = send(EMPLOYEE, nip, UPDATED, T0.plusSeconds(1), employee(nip, 2, "III/a", null, "S2", "MCE-KASI", "MCE-ROOT", null));
        awaitProcessed(em, first, sameRank);
        assertEquals(LocalDate.parse("2020-10-01"), replica(nip).get(5));
        assertEquals("S2", replica(nip).get(6));
        // another rank without rankSince: the TMT is unknown
        var otherRank = send(EMPLOYEE, nip, UPDATED, T0.plusSeconds(2), employee(nip, 3, "III/b", null, "S2", "MCE-KASI", "MCE-ROOT", null));
        awaitProcessed(em, otherRank);
        assertNull(replica(nip).get(5));
        // a rank-changed event without rankSince: the TMT of the entry in force
        var rankChanged = send(EMPLOYEE, nip, RANK_CHANGED, T0.plusSeconds(3), employee(nip, 4, "III/c", null, "S2", "MCE-KASI", "MCE-ROOT",
                "\"rankChange\":{\"rank\":\"III/c\",\"effectiveDate\":\"2026-04-01\"}"));
        awaitProcessed(em, rankChanged);
        assertEquals("III/c", replica(nip).get(4));
        assertEquals(LocalDate.parse("2026-04-01"), replica(nip).get(5));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String nip = nip();
        String id = UUID.randomUUID().toString();
        var first = send(EMPLOYEE, nip, RATED, id, T0, employee(nip, 1, "III/a", "2020-10-01", "S1", "MCE-KASI", "MCE-ROOT",
                rating(2025, "ANNUAL", "BAIK")));
        // the same ce_id again, with another body and a higher version: nothing of it is applied
        send(EMPLOYEE, nip, RATED, id, T0, employee(nip, 9, "IV/a", "2026-01-01", "S3", "MCE-KABID", "MCE-ROOT",
                rating(2025, "ANNUAL", "SANGAT_KURANG")));
        var marker = send(EMPLOYEE, nip, DISCIPLINED, T0.plusSeconds(1),
                employee(nip, 0, "III/a", "2020-10-01", "S1", "MCE-KASI", "MCE-ROOT", discipline("LIGHT", "2025-01-01")));
        awaitProcessed(em, first, marker);
        assertEquals("III/a", replica(nip).get(4));
        assertEquals(1L, ((Number) replica(nip).get(12)).longValue());
        assertEquals(List.of(List.of("BAIK")), rows(em, "select rating from skp_rating where nip = ?1", nip));
        assertEquals(List.of(List.of(1L)), rows(em, "select count(*) from processed_event where consumer = 'merit-service.employees' and event_id = ?1", id));
    }

    @Test
    void aMalformedRecordGoesToTheDlqWithItsReasonAndTheNextOneIsApplied() {
        String nip = nip();
        var poison = send(EMPLOYEE, nip, RATED, T0, employee(nip, 1, "III/a", null, "S1", "MCE-KASI", "MCE-ROOT",
                "\"rating\":{\"year\":2025,\"period\":\"YEARLY\",\"rating\":\"BAIK\"}"));
        var notJson = send(EMPLOYEE, nip, UPDATED, T0, "{not json");
        var wrongKey = send(EMPLOYEE, "000000000000000000", UPDATED, T0, employee(nip, 1, "III/a", null, "S1", "MCE-KASI", "MCE-ROOT", null));
        var badTime = ReadModelEvents.sendWithTime(EMPLOYEE, nip, UPDATED, "yesterday",
                employee(nip, 1, "III/a", null, "S1", "MCE-KASI", "MCE-ROOT", null));
        var next = send(EMPLOYEE, nip, REGISTERED, T0.plusSeconds(1), employee(nip, 2, "III/a", null, "S1", "MCE-KASI", "MCE-ROOT", null));
        awaitProcessed(em, next);
        assertEquals("III/a", replica(nip).get(4));
        assertEquals(0, rows(em, "select rating from skp_rating where nip = ?1", nip).size());

        ConsumerRecord<String, String> dead = deadLetter(EMPLOYEE, poison.id());
        assertNotNull(dead, "the malformed event is on asn.employee.v1.dlq.merit-service");
        String reason = header(dead, "dead-letter-reason");
        assertTrue(reason.contains("data.rating.period"), reason);
        assertEquals("merit-service", header(dead, "dead-letter-consumer"));
        assertNotNull(deadLetter(EMPLOYEE, notJson.id()));
        assertTrue(header(deadLetter(EMPLOYEE, wrongKey.id()), "dead-letter-reason").contains("differs from data.nip"));
        assertTrue(header(deadLetter(EMPLOYEE, badTime.id()), "dead-letter-reason").contains("ce_time"));
    }
}
