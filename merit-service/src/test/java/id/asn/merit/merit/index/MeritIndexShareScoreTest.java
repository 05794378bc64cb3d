package id.asn.merit.merit.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A measured indicator's share → score 1..4 by its thresholds (data): below 25 % 1, below 50 % 2, below 75 % 3, else 4. */
class MeritIndexShareScoreTest {
    private static final List<BigDecimal> DEFAULT = List.of(BigDecimal.valueOf(25), BigDecimal.valueOf(50), BigDecimal.valueOf(75));

    @ParameterizedTest(name = "{0} % scores {1}")
    @CsvSource({"0, 1", "24.9, 1", "25, 2", "49.9, 2", "50, 3", "74.9, 3", "75, 4", "100, 4"})
    void theDefaultThresholds(String share, int score) {
        assertEquals(score, MeritIndexShareScore.score(new BigDecimal(share), DEFAULT));
    }

    @Test
    void customThresholdsAreData() {
        List<BigDecimal> strict = List.of(BigDecimal.valueOf(60), BigDecimal.valueOf(80), BigDecimal.valueOf(95));
        assertEquals(1, MeritIndexShareScore.score(new BigDecimal("59.9"), strict));
        assertEquals(2, MeritIndexShareScore.score(BigDecimal.valueOf(60), strict));
        assertEquals(3, MeritIndexShareScore.score(new BigDecimal("94.9"), strict));
        assertEquals(4, MeritIndexShareScore.score(BigDecimal.valueOf(95), strict));
    }

    @Test
    void theShareIsAPercentWithOneDecimal() {
        assertEquals(new BigDecimal("77.7"), MeritIndexShareScore.share(412, 530));
        assertEquals(new BigDecimal("33.3"), MeritIndexShareScore.share(1, 3));
        assertEquals(new BigDecimal("66.7"), MeritIndexShareScore.share(2, 3));
        assertEquals(new BigDecimal("100.0"), MeritIndexShareScore.share(5, 5));
        assertNull(MeritIndexShareScore.share(0, 0), "nothing to measure is no share, not 0 %");
    }

    @Test
    void badThresholdsAreNamed() {
        assertFalse(MeritIndexShareScore.problems(List.of(BigDecimal.TEN, BigDecimal.ONE, BigDecimal.valueOf(50))).isEmpty());
        assertFalse(MeritIndexShareScore.problems(List.of(BigDecimal.TEN, BigDecimal.valueOf(50))).isEmpty());
        assertFalse(MeritIndexShareScore.problems(List.of(BigDecimal.TEN, BigDecimal.valueOf(50), BigDecimal.valueOf(101))).isEmpty());
        assertFalse(MeritIndexShareScore.problems(List.of(BigDecimal.TEN, BigDecimal.TEN, BigDecimal.valueOf(50))).isEmpty());
        assertFalse(MeritIndexShareScore.problems(null).isEmpty());
        assertTrue(MeritIndexShareScore.problems(DEFAULT).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> MeritIndexShareScore.score(BigDecimal.TEN, List.of(BigDecimal.ONE)));
        assertThrows(IllegalArgumentException.class, () -> MeritIndexShareScore.score(new BigDecimal("100.1"), DEFAULT));
    }
}
