package id.asn.merit.merit.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Potential = weighted mean of its parts (competency, potential test, qualification, integrity; weights from the
 * policy, SYSTEM.md §6.4). A missing part is dropped and the others re-weighted in proportion, and the result says
 * which parts were missing and which weights were in effect.
 */
public final class PotentialScore {
    public static final String COMPETENCY = "competency";
    public static final String POTENTIAL_TEST = "potentialTest";
    public static final String QUALIFICATION = "qualification";
    public static final String INTEGRITY = "integrity";

    /**
     * @param score            0..100 rounded to 2 decimals, or null when no part is known
     * @param effectiveWeights part → percent weight actually applied (sums to 100 up to rounding)
     * @param missing          the parts that were not known, in policy order
     */
    public record Result(Double score, Map<String, Double> effectiveWeights, List<String> missing) {
        public boolean reweighted() {
            return !missing.isEmpty();
        }
    }

    private PotentialScore() {
    }

    public static Result compute(Map<String, Double> parts, MeritPolicyRules.PotentialWeights weights) {
        return compute(parts, weights.asMap());
    }

    /**
     * @param parts   part name → score 0..100; a part absent or null is missing
     * @param weights part name → weight (any positive scale); a part with weight 0 never counts
     */
    public static Result compute(Map<String, Double> parts, Map<String, Double> weights) {
        double weightSum = 0;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            Double value = parts.get(w.getKey());
            if (value == null) {
                missing.add(w.getKey());
            } else {
                if (value < 0 || value > 100) {
                    throw new IllegalArgumentException(w.getKey() + " score must be 0..100, not " + value);
                }
                weightSum += w.getValue();
            }
        }
        if (weightSum <= 0) {
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
        return new Result(round(score), effective, List.copyOf(missing));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
