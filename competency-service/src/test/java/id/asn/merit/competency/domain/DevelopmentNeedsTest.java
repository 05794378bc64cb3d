package id.asn.merit.competency.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The AKPK roll-up of domain.md §4.4 over a small seksi of three people. */
class DevelopmentNeedsTest {
    static final GapPolicy POLICY = GapPolicy.defaults();
    static final LocalDate ON = LocalDate.of(2026, 12, 1);

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** A standard M.1 (MUTLAK), M.2 (PENTING), M.3 (PERLU), SK.1 (PENTING), each at {@code level}. */
    static List<StandardItem> standard(int level) {
        return List.of(new StandardItem("M.1", level, Importance.MUTLAK), new StandardItem("M.2", level, Importance.PENTING),
                new StandardItem("M.3", level, Importance.PERLU), new StandardItem("SK.1", level, Importance.PENTING));
    }

    /** levels for M.1, M.2, M.3, SK.1; null = not assessed. */
    static DevelopmentNeeds.PersonMatch person(String nip, int level, String... levels) {
        String[] codes = {"M.1", "M.2", "M.3", "SK.1"};
        List<JobPersonMatch.Score> scores = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            if (levels[i] != null) {
                scores.add(new JobPersonMatch.Score(codes[i], d(levels[i]), LocalDate.of(2026, 2, 1), "AC-" + nip));
            }
        }
        return new DevelopmentNeeds.PersonMatch(nip,
                JobPersonMatch.compute(standard(level), scores, ON, AssessmentPurpose.MAPPING, POLICY));
    }

    // two people against an ADMINISTRATOR-like standard (level 3) and one against a PENGAWAS one (level 2)
    static final List<DevelopmentNeeds.PersonMatch> SEKSI = List.of(
            person("199001012015031003", 3, "1.0", "2.5", "2.0", "3.0"),   // M.1 −2.0, M.2 −0.5, M.3 −1.0
            person("198501012010011001", 3, "2.5", "3.0", null, "1.1"),   // M.1 −0.5, SK.1 −1.9, M.3 not assessed
            person("198801012012122002", 2, "2.0", "3.0", "2.0", "2.0"));  // all met: no needs

    @Test
    void perCompetency() {
        var r = DevelopmentNeeds.rollUp(SEKSI, POLICY);
        assertEquals(List.of(
                // M.1: two below (−2.0, −0.5) → mean −1.25, both MUTLAK
                new DevelopmentNeeds.CompetencyNeed("M.1", 2, d("-1.25"), 2, 0),
                new DevelopmentNeeds.CompetencyNeed("M.2", 1, d("-0.50"), 0, 0),
                // M.3: one below, one not assessed
                new DevelopmentNeeds.CompetencyNeed("M.3", 1, d("-1.00"), 0, 1),
                new DevelopmentNeeds.CompetencyNeed("SK.1", 1, d("-1.90"), 0, 0)), r.byCompetency());
    }

    @Test
    void perPersonByImportanceThenLargestShortfallEachWithItsPathway() {
        var r = DevelopmentNeeds.rollUp(SEKSI, POLICY);
        // people in NIP order; the one with no need is left out
        assertEquals(List.of("198501012010011001", "199001012015031003"),
                r.byPerson().stream().map(DevelopmentNeeds.PersonNeeds::nip).toList());

        var first = r.byPerson().get(0).needs();
        assertEquals(List.of("M.1", "SK.1"), first.stream().map(DevelopmentNeeds.Need::competencyCode).toList());
        // MUTLAK before PENTING even though the PENTING shortfall (1.9) is the larger one
        assertEquals(new DevelopmentNeeds.Need("M.1", 3, d("2.5"), d("-0.5"), d("0.5"), Importance.MUTLAK,
                LearningPathway.NONKLASIKAL, "AC-198501012010011001"), first.get(0));
        assertEquals(new DevelopmentNeeds.Need("SK.1", 3, d("1.1"), d("-1.9"), d("1.9"), Importance.PENTING,
                LearningPathway.NONKLASIKAL, "AC-198501012010011001"), first.get(1));

        var second = r.byPerson().get(1).needs();
        assertEquals(List.of("M.1", "M.2", "M.3"), second.stream().map(DevelopmentNeeds.Need::competencyCode).toList());
        // a shortfall of exactly 2 levels is klasikal
        assertEquals(LearningPathway.KLASIKAL, second.get(0).pathway());
        assertEquals(d("2.0"), second.get(0).shortfall());
        assertEquals(LearningPathway.NONKLASIKAL, second.get(1).pathway());
        assertEquals(Importance.PERLU, second.get(2).importance());
    }

    @Test
    void withinOneImportanceTheLargerShortfallComesFirst() {
        var standard = List.of(new StandardItem("M.1", 4, Importance.PENTING), new StandardItem("M.2", 4, Importance.PENTING),
                new StandardItem("M.3", 4, Importance.PENTING));
        var scores = List.of(new JobPersonMatch.Score("M.1", d("3.5"), ON, "A"), new JobPersonMatch.Score("M.2", d("1.5"), ON, "A"),
                new JobPersonMatch.Score("M.3", d("3.0"), ON, "A"));
        var match = JobPersonMatch.compute(standard, scores, ON, AssessmentPurpose.SELECTION, POLICY);
        var needs = DevelopmentNeeds.rollUp(List.of(new DevelopmentNeeds.PersonMatch("X", match)), POLICY).byPerson().get(0).needs();
        assertEquals(List.of("M.2", "M.3", "M.1"), needs.stream().map(DevelopmentNeeds.Need::competencyCode).toList());
        assertEquals(List.of(LearningPathway.KLASIKAL, LearningPathway.NONKLASIKAL, LearningPathway.NONKLASIKAL),
                needs.stream().map(DevelopmentNeeds.Need::pathway).toList());
    }

    @Test
    void thePathwayThresholdComesFromThePolicy() {
        GapPolicy strict = new GapPolicy(POLICY.mapping(), POLICY.selection(), 3, POLICY.rounding(), d("0.5"));
        var r = DevelopmentNeeds.rollUp(SEKSI, strict);
        assertEquals(LearningPathway.KLASIKAL, r.byPerson().get(0).needs().get(0).pathway());
    }

    @Test
    void competenciesAreOrderedByPeopleBelowThenMutlakThenCode() {
        var a = person("A", 3, "3.0", "2.0", "2.0", "2.0");
        var b = person("B", 3, "3.0", "3.0", "2.0", "2.0");
        var r = DevelopmentNeeds.rollUp(List.of(a, b), POLICY);
        assertEquals(List.of("M.3", "SK.1", "M.2", "M.1"),
                r.byCompetency().stream().map(DevelopmentNeeds.CompetencyNeed::competencyCode).toList());
        var m1 = r.byCompetency().get(3);
        assertEquals(0, m1.peopleBelow());
        assertNull(m1.averageGap());
    }

    @Test
    void nobodyNoNeeds() {
        var r = DevelopmentNeeds.rollUp(List.of(), POLICY);
        assertEquals(List.of(), r.byCompetency());
        assertEquals(List.of(), r.byPerson());
    }
}
