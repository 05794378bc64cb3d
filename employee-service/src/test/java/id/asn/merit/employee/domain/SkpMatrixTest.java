package id.asn.merit.employee.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SkpMatrixTest {
    /** All nine cells of SYSTEM.md §6.2 (PermenPANRB 6/2022). */
    @ParameterizedTest(name = "result {0} × behaviour {1} → {2}")
    @CsvSource({
            "ABOVE, BELOW, KURANG", "ABOVE, AS_EXPECTED, BAIK", "ABOVE, ABOVE, SANGAT_BAIK",
            "AS_EXPECTED, BELOW, KURANG", "AS_EXPECTED, AS_EXPECTED, BAIK", "AS_EXPECTED, ABOVE, BAIK",
            "BELOW, BELOW, SANGAT_KURANG", "BELOW, AS_EXPECTED, BUTUH_PERBAIKAN", "BELOW, ABOVE, BUTUH_PERBAIKAN"})
    void regulationMatrix(Appraisal workResult, Appraisal workBehaviour, SkpRating expected) {
        assertEquals(expected, SkpMatrix.REGULATION.rate(workResult, workBehaviour));
    }

    @Test
    void anIncompleteMatrixIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SkpMatrix(Map.of()));
    }
}
