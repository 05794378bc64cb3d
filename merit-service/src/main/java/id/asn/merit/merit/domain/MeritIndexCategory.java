package id.asn.merit.merit.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The merit index category of a self-assessment total (domain reference §8.3; bands are policy data): by default
 * I Buruk 100–174, II Kurang 175–249, III Baik 250–324, IV Sangat Baik 325–400. A total between two bands' whole
 * numbers (174.5) belongs to the lower band: a band starts at its {@code from}.
 */
public final class MeritIndexCategory {
    public static final BigDecimal MIN = BigDecimal.valueOf(100);
    public static final BigDecimal MAX = BigDecimal.valueOf(400);

    private MeritIndexCategory() {
    }

    public static MeritPolicyRules.IndexBand of(BigDecimal total, List<MeritPolicyRules.IndexBand> bands) {
        if (total.compareTo(MIN) < 0 || total.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("a merit index total is 100..400, not " + total.stripTrailingZeros().toPlainString());
        }
        MeritPolicyRules.IndexBand found = null;
        for (MeritPolicyRules.IndexBand band : bands) {
            if (total.compareTo(band.from()) >= 0) {
                found = band;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no band starts at or below " + total.toPlainString());
        }
        return found;
    }
}
