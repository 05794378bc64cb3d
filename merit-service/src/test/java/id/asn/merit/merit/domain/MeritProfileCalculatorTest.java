package id.asn.merit.merit.domain;

import id.asn.merit.merit.domain.MeritProfileCalculator.Facts;
import id.asn.merit.merit.domain.MeritProfileCalculator.Result;
import id.asn.merit.merit.domain.MeritProfileCalculator.Skp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The profile as a pure function of facts and policy (SYSTEM.md §6.4). */
class MeritProfileCalculatorTest {
    static final LocalDate END_2026 = LocalDate.of(2026, 12, 31);
    static final MeritPolicyRules DEFAULTS = MeritPolicyRulesTest.defaults();

    static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    /** Only the competency part counts, so potential = JPM exactly (for the box and cut-off cases). */
    static MeritPolicyRules competencyOnly(Map<String, BigDecimal> performanceScores) {
        MeritPolicyRules d = DEFAULTS;
        return new MeritPolicyRules(performanceScores, d.axisCutoffs(),
                new MeritPolicyRules.PotentialWeights(n("100"), n("0"), n("0"), n("0")), d.integrityScores(),
                d.disciplineLookbackYears(), d.meritWeights(), d.talentPoolBoxes(), d.jpm(), d.requiredJpPerYear());
    }

    /** Scores that put ratings just either side of the performance cut-offs. */
    static Map<String, BigDecimal> edgeScores() {
        Map<String, BigDecimal> s = new LinkedHashMap<>();
        s.put("SANGAT_BAIK", n("80"));
        s.put("BAIK", n("79.99"));
        s.put("BUTUH_PERBAIKAN", n("60"));
        s.put("KURANG", n("59.99"));
        s.put("SANGAT_KURANG", n("20"));
        return s;
    }

    static Facts facts(int year, List<Skp> skp, Double jpm, String education, String minEducation,
                       List<DisciplineWindow.Decision> disciplines, List<MeritProfileCalculator.PotentialTest> tests) {
        return new Facts("198503152010011001", year, LocalDate.of(year, 12, 31), skp, jpm, jpm == null ? null : "POS-1", null,
                tests, education, "POS-1", minEducation, null, null, disciplines, List.of(), null, null, null);
    }

    static Result compute(String rating, double jpm, MeritPolicyRules rules) {
        return MeritProfileCalculator.compute(facts(2026, List.of(new Skp(2026, rating, null)), jpm, null, null, List.of(), List.of()), rules);
    }

    @ParameterizedTest(name = "{0} with JPM {1} is box {2}")
    @CsvSource({
            "KURANG, 40, 1", "KURANG, 70, 3", "KURANG, 90, 6",
            "BUTUH_PERBAIKAN, 40, 2", "BUTUH_PERBAIKAN, 70, 5", "BUTUH_PERBAIKAN, 90, 8",
            "SANGAT_BAIK, 40, 4", "SANGAT_BAIK, 70, 7", "SANGAT_BAIK, 90, 9"})
    void eachOfTheNineBoxes(String rating, double jpm, int box) {
        Result r = compute(rating, jpm, competencyOnly(DEFAULTS.performanceScores()));
        assertEquals(box, r.box());
        assertEquals(jpm, r.potential().score());
        assertTrue(r.reasons().stream().anyMatch(s -> s.startsWith("box " + box + ":")), r.reasons().toString());
    }

    @ParameterizedTest(name = "performance {0} ({1}) is {2}")
    @CsvSource({"SANGAT_BAIK, 80, HIGH", "BAIK, 79.99, MEDIUM", "BUTUH_PERBAIKAN, 60, MEDIUM", "KURANG, 59.99, LOW"})
    void thePerformanceCutoffsAt80And60(String rating, double score, Axis axis) {
        Result r = compute(rating, 90, competencyOnly(edgeScores()));
        assertEquals(score, r.performance().score());
        assertEquals(axis, r.performance().axis());
    }

    @ParameterizedTest(name = "potential {0} is {1}")
    @CsvSource({"80, HIGH", "79.99, MEDIUM", "60, MEDIUM", "59.99, LOW"})
    void thePotentialCutoffsAt80And60(double jpm, Axis axis) {
        Result r = compute("SANGAT_BAIK", jpm, competencyOnly(DEFAULTS.performanceScores()));
        assertEquals(jpm, r.potential().score());
        assertEquals(axis, r.potential().axis());
    }

