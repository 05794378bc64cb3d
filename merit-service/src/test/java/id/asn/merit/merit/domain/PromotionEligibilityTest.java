package id.asn.merit.merit.domain;

import id.asn.merit.merit.domain.PromotionEligibility.Blocker;
import id.asn.merit.merit.domain.PromotionEligibility.Candidate;
import id.asn.merit.merit.domain.PromotionEligibility.Ranked;
import id.asn.merit.merit.domain.PromotionEligibility.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static id.asn.merit.merit.domain.PromotionEligibility.DISCIPLINE;
import static id.asn.merit.merit.domain.PromotionEligibility.JP_NOT_MET;
import static id.asn.merit.merit.domain.PromotionEligibility.LEADERSHIP_TRAINING_MISSING;
import static id.asn.merit.merit.domain.PromotionEligibility.RANK_BELOW_MINIMUM;
import static id.asn.merit.merit.domain.PromotionEligibility.SKP_BELOW_MINIMUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SYSTEM.md §6.4: each promotion blocker with its evidence, the waiver, and the ranking order with its tie-breaks. */
class PromotionEligibilityTest {
    static final int YEAR = 2026;
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);
    static final MeritPolicyRules RULES = MeritPolicyRulesTest.defaults();
    static final Target STAFF = new Target("JF-ANALIS-MUDA", "FUNGSIONAL", "III/c", null);
    static final String NIP = "198503302010012001";

    /** Nothing blocks: BAIK and SANGAT_BAIK, 24 of 20 JP, III/d, PKA held. */
    static Candidate clean() {
        return new Candidate(NIP, "PNS", "III/d", List.of(skp(YEAR, "BAIK"), skp(YEAR - 1, "SANGAT_BAIK")), List.of(),
                BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of("PKA"));
    }

    static MeritProfileCalculator.Skp skp(int year, String rating) {
        return new MeritProfileCalculator.Skp(year, rating, null);
    }

    static Candidate with(Candidate c, List<DisciplineWindow.Decision> d) {
        return new Candidate(c.nip(), c.employmentType(), c.rank(), c.annualSkp(), d, c.recognisedJp(), c.requiredJp(), c.leadershipTrainings());
    }

    static List<Blocker> blockers(Candidate c, Target t) {
        return PromotionEligibility.blockers(c, t, YEAR, AS_OF, RULES, false);
    }

    @Test
    void aCleanRecordHasNoBlockerAndIsEligible() {
        List<Blocker> b = blockers(clean(), STAFF);
        assertEquals(List.of(), b);
        assertTrue(PromotionEligibility.eligible(b));
    }

    @Test
    void moderateDisciplineWithinTwoYearsBlocksWithItsDecision() {
        var d = new DisciplineWindow.Decision(DisciplineWindow.Level.MODERATE, LocalDate.of(2025, 1, 1), "ev-1");
        List<Blocker> b = blockers(with(clean(), List.of(d)), STAFF);
        assertEquals(List.of(new Blocker(DISCIPLINE, "MODERATE discipline decided 2025-01-01, within 2 years of 2026-12-31", false, false)), b);
        assertFalse(PromotionEligibility.eligible(b));
    }

    @Test
    void moderateDisciplineJustOutsideTheWindowDoesNotBlock() {
        var d = new DisciplineWindow.Decision(DisciplineWindow.Level.MODERATE, LocalDate.of(2024, 12, 31), "ev-1");
        assertEquals(List.of(), blockers(with(clean(), List.of(d)), STAFF));
    }

    @Test
    void severeBlocksAndLightDoesNot() {
        var severe = new DisciplineWindow.Decision(DisciplineWindow.Level.SEVERE, LocalDate.of(2026, 6, 1), "ev-2");
        var light = new DisciplineWindow.Decision(DisciplineWindow.Level.LIGHT, LocalDate.of(2026, 7, 1), "ev-3");
        assertEquals(List.of(new Blocker(DISCIPLINE, "SEVERE discipline decided 2026-06-01, within 2 years of 2026-12-31", false, false)),
                blockers(with(clean(), List.of(light, severe)), STAFF));
        assertEquals(List.of(), blockers(with(clean(), List.of(light)), STAFF));
    }

    @ParameterizedTest
    @CsvSource({"2026,BUTUH_PERBAIKAN", "2025,BUTUH_PERBAIKAN", "2026,KURANG", "2025,SANGAT_KURANG"})
    void anAnnualSkpBelowBaikInEitherOfTheTwoYearsBlocks(int year, String rating) {
        List<MeritProfileCalculator.Skp> skp = new ArrayList<>(List.of(skp(year, rating)));
        skp.add(skp(year == YEAR ? YEAR - 1 : YEAR, "BAIK"));
        Candidate c = new Candidate(NIP, "PNS", "III/d", skp, List.of(), BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of());
        assertEquals(List.of(new Blocker(SKP_BELOW_MINIMUM, "annual SKP " + year + " is " + rating + ", below BAIK", false, false)),
                blockers(c, STAFF));
    }

    @Test
    void anSkpThreeYearsBackOrAMissingYearDoesNotBlock() {
        Candidate c = new Candidate(NIP, "PNS", "III/d", List.of(skp(YEAR - 2, "KURANG"), skp(YEAR, "BAIK")), List.of(),
                BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of());
        assertEquals(List.of(), blockers(c, STAFF));
    }

    @Test
    void bothYearsBelowGiveTwoBlockers() {
        Candidate c = new Candidate(NIP, "PNS", "III/d", List.of(skp(YEAR, "KURANG"), skp(YEAR - 1, "BUTUH_PERBAIKAN")), List.of(),
                BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of());
        assertEquals(List.of(SKP_BELOW_MINIMUM, SKP_BELOW_MINIMUM), blockers(c, STAFF).stream().map(Blocker::rule).toList());
    }

    @Test
    void jpNotMetBlocksWithTheNumbers() {
        Candidate c = new Candidate(NIP, "PNS", "III/d", clean().annualSkp(), List.of(), new BigDecimal("12.50"), BigDecimal.valueOf(20), Set.of());
        assertEquals(List.of(new Blocker(JP_NOT_MET, "JP 2026: 12.5 of 20 recognised", false, false)), blockers(c, STAFF));
    }

    @Test
    void noJpSeenCountsAsZeroAgainstThePolicyRequirement() {
        Candidate c = new Candidate(NIP, "PPPK", "IX", clean().annualSkp(), List.of(), null, null, Set.of());
        Target pppk = new Target("JF-PPPK", "FUNGSIONAL", "IX", null);
        assertEquals(List.of(new Blocker(JP_NOT_MET, "JP 2026: 0 of 20 recognised", false, false)), blockers(c, pppk));
    }

    @Test
    void jpExactlyMetDoesNotBlock() {
        Candidate c = new Candidate(NIP, "PNS", "III/d", clean().annualSkp(), List.of(), BigDecimal.valueOf(20), BigDecimal.valueOf(20), Set.of());
        assertEquals(List.of(), blockers(c, STAFF));
    }

    @Test
    void aRankBelowTheMinimumBlocks() {
        Candidate c = new Candidate(NIP, "PNS", "III/b", clean().annualSkp(), List.of(), BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of());
        assertEquals(List.of(new Blocker(RANK_BELOW_MINIMUM, "rank III/b is below the minimum III/c of JF-ANALIS-MUDA", false, false)),
                blockers(c, STAFF));
    }

    @Test
    void theMinimumRankItselfDoesNotBlock() {
        Candidate c = new Candidate(NIP, "PNS", "III/c", clean().annualSkp(), List.of(), BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of());
        assertEquals(List.of(), blockers(c, STAFF));
    }

    @Test
    void aRankThatCannotBeComparedBlocksAndSaysSo() {
        Candidate pppk = new Candidate(NIP, "PPPK", "IX", clean().annualSkp(), List.of(), BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of());
        assertEquals(List.of(new Blocker(RANK_BELOW_MINIMUM, "rank IX cannot be compared with the minimum III/c of JF-ANALIS-MUDA", false, false)),
                blockers(pppk, STAFF));
        Candidate unknown = new Candidate(NIP, "PNS", null, clean().annualSkp(), List.of(), BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of());
        assertEquals(List.of(new Blocker(RANK_BELOW_MINIMUM, "rank unknown cannot be compared with the minimum III/c of JF-ANALIS-MUDA", false, false)),
                blockers(unknown, STAFF));
    }

    @Test
    void aTargetWithoutMinimumRankChecksNoRank() {
        Target open = new Target("JF-X", "FUNGSIONAL", null, null);
        Candidate c = new Candidate(NIP, "PNS", "I/a", clean().annualSkp(), List.of(), BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of());
        assertEquals(List.of(), blockers(c, open));
    }

    @ParameterizedTest
    @CsvSource({"PENGAWAS,PKP", "ADMINISTRATOR,PKA", "JPT_PRATAMA,PKN_II", "JPT_MADYA,PKN_I"})
    void aManagerialTargetWithoutItsLeadershipTrainingIsBlockedWaivably(String type, String training) {
        Target t = new Target("POS-" + type, type, null, null);
        Candidate none = new Candidate(NIP, "PNS", "IV/b", clean().annualSkp(), List.of(), BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of());
        List<Blocker> b = blockers(none, t);
        assertEquals(List.of(new Blocker(LEADERSHIP_TRAINING_MISSING, "no verified " + training + " training, required for a " + type + " position",
                true, false)), b);
        assertFalse(PromotionEligibility.eligible(b));
        Candidate holding = new Candidate(NIP, "PNS", "IV/b", clean().annualSkp(), List.of(), BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of(training));
        assertEquals(List.of(), blockers(holding, t));
    }

    @Test
    void aWaivedLeadershipTrainingLeavesTheCandidateEligibleAndIsShown() {
        Target t = new Target("ADM-KABID", "ADMINISTRATOR", "III/d", null);
        Candidate none = new Candidate(NIP, "PNS", "III/d", clean().annualSkp(), List.of(), BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of());
        List<Blocker> b = PromotionEligibility.blockers(none, t, YEAR, AS_OF, RULES, true);
        assertEquals(List.of(new Blocker(LEADERSHIP_TRAINING_MISSING, "no verified PKA training, required for a ADMINISTRATOR position "
                + "(waived for this ranking)", true, true)), b);
        assertTrue(PromotionEligibility.eligible(b));
    }

    @Test
    void aWaiverDoesNotLiftTheOtherBlockers() {
        Target t = new Target("ADM-KABID", "ADMINISTRATOR", "III/d", null);
        Candidate c = new Candidate(NIP, "PNS", "III/d", clean().annualSkp(), List.of(), BigDecimal.valueOf(5), BigDecimal.valueOf(20), Set.of());
        List<Blocker> b = PromotionEligibility.blockers(c, t, YEAR, AS_OF, RULES, true);
        assertEquals(List.of(JP_NOT_MET, LEADERSHIP_TRAINING_MISSING), b.stream().map(Blocker::rule).toList());
        assertFalse(PromotionEligibility.eligible(b));
    }

    @Test
    void aHigherLeadershipTrainingCountsAndALowerOneDoesNot() {
        Target administrator = new Target("ADM-KABID", "ADMINISTRATOR", null, null);
        Candidate pknII = new Candidate(NIP, "PNS", "IV/b", clean().annualSkp(), List.of(), BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of("PKN_II"));
        assertEquals(List.of(), blockers(pknII, administrator));
        Candidate pkp = new Candidate(NIP, "PNS", "IV/b", clean().annualSkp(), List.of(), BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of("PKP"));
        assertEquals(List.of(LEADERSHIP_TRAINING_MISSING), blockers(pkp, administrator).stream().map(Blocker::rule).toList());
    }

    @Test
    void thePositionsOwnRequiredTrainingWinsOverTheTypeDefault() {
        Target t = new Target("ADM-SPECIAL", "ADMINISTRATOR", null, "PKN_II");
        Candidate pka = new Candidate(NIP, "PNS", "IV/b", clean().annualSkp(), List.of(), BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of("PKA"));
        assertEquals(List.of(new Blocker(LEADERSHIP_TRAINING_MISSING, "no verified PKN_II training, required for a ADMINISTRATOR position", true, false)),
                blockers(pka, t));
    }

    @Test
    void aNonManagerialTargetNeedsNoLeadershipTraining() {
        Candidate none = new Candidate(NIP, "PNS", "III/d", clean().annualSkp(), List.of(), BigDecimal.valueOf(24), BigDecimal.valueOf(20), Set.of());
        assertEquals(List.of(), blockers(none, STAFF));
    }

    @Test
    void everyBlockerAtOnceInTheirOrder() {
        var d = new DisciplineWindow.Decision(DisciplineWindow.Level.SEVERE, LocalDate.of(2026, 2, 1), "ev");
        Candidate c = new Candidate(NIP, "PNS", "II/d", List.of(skp(YEAR, "KURANG")), List.of(d), BigDecimal.ZERO, BigDecimal.valueOf(20), Set.of());
        Target t = new Target("ADM-KABID", "ADMINISTRATOR", "III/d", null);
        assertEquals(List.of(DISCIPLINE, SKP_BELOW_MINIMUM, JP_NOT_MET, RANK_BELOW_MINIMUM, LEADERSHIP_TRAINING_MISSING),
                blockers(c, t).stream().map(Blocker::rule).toList());
    }

    static List<String> order(Ranked... ranked) {
        return java.util.Arrays.stream(ranked).sorted(PromotionEligibility.ORDER).map(Ranked::nip).toList();
    }

    @Test
    void eligibleComeFirstWhateverTheirScore() {
        assertEquals(List.of("2", "1"), order(new Ranked("1", false, 99.0, LocalDate.of(2010, 1, 1)), new Ranked("2", true, 50.0, LocalDate.of(2024, 1, 1))));
    }

    @Test
    void thenTheHigherMeritScoreAndNoScoreLast() {
        assertEquals(List.of("b", "a", "c"), order(new Ranked("a", true, 70.0, LocalDate.of(2019, 1, 1)),
                new Ranked("b", true, 80.0, LocalDate.of(2022, 1, 1)), new Ranked("c", true, null, LocalDate.of(2010, 1, 1))));
    }

    @Test
    void equalScoresGoToTheLongerTimeInRankUnknownLast() {
        assertEquals(List.of("y", "x", "z"), order(new Ranked("x", true, 80.0, LocalDate.of(2021, 4, 1)),
                new Ranked("y", true, 80.0, LocalDate.of(2019, 10, 1)), new Ranked("z", true, 80.0, null)));
    }

    @Test
    void equalScoreAndTimeInRankGoByNip() {
        LocalDate tmt = LocalDate.of(2020, 4, 1);
        assertEquals(List.of("198503302010012001", "198503302010012002"), order(new Ranked("198503302010012002", true, 80.0, tmt),
                new Ranked("198503302010012001", true, 80.0, tmt)));
    }
}
