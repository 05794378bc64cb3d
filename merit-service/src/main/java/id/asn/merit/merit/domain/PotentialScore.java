package id.asn.merit.merit.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Potential = weighted mean of its parts (competency, potential test, qualification, integrity; weights from the
 * policy). A missing part is dropped and the others re-weighted, and the result says which parts were missing.
 */
public final class PotentialScore {
    public record Result(Double score, Map<String, Double> effectiveWeights, List<String> missing) {
    }

    private PotentialScore() {
    }

    /** @param parts part name → score 0..100, or null when the part is not known */
    public static Result compute(Map<String, Double> parts, Map<String, Double> weights) {
        double weightSum = 0;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (parts.get(w.getKey()) == null) {
                missing.add(w.getKey());
            } else {
                weightSum += w.getValue();
            }
        }
        if (weightSum == 0) {
            return new Result(null, Map.of(), missing);
        }
        double score = 0;
        Map<String, Double> effective = new LinkedHashMap<>();
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            Double value = parts.get(w.getKey());
            if (value != null) {
                double share = w.getValue() / weightSum;
                effective.put(w.getKey(), round(share * 100));
                score += share * value;
            }
        }
        return new Result(round(score), effective, missing);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