    @Test
    void oneMissingPartIsDroppedAndTheRestReweighted() {
        // no potential test: 40/20/15 over 75 → (40×80 + 20×100 + 15×100) / 75
        Result r = MeritProfileCalculator.compute(facts(2026, List.of(new Skp(2026, "BAIK", null)), 80.0, "S1", "S1", List.of(), List.of()), DEFAULTS);
        assertEquals(List.of("potentialTest"), r.potential().missingParts());
        assertTrue(r.potential().reweighted());
        assertEquals(89.33, r.potential().score());
        assertEquals(Map.of("competency", 53.33, "qualification", 26.67, "integrity", 20.0), r.potential().weights());
        assertTrue(r.reasons().contains("potential re-weighted over competency, qualification, integrity (potentialTest missing)"), r.reasons().toString());
    }

    @Test
    void twoMissingPartsAreDroppedAndTheRestReweighted() {
        // no test, and the position has no minimum education: 40/15 over 55 → (40×80 + 15×100) / 55
        Result r = MeritProfileCalculator.compute(facts(2026, List.of(new Skp(2026, "BAIK", null)), 80.0, "S1", null, List.of(), List.of()), DEFAULTS);
        assertEquals(List.of("potentialTest", "qualification"), r.potential().missingParts());
        assertEquals(85.45, r.potential().score());
        assertEquals(Map.of("competency", 72.73, "integrity", 27.27), r.potential().weights());
        assertTrue(r.reasons().contains("position POS-1 has no minimum education: the qualification part is left out"), r.reasons().toString());
    }

    @Test
    void allFourPartsWithTheDefaultWeights() {
        var test = new MeritProfileCalculator.PotentialTest(2026, 70, LocalDate.of(2026, 3, 1), "TPK", null);
        Result r = MeritProfileCalculator.compute(facts(2026, List.of(new Skp(2026, "SANGAT_BAIK", null)), 90.0, "S1", "S2",
                List.of(), List.of(test)), DEFAULTS);
        // 0.40×90 + 0.25×70 + 0.20×60 (one level short) + 0.15×100 = 36 + 17.5 + 12 + 15
        assertEquals(80.5, r.potential().score());
        assertFalse(r.potential().reweighted());
        assertEquals(9, r.box());
        assertEquals(90.25, r.meritScore());
        assertTrue(r.eligibleForTalentPool());
    }

    @Test
    void moderateDisciplineInsideTheWindowExcludesFromThePool() {
        Result r = MeritProfileCalculator.compute(facts(2026, List.of(new Skp(2026, "SANGAT_BAIK", null)), 95.0, null, null,
                List.of(new DisciplineWindow.Decision(DisciplineWindow.Level.MODERATE, LocalDate.of(2025, 1, 1), "e1")), List.of()),
                competencyOnly(DEFAULTS.performanceScores()));
        assertEquals(9, r.box());
        assertEquals(0.0, r.potential().parts().get("integrity"));
        assertFalse(r.eligibleForTalentPool());
        assertTrue(r.reasons().contains("not in the talent pool: MODERATE discipline decided 2025-01-01 is within 2 years"), r.reasons().toString());
    }

    @Test
    void moderateDisciplineJustOutsideTheWindowDoesNotCount() {
        Result r = MeritProfileCalculator.compute(facts(2026, List.of(new Skp(2026, "SANGAT_BAIK", null)), 95.0, null, null,
                List.of(new DisciplineWindow.Decision(DisciplineWindow.Level.MODERATE, LocalDate.of(2024, 12, 31), "e1")), List.of()),
                competencyOnly(DEFAULTS.performanceScores()));
        assertEquals(100.0, r.potential().parts().get("integrity"));
        assertTrue(r.eligibleForTalentPool());
    }

    @Test
    void withoutTheYearsSkpThePreviousYearsIsUsedAndSaidSo() {
        Result r = MeritProfileCalculator.compute(facts(2026, List.of(new Skp(2025, "BAIK", null)), 80.0, null, null, List.of(), List.of()), DEFAULTS);
        assertEquals(2025, r.performance().ratingYear());
        assertEquals("BAIK", r.performance().rating());
        assertTrue(r.reasons().contains("no annual SKP for 2026 yet: performance from the annual SKP of 2025"), r.reasons().toString());
    }

    @Test
    void withoutAnyAnnualSkpThereIsNoBoxAndTheReasonSaysSo() {
        Result r = MeritProfileCalculator.compute(facts(2025, List.of(new Skp(2022, "BAIK", null)), 80.0, null, null, List.of(), List.of()), DEFAULTS);
        assertNull(r.performance().score());
        assertNull(r.box());
        assertNull(r.meritScore());
        assertFalse(r.eligibleForTalentPool());
        assertTrue(r.reasons().stream().anyMatch(s -> s.contains("no annual SKP for 2025")), r.reasons().toString());
    }
}
