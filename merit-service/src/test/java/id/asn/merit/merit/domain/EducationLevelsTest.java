package id.asn.merit.merit.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The qualification part: education against the position's minimum, scored by the policy. */
class EducationLevelsTest {
    static final MeritPolicyRules.QualificationScores SCORES = MeritPolicyRules.QualificationScores.DEFAULT;

    @Test
    void meetingOrExceedingTheMinimumScoresMeets() {
        assertEquals(100.0, EducationLevels.qualificationScore("S1", "S1", SCORES));
        assertEquals(100.0, EducationLevels.qualificationScore("S3", "S1", SCORES));
    }

    @Test
    void eachLevelShortScoresLessAndTheLastEntryCoversAnythingFurther() {
        assertEquals(60.0, EducationLevels.qualificationScore("D3", "D4", SCORES));
        assertEquals(30.0, EducationLevels.qualificationScore("S1", "S3", SCORES));
        assertEquals(0.0, EducationLevels.qualificationScore("SMA", "S1", SCORES));
        assertEquals(0.0, EducationLevels.qualificationScore("SD", "S3", SCORES));
    }

    @Test
    void d4StandsWithS1AndD1WithSma() {
        // domain reference §2.2: S1/D4 and SMA/D1 enter at the same golongan
        assertEquals(0, EducationLevels.levelsShort("D4", "S1"));
        assertEquals(0, EducationLevels.levelsShort("D1", "SMA"));
        assertEquals(0, EducationLevels.levelsShort("SMA", "D1"));
        assertEquals(1, EducationLevels.levelsShort("D4", "S2"));
    }

    @Test
    void aMissingMinimumOrUnknownLevelDropsThePart() {
        assertNull(EducationLevels.qualificationScore("S1", null, SCORES));
        assertNull(EducationLevels.qualificationScore(null, "S1", SCORES));
        assertNull(EducationLevels.qualificationScore("MBA", "S1", SCORES));
        assertFalse(EducationLevels.isLevel("s1"));
        assertThrows(IllegalArgumentException.class, () -> EducationLevels.levelsShort("X", "S1"));
    }
}
