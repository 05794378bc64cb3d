package id.asn.merit.competency.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JPM = min(100, 100 × mean(actual / required)) (domain.md §4.2, SYSTEM.md §6.1), against the nine MANAJERIAL and
 * SOSIAL_KULTURAL competencies of PermenPANRB 38/2017 at the default ladder's levels (domain.md §3.3).
 */
class JobPersonMatchTest {
    static final GapPolicy POLICY = GapPolicy.defaults();
    static final LocalDate ON = LocalDate.of(2026, 12, 1);
    static final LocalDate ASSESSED = LocalDate.of(2026, 3, 10);
    static final List<String> NINE = List.of("M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1");

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static List<StandardItem> standard(int level) {
        return NINE.stream().map(c -> new StandardItem(c, level, Importance.PENTING)).toList();
    }

    static JobPersonMatch.Score score(String code, String level) {
        return new JobPersonMatch.Score(code, d(level), ASSESSED, "AC-1");
    }

    static List<JobPersonMatch.Score> all(String level) {
        return NINE.stream().map(c -> score(c, level)).toList();
    }

    static JobPersonMatch.Result mapping(List<StandardItem> standard, List<JobPersonMatch.Score> scores) {
        return JobPersonMatch.compute(standard, scores, ON, AssessmentPurpose.MAPPING, POLICY);
    }

