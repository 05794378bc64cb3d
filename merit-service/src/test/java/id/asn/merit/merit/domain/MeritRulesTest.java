package id.asn.merit.merit.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MeritRulesTest {
    @ParameterizedTest(name = "performance {0} × potential {1} → box {2}")
    @CsvSource({"HIGH, LOW, 4", "HIGH, MEDIUM, 7", "HIGH, HIGH, 9", "MEDIUM, LOW, 2", "MEDIUM, MEDIUM, 5", "MEDIUM, HIGH, 8",
            "LOW, LOW, 1", "LOW, MEDIUM, 3", "LOW, HIGH, 6"})
    void nineBox(Axis performance, Axis potential, int box) {
        assertEquals(box, NineBoxPlacement.box(performance, potential));
    }

    @ParameterizedTest(name = "score {0} → {1}")
    @CsvSource({"100, HIGH", "80, HIGH", "79.99, MEDIUM", "60, MEDIUM", "59.99, LOW", "0, LOW"})
    void axisCutoffsOfThePolicy(double score, Axis axis) {
        assertEquals(axis, Axis.of(score, 80, 60));
    }

    static Map<String, Double> weights() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("competency", 40.0);
        w.put("potentialTest", 25.0);
        w.put("qualification", 20.0);
        w.put("integrity", 15.0);
        return w;
    }

    @Test
    void potentialWithAllParts() {
        // 0.40×85 + 0.25×70 + 0.20×100 + 0.15×100 = 34 + 17.5 + 20 + 15 = 86.5
        var r = PotentialScore.compute(Map.of("competency", 85.0, "potentialTest", 70.0, "qualification", 100.0, "integrity", 100.0), weights());
        assertEquals(86.5, r.score());
        assertEquals(List.of(), r.missing());
    }

    @Test
    void aMissingPartIsDroppedAndTheRestReweighted() {
        // no potential test: weights 40/20/15 of 75 → 85×40/75 + 100×20/75 + 50×15/75 = 45.33 + 26.67 + 10 = 82.0
        Map<String, Double> parts = new HashMap<>(Map.of("competency", 85.0, "qualification", 100.0, "integrity", 50.0));
        var r = PotentialScore.compute(parts, weights());
        assertEquals(82.0, r.score());
        assertEquals(List.of("potentialTest"), r.missing());
        assertEquals(53.33, r.effectiveWeights().get("competency"));
        assertNull(PotentialScore.compute(Map.of(), weights()).score());
    }

    @Test
    void meritScoreWeighsPerformanceAndPotential() {
        assertEquals(83.25, MeritScore.of(80, 86.5, 50, 50));
        assertEquals(83.9, MeritScore.of(80, 86.5, 40, 60));
    }
}
