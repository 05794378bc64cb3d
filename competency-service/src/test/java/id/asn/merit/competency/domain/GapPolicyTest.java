package id.asn.merit.competency.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gap policy: defaults of SYSTEM.md §6.1 / domain.md §4.3, the bands at their edges, and what an ADMIN may PUT. */
class GapPolicyTest {
    static final GapPolicy DEFAULT = GapPolicy.defaults();

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void theDefaultsAreThoseOfTheContract() {
        assertEquals(0, DEFAULT.mapping().optimal().compareTo(d("90")));
        assertEquals(0, DEFAULT.mapping().cukupOptimal().compareTo(d("78")));
        assertEquals(0, DEFAULT.selection().memenuhiSyarat().compareTo(d("80")));
        assertEquals(0, DEFAULT.selection().masihMemenuhiSyarat().compareTo(d("68")));
        assertEquals(3, DEFAULT.validityYears());
        assertEquals(new GapPolicy.Rounding(2, RoundingMode.HALF_UP), DEFAULT.rounding());
        assertEquals(0, DEFAULT.klasikalFromGap().compareTo(d("2")));
        assertEquals(List.of(), DEFAULT.violations());
    }

    @Test
    void mappingBandsAtAndJustBelowEachThreshold() {
        assertEquals(JpmCategory.OPTIMAL, DEFAULT.category(AssessmentPurpose.MAPPING, d("100.00")));
        assertEquals(JpmCategory.OPTIMAL, DEFAULT.category(AssessmentPurpose.MAPPING, d("90.00")));
        assertEquals(JpmCategory.CUKUP_OPTIMAL, DEFAULT.category(AssessmentPurpose.MAPPING, d("89.99")));
        assertEquals(JpmCategory.CUKUP_OPTIMAL, DEFAULT.category(AssessmentPurpose.MAPPING, d("78.00")));
        assertEquals(JpmCategory.KURANG_OPTIMAL, DEFAULT.category(AssessmentPurpose.MAPPING, d("77.99")));
        assertEquals(JpmCategory.KURANG_OPTIMAL, DEFAULT.category(AssessmentPurpose.MAPPING, d("0.00")));
    }

    @Test
    void selectionBandsAtAndJustBelowEachThreshold() {
        assertEquals(JpmCategory.MEMENUHI_SYARAT, DEFAULT.category(AssessmentPurpose.SELECTION, d("80.00")));
        assertEquals(JpmCategory.MASIH_MEMENUHI_SYARAT, DEFAULT.category(AssessmentPurpose.SELECTION, d("79.99")));
        assertEquals(JpmCategory.MASIH_MEMENUHI_SYARAT, DEFAULT.category(AssessmentPurpose.SELECTION, d("68.00")));
        assertEquals(JpmCategory.KURANG_MEMENUHI_SYARAT, DEFAULT.category(AssessmentPurpose.SELECTION, d("67.99")));
    }

    @Test
    void theSameJpmFallsInADifferentCategoryPerPurpose() {
        // 85: between 78 and 90 for mapping, above 80 for selection (domain.md §4.3 (a) vs (b))
        assertEquals(JpmCategory.CUKUP_OPTIMAL, DEFAULT.category(AssessmentPurpose.MAPPING, d("85")));
        assertEquals(JpmCategory.MEMENUHI_SYARAT, DEFAULT.category(AssessmentPurpose.SELECTION, d("85")));
        assertEquals(AssessmentPurpose.MAPPING, JpmCategory.CUKUP_OPTIMAL.purpose());
        assertEquals(AssessmentPurpose.SELECTION, JpmCategory.MEMENUHI_SYARAT.purpose());
    }

    @Test
    void bandsAreReadFromThePolicy() {
        // PermenKKP 39/2023 "others" family (domain.md §4.3 (c)) put into the mapping slot: ≥ 85, ≥ 75
        GapPolicy kkp = new GapPolicy(new GapPolicy.MappingBands(d("85"), d("75")), DEFAULT.selection(), 3,
                DEFAULT.rounding(), DEFAULT.klasikalFromGap());
        assertEquals(JpmCategory.OPTIMAL, kkp.category(AssessmentPurpose.MAPPING, d("85.00")));
        assertEquals(JpmCategory.CUKUP_OPTIMAL, kkp.category(AssessmentPurpose.MAPPING, d("75.00")));
        assertEquals(JpmCategory.KURANG_OPTIMAL, kkp.category(AssessmentPurpose.MAPPING, d("74.99")));
    }

