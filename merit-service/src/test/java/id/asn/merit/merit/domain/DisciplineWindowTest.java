package id.asn.merit.merit.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static id.asn.merit.merit.domain.DisciplineWindow.Level.LIGHT;
import static id.asn.merit.merit.domain.DisciplineWindow.Level.MODERATE;
import static id.asn.merit.merit.domain.DisciplineWindow.Level.SEVERE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 2-year look-back of discipline: after asOf − 2 years, not after asOf. */
class DisciplineWindowTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);
    static final MeritPolicyRules.IntegrityScores SCORES = MeritPolicyRulesTest.defaults().integrityScores();

    static DisciplineWindow.Decision d(DisciplineWindow.Level level, String on) {
        return new DisciplineWindow.Decision(level, LocalDate.parse(on), level + on);
    }

    @Test
    void theWindowsEdges() {
        assertTrue(DisciplineWindow.within(LocalDate.of(2025, 1, 1), AS_OF, 2));
        assertFalse(DisciplineWindow.within(LocalDate.of(2024, 12, 31), AS_OF, 2));
        assertTrue(DisciplineWindow.within(AS_OF, AS_OF, 2));
        assertFalse(DisciplineWindow.within(AS_OF.plusDays(1), AS_OF, 2));
    }

    @Test
    void theWorstDecisionInsideTheWindowSetsIntegrity() {
        assertEquals(100.0, DisciplineWindow.integrityScore(List.of(), AS_OF, 2, SCORES));
        assertEquals(50.0, DisciplineWindow.integrityScore(List.of(d(LIGHT, "2026-02-01")), AS_OF, 2, SCORES));
        assertEquals(0.0, DisciplineWindow.integrityScore(List.of(d(LIGHT, "2026-02-01"), d(SEVERE, "2025-01-01")), AS_OF, 2, SCORES));
        assertEquals(50.0, DisciplineWindow.integrityScore(List.of(d(LIGHT, "2026-02-01"), d(SEVERE, "2024-12-31")), AS_OF, 2, SCORES));
    }

    @Test
    void onlyModerateOrSevereExclude() {
        assertTrue(DisciplineWindow.excluding(List.of(d(LIGHT, "2026-02-01")), AS_OF, 2).isEmpty());
        assertEquals(MODERATE, DisciplineWindow.excluding(List.of(d(LIGHT, "2026-02-01"), d(MODERATE, "2025-06-01")), AS_OF, 2)
                .orElseThrow().level());
        assertTrue(DisciplineWindow.excluding(List.of(d(MODERATE, "2024-12-31")), AS_OF, 2).isEmpty());
    }

    @Test
    void ofEqualSeverityTheNewestIsNamed() {
        assertEquals(LocalDate.of(2026, 5, 1), DisciplineWindow.worst(List.of(d(MODERATE, "2025-06-01"), d(MODERATE, "2026-05-01")), AS_OF, 2)
                .orElseThrow().decidedOn());
    }
}