    static JobPersonMatch.Item item(JobPersonMatch.Result r, String code) {
        return r.items().stream().filter(i -> i.competencyCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void allMetIsAHundred() {
        // Administrator (level 3), every competency at 3.0
        var r = mapping(standard(3), all("3.0"));
        assertEquals(d("100.00"), r.jpm());
        assertEquals(JpmCategory.OPTIMAL, r.category());
        assertEquals(d("1.0000"), r.coverage());
        assertEquals(List.of("AC-1"), r.assessmentIds());
        assertEquals(9, r.items().size());
        assertEquals(NINE, r.items().stream().map(JobPersonMatch.Item::competencyCode).toList());
        var m1 = item(r, "M.1");
        assertEquals(3, m1.required());
        assertEquals(d("3.0"), m1.actual());
        assertEquals(0, m1.gap().signum());
        assertEquals(d("1.0000"), m1.ratio());
        assertEquals(Importance.PENTING, m1.importance());
        assertFalse(m1.notAssessed());
        assertEquals("AC-1", m1.assessmentId());
        assertEquals(0, m1.shortfall().signum());
    }

    @Test
    void oneBelow() {
        // M.4 at 2.0 against 3: ratios 8 × 1 + 2/3 → 100 × 26/27 = 96.296… → 96.30
        List<JobPersonMatch.Score> scores = new ArrayList<>(all("3.0"));
        scores.set(3, score("M.4", "2.0"));
        var r = mapping(standard(3), scores);
        assertEquals(d("96.30"), r.jpm());
        assertEquals(JpmCategory.OPTIMAL, r.category());
        var m4 = item(r, "M.4");
        assertEquals(d("-1.0"), m4.gap());
        assertEquals(d("1.0"), m4.shortfall());
        assertEquals(d("0.6667"), m4.ratio());
        assertTrue(m4.below());
    }

    @Test
    void oneNotAssessedCountsAsRatioZero() {
        // SK.1 never assessed: 8/9 → 88.89, CUKUP_OPTIMAL for mapping, MEMENUHI_SYARAT for selection
        var scores = all("3.0").stream().filter(s -> !s.competencyCode().equals("SK.1")).toList();
        var r = mapping(standard(3), scores);
        assertEquals(d("88.89"), r.jpm());
        assertEquals(JpmCategory.CUKUP_OPTIMAL, r.category());
        assertEquals(d("0.8889"), r.coverage());
        var sk1 = item(r, "SK.1");
        assertTrue(sk1.notAssessed());
        assertNull(sk1.actual());
        assertNull(sk1.gap());
        assertNull(sk1.assessmentId());
        assertEquals(d("0.0000"), sk1.ratio());
        assertFalse(sk1.below());
        assertEquals(JpmCategory.MEMENUHI_SYARAT,
                JobPersonMatch.compute(standard(3), scores, ON, AssessmentPurpose.SELECTION, POLICY).category());
    }

    @Test
    void overAchievementIsCappedAtAHundredButItsGapIsKept() {
        // Pengawas (level 2), every competency at 4.0: 100 × 2 = 200 → 100
        var r = mapping(standard(2), all("4.0"));
        assertEquals(d("100.00"), r.jpm());
        assertEquals(JpmCategory.OPTIMAL, r.category());
        assertEquals(d("2.0"), item(r, "M.1").gap());
        assertEquals(d("2.0000"), item(r, "M.1").ratio());
        assertEquals(0, item(r, "M.1").shortfall().signum());
    }

    @Test
    void overAchievementOffsetsAShortfallAsInTheReferenceFormula() {
        // Administrator: 3.5, 3.0, 2.5, 3.0, 2.0, 3.0, 2.8, 3.0, 4.0 against 3 → 100 × 26.8 / 27 = 99.259… → 99.26
        String[] levels = {"3.5", "3.0", "2.5", "3.0", "2.0", "3.0", "2.8", "3.0", "4.0"};
        List<JobPersonMatch.Score> scores = new ArrayList<>();
        for (int i = 0; i < NINE.size(); i++) {
            scores.add(score(NINE.get(i), levels[i]));
        }
        var r = mapping(standard(3), scores);
        assertEquals(d("99.26"), r.jpm());
        assertEquals(d("1.1667"), item(r, "M.1").ratio());
        assertEquals(d("-0.2"), item(r, "M.7").gap());
        assertEquals(d("1.3333"), item(r, "SK.1").ratio());
    }

    @Test
    void requiredLevelsMayDifferPerCompetency() {
        // 3.5/4 + 3.0/3 + 4.2/5 = 0.875 + 1 + 0.84 = 2.715 → 100 × 2.715 / 3 = 90.50
        var standard = List.of(new StandardItem("M.1", 4, Importance.MUTLAK), new StandardItem("M.2", 3, Importance.PENTING),
                new StandardItem("M.3", 5, Importance.PERLU));
        var r = mapping(standard, List.of(score("M.1", "3.5"), score("M.2", "3.0"), score("M.3", "4.2")));
        assertEquals(d("90.50"), r.jpm());
        assertEquals(JpmCategory.OPTIMAL, r.category());
        assertEquals(d("0.8750"), item(r, "M.1").ratio());
        assertEquals(Importance.MUTLAK, item(r, "M.1").importance());
        assertEquals(d("0.8400"), item(r, "M.3").ratio());
        assertEquals(d("-0.8"), item(r, "M.3").gap());
    }

    static JpmCategory categoryOfOne(String level, AssessmentPurpose purpose) {
        var r = JobPersonMatch.compute(List.of(new StandardItem("M.1", 5, Importance.PENTING)),
                List.of(score("M.1", level)), ON, purpose, POLICY);
        return r.category();
    }

    @Test
    void mappingBoundariesThroughTheWholeFunction() {
        // against level 5 each 0.1 level is 2 points: 4.5 → 90.00, 4.4 → 88.00, 3.9 → 78.00, 3.8 → 76.00
        assertEquals(d("90.00"), JobPersonMatch.compute(List.of(new StandardItem("M.1", 5, Importance.PENTING)),
                List.of(score("M.1", "4.5")), ON, AssessmentPurpose.MAPPING, POLICY).jpm());
        assertEquals(JpmCategory.OPTIMAL, categoryOfOne("4.5", AssessmentPurpose.MAPPING));
        assertEquals(JpmCategory.CUKUP_OPTIMAL, categoryOfOne("4.4", AssessmentPurpose.MAPPING));
        assertEquals(JpmCategory.CUKUP_OPTIMAL, categoryOfOne("3.9", AssessmentPurpose.MAPPING));
        assertEquals(JpmCategory.KURANG_OPTIMAL, categoryOfOne("3.8", AssessmentPurpose.MAPPING));
    }

    @Test
    void selectionBoundariesThroughTheWholeFunction() {
        // 4.0 → 80.00, 3.9 → 78.00, 3.4 → 68.00, 3.3 → 66.00
        assertEquals(JpmCategory.MEMENUHI_SYARAT, categoryOfOne("4.0", AssessmentPurpose.SELECTION));
        assertEquals(JpmCategory.MASIH_MEMENUHI_SYARAT, categoryOfOne("3.9", AssessmentPurpose.SELECTION));
        assertEquals(JpmCategory.MASIH_MEMENUHI_SYARAT, categoryOfOne("3.4", AssessmentPurpose.SELECTION));
        assertEquals(JpmCategory.KURANG_MEMENUHI_SYARAT, categoryOfOne("3.3", AssessmentPurpose.SELECTION));
    }

    @Test
    void theJpmIsRoundedOnceAsThePolicySays() {
        // 3 × 3.0/3 + 1.1/4 = 3.275 → 100 × 3.275 / 4 = 81.875 exactly
        var standard = List.of(new StandardItem("M.1", 3, Importance.PENTING), new StandardItem("M.2", 3, Importance.PENTING),
                new StandardItem("M.3", 3, Importance.PENTING), new StandardItem("M.4", 4, Importance.PENTING));
        var scores = List.of(score("M.1", "3.0"), score("M.2", "3.0"), score("M.3", "3.0"), score("M.4", "1.1"));
        assertEquals(d("81.88"), mapping(standard, scores).jpm());
        GapPolicy halfDown = new GapPolicy(POLICY.mapping(), POLICY.selection(), 3,
                new GapPolicy.Rounding(2, RoundingMode.HALF_DOWN), POLICY.klasikalFromGap());
        assertEquals(d("81.87"), JobPersonMatch.compute(standard, scores, ON, AssessmentPurpose.MAPPING, halfDown).jpm());
        GapPolicy oneDecimal = new GapPolicy(POLICY.mapping(), POLICY.selection(), 3,
                new GapPolicy.Rounding(1, RoundingMode.HALF_UP), POLICY.klasikalFromGap());
        var r = JobPersonMatch.compute(standard, scores, ON, AssessmentPurpose.MAPPING, oneDecimal);
        assertEquals(d("81.9"), r.jpm());
        assertEquals(d("0.275"), item(r, "M.4").ratio());
        assertEquals(d("1.000"), r.coverage());
    }

    @Test
    void anExpiredAssessmentIsIgnored() {
        // window 3 years back from 2026-12-01 starts on 2023-12-01
        var standard = List.of(new StandardItem("M.1", 3, Importance.PENTING), new StandardItem("M.2", 3, Importance.PENTING));
        var scores = List.of(new JobPersonMatch.Score("M.1", d("3.0"), LocalDate.of(2023, 12, 1), "AC-2023-12"),
                new JobPersonMatch.Score("M.2", d("3.0"), LocalDate.of(2023, 11, 30), "AC-2023-11"));
        var r = mapping(standard, scores);
        assertFalse(item(r, "M.1").notAssessed());
        assertTrue(item(r, "M.2").notAssessed());
        assertEquals(d("50.00"), r.jpm());
        assertEquals(d("0.5000"), r.coverage());
        assertEquals(List.of("AC-2023-12"), r.assessmentIds());
    }

    @Test
    void theValidityWindowComesFromThePolicy() {
        GapPolicy oneYear = new GapPolicy(POLICY.mapping(), POLICY.selection(), 1, POLICY.rounding(), POLICY.klasikalFromGap());
        var standard = List.of(new StandardItem("M.1", 3, Importance.PENTING));
        var scores = List.of(new JobPersonMatch.Score("M.1", d("3.0"), LocalDate.of(2025, 6, 1), "AC-2025"));
        assertEquals(d("100.00"), mapping(standard, scores).jpm());
        var r = JobPersonMatch.compute(standard, scores, ON, AssessmentPurpose.MAPPING, oneYear);
        assertEquals(d("0.00"), r.jpm());
        assertTrue(item(r, "M.1").notAssessed());
    }

    @Test
    void theLatestAssessmentWinsWhateverTheInputOrder() {
        var standard = List.of(new StandardItem("M.1", 3, Importance.PENTING));
        var older = new JobPersonMatch.Score("M.1", d("2.0"), LocalDate.of(2024, 1, 10), "AC-2024");
        var newer = new JobPersonMatch.Score("M.1", d("3.0"), LocalDate.of(2025, 6, 1), "AC-2025");
        for (var scores : List.of(List.of(older, newer), List.of(newer, older))) {
            var r = mapping(standard, scores);
            assertEquals(d("3.0"), item(r, "M.1").actual());
            assertEquals("AC-2025", item(r, "M.1").assessmentId());
            assertEquals(List.of("AC-2025"), r.assessmentIds());
            assertEquals(d("100.00"), r.jpm());
        }
    }

    @Test
    void anAssessmentDatedAfterTheDateAskedIsIgnored() {
        var standard = List.of(new StandardItem("M.1", 3, Importance.PENTING));
        var before = new JobPersonMatch.Score("M.1", d("2.4"), LocalDate.of(2026, 11, 30), "AC-NOV");
        var after = new JobPersonMatch.Score("M.1", d("5.0"), LocalDate.of(2026, 12, 2), "AC-DEC");
        var r = mapping(standard, List.of(before, after));
        assertEquals(d("2.4"), item(r, "M.1").actual());
        assertEquals("AC-NOV", item(r, "M.1").assessmentId());
        assertEquals(d("80.00"), r.jpm());
        // on the later date the later one counts
        assertEquals(d("100.00"), JobPersonMatch.compute(standard, List.of(before, after), LocalDate.of(2026, 12, 2),
                AssessmentPurpose.MAPPING, POLICY).jpm());
    }

    @Test
    void ofTwoScoresOnTheSameDayTheOneRecordedLaterWins() {
        var standard = List.of(new StandardItem("M.1", 3, Importance.PENTING));
        var first = new JobPersonMatch.Score("M.1", d("2.0"), ASSESSED, "AC-FIRST");
        var second = new JobPersonMatch.Score("M.1", d("2.7"), ASSESSED, "AC-SECOND");
        assertEquals("AC-SECOND", item(mapping(standard, List.of(first, second)), "M.1").assessmentId());
        assertEquals("AC-FIRST", item(mapping(standard, List.of(second, first)), "M.1").assessmentId());
    }

    @Test
    void theAssessmentsUsedAreListedOnceInItemOrder() {
        var standard = List.of(new StandardItem("M.1", 3, Importance.PENTING), new StandardItem("M.2", 3, Importance.PENTING),
                new StandardItem("M.3", 3, Importance.PENTING));
        var scores = List.of(
                new JobPersonMatch.Score("M.2", d("3.0"), LocalDate.of(2024, 5, 1), "AC-A"),
                new JobPersonMatch.Score("M.3", d("3.0"), LocalDate.of(2024, 5, 1), "AC-A"),
                new JobPersonMatch.Score("M.1", d("3.0"), LocalDate.of(2025, 5, 1), "AC-B"),
                new JobPersonMatch.Score("T.7", d("4.0"), LocalDate.of(2025, 5, 1), "AC-C"));
        var r = mapping(standard, scores);
        assertEquals(List.of("AC-B", "AC-A"), r.assessmentIds());
        assertEquals(3, r.items().size());
    }

    @Test
    void nothingAssessedIsZero() {
        var r = mapping(standard(3), List.of());
        assertEquals(d("0.00"), r.jpm());
        assertEquals(JpmCategory.KURANG_OPTIMAL, r.category());
        assertEquals(d("0.0000"), r.coverage());
        assertEquals(List.of(), r.assessmentIds());
        assertTrue(r.items().stream().allMatch(JobPersonMatch.Item::notAssessed));
    }

    @Test
    void aStandardWithNoItemsMatchesNothing() {
        var r = mapping(List.of(), all("3.0"));
        assertEquals(List.of(), r.items());
        assertNull(r.jpm());
        assertNull(r.category());
        assertNull(r.coverage());
        assertEquals(List.of(), r.assessmentIds());
    }

    @Test
    void invalidInputIsRefused() {
        Stream.of("0.9", "5.1", "3.25").forEach(level ->
                assertThrows(IllegalArgumentException.class, () -> score("M.1", level), level));
        assertEquals(d("3.20"), score("M.1", "3.20").level());
        assertThrows(IllegalArgumentException.class, () -> new StandardItem("M.1", 0, Importance.PENTING));
        assertThrows(IllegalArgumentException.class, () -> new StandardItem("M.1", 6, Importance.PENTING));
        var twice = List.of(new StandardItem("M.1", 3, Importance.PENTING), new StandardItem("M.1", 4, Importance.MUTLAK));
        var e = assertThrows(IllegalArgumentException.class, () -> mapping(twice, List.of()));
        assertEquals("the standard names M.1 twice", e.getMessage());
    }
}
