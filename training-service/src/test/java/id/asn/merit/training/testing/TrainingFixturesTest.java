package id.asn.merit.training.testing;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ledger the reports read: caps applied, PENDING not counted, the threshold row written once. */
@QuarkusTest
class TrainingFixturesTest {
    @Inject
    TrainingFixtures fixtures;
    @Inject
    EntityManager em;

    @Test
    void recordsRefreshTheLedgerAndTheThresholdOnce() {
        String nip = "197701012003121777";
        fixtures.employee(nip, "Ledger Person", "P-LEDGER", "PELAKSANA", "U-LEDGER", "U-LEDGER");
        LocalDate d = LocalDate.of(2025, 3, 3);
        fixtures.verified(nip, "KL03", d, d.plusDays(1), "12");
        fixtures.record(nip, "KL03", d, d, "30", "PENDING", List.of(), null, null);
        fixtures.verified(nip, "NKL02", d, d, "5");   // mentoring: 2 JP per record
        assertEquals(0, new BigDecimal("14").compareTo((BigDecimal) single("select recognised_jp from jp_person_year where nip = ?1 and year = 2025", nip)));
        assertEquals(0, new BigDecimal("47").compareTo((BigDecimal) single("select claimed_jp from jp_person_year where nip = ?1 and year = 2025", nip)));
        fixtures.verified(nip, "KL03", d.plusDays(5), d.plusDays(5), "6");
        fixtures.verified(nip, "KL03", d.plusDays(6), d.plusDays(6), "6");
        assertEquals(1L, ((Number) single("select count(*) from jp_threshold_reached where nip = ?1 and year = 2025", nip)).longValue());
        assertEquals(1L, ((Number) single("select count(*) from outbox_event where event_key = ?1 and type = 'asn.training.jp-threshold-reached.v1'", nip)).longValue());
    }

    private Object single(String sql, String nip) {
        return em.createNativeQuery(sql).setParameter(1, nip).getSingleResult();
    }
}
