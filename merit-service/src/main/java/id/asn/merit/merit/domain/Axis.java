package id.asn.merit.merit.domain;

import java.math.BigDecimal;

/**
 * A 9-box axis band (SYSTEM.md §6.4): a score at or above the policy's high cut-off is HIGH (di atas ekspektasi /
 * tinggi), at or above the medium cut-off MEDIUM (sesuai / menengah), else LOW (di bawah / rendah).
 */
public enum Axis {
    LOW, MEDIUM, HIGH;

    public static Axis of(double score, double highCutoff, double mediumCutoff) {
        if (highCutoff <= mediumCutoff) {
            throw new IllegalArgumentException("the high cut-off must be above the medium one");
        }
        if (score >= highCutoff) {
            return HIGH;
        }
        return score >= mediumCutoff ? MEDIUM : LOW;
    }

    public static Axis of(double score, MeritPolicyRules.AxisCutoffs cutoffs) {
        return of(score, cutoffs.high().doubleValue(), cutoffs.medium().doubleValue());
    }

    public static Axis of(BigDecimal score, MeritPolicyRules.AxisCutoffs cutoffs) {
        if (cutoffs.high().compareTo(cutoffs.medium()) <= 0) {
            throw new IllegalArgumentException("the high cut-off must be above the medium one");
        }
        if (score.compareTo(cutoffs.high()) >= 0) {
            return HIGH;
        }
        return score.compareTo(cutoffs.medium()) >= 0 ? MEDIUM : LOW;
    }
}
