package id.asn.merit.merit.domain;

import id.asn.merit.merit.domain.FairnessReport.Group;
import id.asn.merit.merit.domain.FairnessReport.Subject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four-fifths rule: impact ratio to the highest-rate group large enough to judge; flagged only below the threshold. */
class FairnessReportTest {
    private static final MeritPolicyRules.FairnessRules RULES = new MeritPolicyRules.FairnessRules(new BigDecimal("0.8"), 5);

    @Test
    void anImpactRatioOfExactlyFourFifthsIsNotFlagged() {
        List<Subject> subjects = new ArrayList<>();
        add(subjects, "M", "30-39", 20, 10); // 0.5
        add(subjects, "F", "30-39", 20, 8);  // 0.4 → 0.8 exactly
        Group f = group(FairnessReport.report(subjects, RULES), FairnessReport.GENDER, "F");
        assertEquals(0, new BigDecimal("0.8").compareTo(f.impactRatio()));
        assertFalse(f.flagged());
        assertNull(f.note());
    }

    @Test
    void justBelowFourFifthsIsFlagged() {
        List<Subject> subjects = new ArrayList<>();
        add(subjects, "M", "30-39", 1000, 1000);
        add(subjects, "F", "30-39", 1000, 799);
        Group f = group(FairnessReport.report(subjects, RULES), FairnessReport.GENDER, "F");
        assertEquals(0, new BigDecimal("0.799").compareTo(f.impactRatio()));
        assertTrue(f.flagged());
    }

    @Test
    void aRatioThatOnlyRoundsToTheThresholdIsStillFlagged() {
        // 0.79999 would round to 0.8 at 4 decimals; it is below the threshold, flagged, and shown cut (0.7999), never as 0.8
        List<Subject> subjects = new ArrayList<>();
        add(subjects, "M", "30-39", 100_000, 100_000);
        add(subjects, "F", "30-39", 100_000, 79_999);
        Group f = group(FairnessReport.report(subjects, RULES), FairnessReport.GENDER, "F");
        assertTrue(f.flagged());
        assertEquals(0, new BigDecimal("0.7999").compareTo(f.impactRatio()));
    }

    @Test
    void theReferenceIsTheHighestRateAmongGroupsLargeEnoughToJudge() {
        List<Subject> subjects = new ArrayList<>();
        add(subjects, "M", "<30", 2, 2);     // rate 1.0 but too small to be the reference
        add(subjects, "M", "30-39", 10, 6);  // 0.6: the reference
        add(subjects, "F", "40-49", 10, 3);  // 0.3
        List<Group> groups = FairnessReport.report(subjects, RULES);
        Group reference = group(groups, FairnessReport.AGE_BAND, "30-39");
        assertEquals(0, BigDecimal.ONE.compareTo(reference.impactRatio()));
        assertFalse(reference.flagged());
        Group forties = group(groups, FairnessReport.AGE_BAND, "40-49");
        assertEquals(0, new BigDecimal("0.5").compareTo(forties.impactRatio()));
        assertTrue(forties.flagged());
        Group young = group(groups, FairnessReport.AGE_BAND, "<30");
        assertEquals(0, new BigDecimal("1.6666").compareTo(young.impactRatio()));
    }

    @Test
    void aSmallGroupGetsItsNumbersAndANoteButNoFlag() {
        List<Subject> subjects = new ArrayList<>();
        add(subjects, "M", "30-39", 10, 8);
        add(subjects, "F", "30-39", 3, 0);
        Group f = group(FairnessReport.report(subjects, RULES), FairnessReport.GENDER, "F");
        assertEquals(3, f.size());
        assertEquals(0, f.selected());
        assertEquals(0, BigDecimal.ZERO.compareTo(f.selectionRate()));
        assertFalse(f.flagged());
        assertEquals("group of 3 is smaller than 5: too small to judge", f.note());
    }

    @Test
    void anEmptyGroupIsListedWithANoteAndNoRates() {
        List<Subject> subjects = new ArrayList<>();
        add(subjects, "M", "30-39", 10, 5);
        add(subjects, "F", "40-49", 10, 5);
        List<Group> groups = FairnessReport.report(subjects, RULES);
        Group fifties = group(groups, FairnessReport.AGE_BAND, ">=50");
        assertEquals(0, fifties.size());
        assertNull(fifties.selectionRate());
        assertNull(fifties.impactRatio());
        assertFalse(fifties.flagged());
        assertEquals("no one in this group", fifties.note());
        assertEquals(List.of("M", "F"), groups.stream().filter(g -> g.dimension().equals(FairnessReport.GENDER)).map(Group::group).toList());
        assertEquals(List.of("<30", "30-39", "40-49", ">=50"),
                groups.stream().filter(g -> g.dimension().equals(FairnessReport.AGE_BAND)).map(Group::group).toList());
    }

    @Test
    void noOneSelectedAnywhereIsNotJudged() {
        List<Subject> subjects = new ArrayList<>();
        add(subjects, "M", "30-39", 10, 0);
        add(subjects, "F", "30-39", 10, 0);
        Group f = group(FairnessReport.report(subjects, RULES), FairnessReport.GENDER, "F");
        assertNull(f.impactRatio());
        assertFalse(f.flagged());
        assertEquals("no one was selected in any group large enough to judge", f.note());
    }

    private static void add(List<Subject> subjects, String gender, String band, int size, int selected) {
        for (int i = 0; i < size; i++) {
            subjects.add(new Subject(gender, band, i < selected));
        }
    }

    private static Group group(List<Group> groups, String dimension, String name) {
        return groups.stream().filter(g -> g.dimension().equals(dimension) && g.group().equals(name)).findFirst().orElseThrow();
    }
}
