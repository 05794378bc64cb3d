package id.asn.merit.merit.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Potential = 40 % competency + 25 % potential test + 20 % qualification + 15 % integrity (policy default, SYSTEM.md §6.4). */
class PotentialScoreTest {
    static final MeritPolicyRules.PotentialWeights DEFAULT = new MeritPolicyRules.PotentialWeights(
            BigDecimal.valueOf(40), BigDecimal.valueOf(25), BigDecimal.valueOf(20), BigDecimal.valueOf(15));

    @Test
    void allPartsPresent() {
        // 0.40×85 + 0.25×70 + 0.20×100 + 0.15×100 = 34 + 17.5 + 20 + 15 = 86.5
        var r = PotentialScore.compute(Map.of("competency", 85.0, "potentialTest", 70.0, "qualification", 100.0, "integrity", 100.0), DEFAULT);
        assertEquals(86.5, r.score());
        assertEquals(List.of(), r.missing());
        assertFalse(r.reweighted());
        assertEquals(Map.of("competency", 40.0, "potentialTest", 25.0, "qualification", 20.0, "integrity", 15.0), r.effectiveWeights());
    }

    @Test
    void aMissingPotentialTestIsDroppedAndTheRestReweighted() {
        // no potential test: weights 40/20/15 of 75 → 85×40/75 + 100×20/75 + 50×15/75 = 45.33 + 26.67 + 10 = 82.0
        Map<String, Double> parts = new HashMap<>(Map.of("competency", 85.0, "qualification", 100.0, "integrity", 50.0));
        parts.put("potentialTest", null);
        var r = PotentialScore.compute(parts, DEFAULT);
        assertEquals(82.0, r.score());
        assertEquals(List.of("potentialTest"), r.missing());
        assertTrue(r.reweighted());
        assertEquals(53.33, r.effectiveWeights().get("competency"));
        assertEquals(26.67, r.effectiveWeights().get("qualification"));
        assertEquals(20.0, r.effectiveWeights().get("integrity"));
    }

    @Test
    void twoMissingPartsAreBothNamedInPolicyOrder() {
        // only competency 70 and integrity 0 (MODERATE discipline): 70×40/55 + 0×15/55 = 50.91
        var r = PotentialScore.compute(Map.of("competency", 70.0, "integrity", 0.0), DEFAULT);
        assertEquals(50.91, r.score());
        assertEquals(List.of("potentialTest", "qualification"), r.missing());
    }

    @Test
    void nothingKnownIsNoScore() {
        var r = PotentialScore.compute(Map.of(), DEFAULT);
        assertNull(r.score());
        assertEquals(List.of("competency", "potentialTest", "qualification", "integrity"), r.missing());
    }

    @Test
    void theWeightsComeFromThePolicy() {
        var competencyOnly = new MeritPolicyRules.PotentialWeights(BigDecimal.valueOf(100), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        assertEquals(85.0, PotentialScore.compute(Map.of("competency", 85.0, "potentialTest", 10.0, "qualification", 0.0, "integrity", 0.0),
                competencyOnly).score());
    }

    @Test
    void aScoreOutsideZeroToHundredIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PotentialScore.compute(Map.of("competency", 120.0), DEFAULT));
    }
}
