package id.asn.merit.merit.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain reference §8.3: I Buruk 100–174, II Kurang 175–249, III Baik 250–324, IV Sangat Baik 325–400, at each band edge. */
class MeritIndexCategoryTest {
    private static final List<MeritPolicyRules.IndexBand> DEFAULTS = MeritPolicyRules.IndexBand.DEFAULTS;

    @ParameterizedTest(name = "{0} is {1} {2}")
    @CsvSource({
            "100, I, Buruk",
            "174, I, Buruk",
            "174.99, I, Buruk",
            "175, II, Kurang",
            "249, II, Kurang",
            "249.5, II, Kurang",
            "250, III, Baik",
            "324, III, Baik",
            "324.99, III, Baik",
            "325, IV, Sangat Baik",
            "362.5, IV, Sangat Baik",
            "400, IV, Sangat Baik"})
    void theDefaultBandsAtTheirEdges(String total, String category, String label) {
        MeritPolicyRules.IndexBand band = MeritIndexCategory.of(new BigDecimal(total), DEFAULTS);
        assertEquals(category, band.category());
        assertEquals(label, band.label());
    }

    @ParameterizedTest
    @CsvSource({"99.99", "0", "-5", "400.01", "500"})
    void aTotalOutside100To400IsRejected(String total) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeritIndexCategory.of(new BigDecimal(total), DEFAULTS));
        assertTrue(e.getMessage().contains("100..400"), e.getMessage());
    }

    @Test
    void customBandsFromThePolicyDecide() {
        List<MeritPolicyRules.IndexBand> bands = List.of(
                new MeritPolicyRules.IndexBand("C", "Needs work", BigDecimal.valueOf(100)),
                new MeritPolicyRules.IndexBand("B", "Fair", new BigDecimal("200.5")),
                new MeritPolicyRules.IndexBand("A", "Good", BigDecimal.valueOf(300)));
        assertEquals("C", MeritIndexCategory.of(new BigDecimal("200.49"), bands).category());
        assertEquals("B", MeritIndexCategory.of(new BigDecimal("200.5"), bands).category());
        assertEquals("B", MeritIndexCategory.of(new BigDecimal("299.99"), bands).category());
        assertEquals("A", MeritIndexCategory.of(BigDecimal.valueOf(300), bands).category());
        assertEquals("Good", MeritIndexCategory.of(BigDecimal.valueOf(400), bands).label());
    }

    @Test
    void bandsThatStartAbove100LeaveLowTotalsWithoutACategory() {
        List<MeritPolicyRules.IndexBand> bands = List.of(new MeritPolicyRules.IndexBand("X", "Only", BigDecimal.valueOf(150)));
        assertThrows(IllegalArgumentException.class, () -> MeritIndexCategory.of(BigDecimal.valueOf(120), bands));
        assertEquals("X", MeritIndexCategory.of(BigDecimal.valueOf(150), bands).category());
    }
}
