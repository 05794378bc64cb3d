package id.asn.merit.merit.domain;

/** A 9-box axis band: a score at or above the high cut-off is HIGH, at or above the medium one MEDIUM, else LOW. */
public enum Axis {
    LOW, MEDIUM, HIGH;

    public static Axis of(double score, double highCutoff, double mediumCutoff) {
        if (score >= highCutoff) {
            return HIGH;
        }
        return score >= mediumCutoff ? MEDIUM : LOW;
    }
}
