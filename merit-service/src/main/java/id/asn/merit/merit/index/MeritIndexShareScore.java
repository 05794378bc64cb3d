package id.asn.merit.merit.index;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A measured indicator's score 1..4 from a share (percent) and the indicator's thresholds t1 < t2 < t3 (data):
 * share below t1 scores 1, below t2 2, below t3 3, else 4. A share exactly at a threshold belongs to the higher
 * score, as "at least 75 %" reads.
 */
public final class MeritIndexShareScore {
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private MeritIndexShareScore() {
    }

    /** The share numerator / denominator in percent, 1 decimal; null when there is nothing to measure. */
    public static BigDecimal share(long numerator, long denominator) {
        if (denominator <= 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(HUNDRED).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    public static int score(BigDecimal sharePercent, List<BigDecimal> thresholds) {
        List<String> problems = problems(thresholds);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (sharePercent == null || sharePercent.signum() < 0 || sharePercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("a share is 0..100 %, not " + sharePercent);
        }
        int score = MIN_SCORE;
        for (BigDecimal t : thresholds) {
            if (sharePercent.compareTo(t) >= 0) {
                score++;
            }
        }
        return score;
    }

    /** What is wrong with a threshold list (three ascending percents 0..100); empty when it is usable. */
    public static List<String> problems(List<BigDecimal> thresholds) {
        if (thresholds == null || thresholds.size() != MAX_SCORE - MIN_SCORE) {
            return List.of("must be three shares in percent, ascending, e.g. [25, 50, 75]");
        }
        for (int i = 0; i < thresholds.size(); i++) {
            BigDecimal t = thresholds.get(i);
            if (t == null || t.signum() < 0 || t.compareTo(HUNDRED) > 0) {
                return List.of("each threshold is 0..100 %");
            }
            if (i > 0 && t.compareTo(thresholds.get(i - 1)) <= 0) {
                return List.of("must be ascending, e.g. [25, 50, 75]");
            }
        }
        return List.of();
    }
}
