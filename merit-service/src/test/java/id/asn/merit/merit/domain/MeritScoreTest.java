package id.asn.merit.merit.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Nilai talenta = 50 % performance + 50 % potential (domain reference §7.2/§7.3), and the SKP rating scores. */
class MeritScoreTest {
    static final MeritPolicyRules.MeritWeights FIFTY_FIFTY = new MeritPolicyRules.MeritWeights(BigDecimal.valueOf(50), BigDecimal.valueOf(50));
    static final Map<String, BigDecimal> SCORES = Map.of("SANGAT_BAIK", BigDecimal.valueOf(100), "BAIK", BigDecimal.valueOf(80),
            "BUTUH_PERBAIKAN", BigDecimal.valueOf(60), "KURANG", BigDecimal.valueOf(40), "SANGAT_KURANG", BigDecimal.valueOf(20));

    @Test
    void halfPerformanceHalfPotential() {
        // BAIK (80) and potential 86.5 → (80 + 86.5) / 2 = 83.25
        assertEquals(83.25, MeritScore.of(80, 86.5, FIFTY_FIFTY));
        assertEquals(83.25, MeritScore.of(80, 86.5, 50, 50));
    }

    @Test
    void theWeightsComeFromThePolicy() {
        // 40/60: 0.4×80 + 0.6×86.5 = 32 + 51.9 = 83.9
        assertEquals(83.9, MeritScore.of(80, 86.5, new MeritPolicyRules.MeritWeights(BigDecimal.valueOf(40), BigDecimal.valueOf(60))));
        assertThrows(IllegalArgumentException.class, () -> MeritScore.of(80, 80, 0, 0));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"SANGAT_BAIK, 100", "BAIK, 80", "BUTUH_PERBAIKAN, 60", "KURANG, 40", "SANGAT_KURANG, 20"})
    void performanceScoresOfTheDefaultPolicy(String rating, double score) {
        assertEquals(score, PerformanceScore.of(rating, SCORES));
    }

    @Test
    void anUnknownRatingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PerformanceScore.of("ISTIMEWA", SCORES));
    }
}
