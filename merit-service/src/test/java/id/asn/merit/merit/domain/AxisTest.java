package id.asn.merit.merit.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Axis bands: ≥ high → HIGH, ≥ medium → MEDIUM, else LOW (SYSTEM.md §6.4, default 80/60). */
class AxisTest {
    static final MeritPolicyRules.AxisCutoffs DEFAULT = new MeritPolicyRules.AxisCutoffs(BigDecimal.valueOf(80), BigDecimal.valueOf(60));

    @ParameterizedTest(name = "score {0} → {1}")
    @CsvSource({"100, HIGH", "80, HIGH", "79.99, MEDIUM", "60, MEDIUM", "59.99, LOW", "0, LOW"})
    void theBoundariesOfTheDefaultCutoffs(double score, Axis axis) {
        assertEquals(axis, Axis.of(score, DEFAULT));
        assertEquals(axis, Axis.of(score, 80, 60));
    }

    @ParameterizedTest(name = "exact decimal {0} → {1}")
    @CsvSource({"80.00, HIGH", "79.99, MEDIUM", "60.00, MEDIUM", "59.99, LOW"})
    void decimalScoresAreComparedExactly(BigDecimal score, Axis axis) {
        assertEquals(axis, Axis.of(score, DEFAULT));
    }

    @Test
    void anotherPolicyMovesTheBoundaries() {
        var lenient = new MeritPolicyRules.AxisCutoffs(BigDecimal.valueOf(75), BigDecimal.valueOf(50));
        assertEquals(Axis.HIGH, Axis.of(75, lenient));
        assertEquals(Axis.MEDIUM, Axis.of(50, lenient));
        assertEquals(Axis.LOW, Axis.of(49.99, lenient));
    }

    @Test
    void inconsistentCutoffsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Axis.of(70, 60, 60));
    }
}