    @Test
    void theValidityWindowIncludesItsFirstDayAndExcludesTheFuture() {
        LocalDate on = LocalDate.of(2026, 12, 1);
        assertTrue(DEFAULT.isValidOn(LocalDate.of(2023, 12, 1), on));
        assertFalse(DEFAULT.isValidOn(LocalDate.of(2023, 11, 30), on));
        assertTrue(DEFAULT.isValidOn(on, on));
        assertFalse(DEFAULT.isValidOn(LocalDate.of(2026, 12, 2), on));
        // 29 February: three years on, it still counts on 28 February and no longer on 1 March
        assertTrue(DEFAULT.isValidOn(LocalDate.of(2028, 2, 29), LocalDate.of(2031, 2, 28)));
        assertFalse(DEFAULT.isValidOn(LocalDate.of(2028, 2, 29), LocalDate.of(2031, 3, 1)));
    }

    @Test
    void aShortfallOfTwoLevelsOrMoreSuggestsKlasikal() {
        assertEquals(LearningPathway.KLASIKAL, DEFAULT.pathway(d("2.0")));
        assertEquals(LearningPathway.KLASIKAL, DEFAULT.pathway(d("3.5")));
        assertEquals(LearningPathway.NONKLASIKAL, DEFAULT.pathway(d("1.9")));
        assertEquals(LearningPathway.NONKLASIKAL, DEFAULT.pathway(d("0.1")));
    }

    @Test
    void everyMissingFieldIsNamed() {
        GapPolicy empty = new GapPolicy(null, null, null, null, null);
        assertEquals(List.of(
                new GapPolicy.Violation("mapping", "is required"),
                new GapPolicy.Violation("selection", "is required"),
                new GapPolicy.Violation("validityYears", "is required"),
                new GapPolicy.Violation("rounding", "is required"),
                new GapPolicy.Violation("klasikalFromGap", "is required")), empty.violations());

        GapPolicy emptyParts = new GapPolicy(new GapPolicy.MappingBands(null, d("78")),
                new GapPolicy.SelectionBands(d("80"), null), 3, new GapPolicy.Rounding(null, null), d("2"));
        assertEquals(List.of("mapping.optimal", "selection.masihMemenuhiSyarat", "rounding.scale", "rounding.mode"),
                fields(emptyParts));
    }

    @Test
    void bandsMustDescendAndStayWithinZeroToHundred() {
        GapPolicy swapped = new GapPolicy(new GapPolicy.MappingBands(d("78"), d("90")),
                new GapPolicy.SelectionBands(d("68"), d("68")), 3, DEFAULT.rounding(), d("2"));
        assertEquals(List.of(
                new GapPolicy.Violation("mapping.optimal", "must be above mapping.cukupOptimal (78 ≤ 90)"),
                new GapPolicy.Violation("selection.memenuhiSyarat", "must be above selection.masihMemenuhiSyarat (68 ≤ 68)")),
                swapped.violations());

        GapPolicy outOfRange = new GapPolicy(new GapPolicy.MappingBands(d("101"), d("78")),
                new GapPolicy.SelectionBands(d("80"), d("-1")), 3, DEFAULT.rounding(), d("2"));
        assertEquals(List.of(
                new GapPolicy.Violation("mapping.optimal", "must be within 0..100, not 101"),
                new GapPolicy.Violation("selection.masihMemenuhiSyarat", "must be within 0..100, not -1")),
                outOfRange.violations());
    }

    @Test
    void windowRoundingAndPathwayMustBeUsable() {
        GapPolicy bad = new GapPolicy(DEFAULT.mapping(), DEFAULT.selection(), 0,
                new GapPolicy.Rounding(7, RoundingMode.UNNECESSARY), d("0"));
        assertEquals(List.of(
                new GapPolicy.Violation("validityYears", "must be above 0, not 0"),
                new GapPolicy.Violation("rounding.scale", "must be 0..6, not 7"),
                new GapPolicy.Violation("rounding.mode", "must round (UNNECESSARY fails on 2/3)"),
                new GapPolicy.Violation("klasikalFromGap", "must be above 0 and at most 4 levels, not 0")), bad.violations());
        assertEquals(List.of("validityYears", "klasikalFromGap"),
                fields(new GapPolicy(DEFAULT.mapping(), DEFAULT.selection(), -2, DEFAULT.rounding(), d("4.5"))));
    }

    private static List<String> fields(GapPolicy policy) {
        return policy.violations().stream().map(GapPolicy.Violation::field).toList();
    }
}
