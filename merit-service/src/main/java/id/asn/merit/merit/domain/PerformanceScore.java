package id.asn.merit.merit.domain;

import java.math.BigDecimal;
import java.util.Map;

/** The performance score of an ANNUAL SKP rating, from the policy's table (default SANGAT_BAIK 100 … SANGAT_KURANG 20). */
public final class PerformanceScore {
    private PerformanceScore() {
    }

    public static double of(String rating, Map<String, BigDecimal> performanceScores) {
        BigDecimal score = performanceScores.get(rating);
        if (score == null) {
            throw new IllegalArgumentException("the policy has no performance score for rating " + rating);
        }
        return score.doubleValue();
    }
}
