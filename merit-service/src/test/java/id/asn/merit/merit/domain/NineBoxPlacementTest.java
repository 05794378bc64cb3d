package id.asn.merit.merit.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 9-box table of SYSTEM.md §6.4 / domain reference §7.2, every cell. */
class NineBoxPlacementTest {
    static final MeritPolicyRules.AxisCutoffs DEFAULT = new MeritPolicyRules.AxisCutoffs(BigDecimal.valueOf(80), BigDecimal.valueOf(60));

    @ParameterizedTest(name = "performance {0} × potential {1} → box {2}")
    @CsvSource({
            "HIGH,   LOW,    4", "HIGH,   MEDIUM, 7", "HIGH,   HIGH, 9",
            "MEDIUM, LOW,    2", "MEDIUM, MEDIUM, 5", "MEDIUM, HIGH, 8",
            "LOW,    LOW,    1", "LOW,    MEDIUM, 3", "LOW,    HIGH, 6"})
    void everyCellOfTheTable(Axis performance, Axis potential, int box) {
        assertEquals(box, NineBoxPlacement.box(performance, potential));
    }

    @Test
    void aSangatBaikRatingWithHighPotentialIsBoxNine() {
        // SKP SANGAT_BAIK → 100 (HIGH); potential 86.5 (HIGH) → box 9, the national succession pool
        var placement = NineBoxPlacement.place(100, 86.5, DEFAULT);
        assertEquals(new NineBoxPlacement.Placement(Axis.HIGH, Axis.HIGH, 9), placement);
    }

    @Test
    void aBaikRatingWithMediumPotentialIsBoxSeven() {
        // BAIK → 80 is at the high cut-off, so "di atas ekspektasi"; potential 79.99 is just under it → MEDIUM → box 7
        assertEquals(new NineBoxPlacement.Placement(Axis.HIGH, Axis.MEDIUM, 7), NineBoxPlacement.place(80, 79.99, DEFAULT));
    }

    @Test
    void theCutoffsComeFromThePolicy() {
        // a stricter policy (high 90, medium 70) moves the same person from box 9 to box 5
        var strict = new MeritPolicyRules.AxisCutoffs(BigDecimal.valueOf(90), BigDecimal.valueOf(70));
        assertEquals(9, NineBoxPlacement.place(85, 85, DEFAULT).box());
        assertEquals(5, NineBoxPlacement.place(85, 85, strict).box());
    }
}
