package id.asn.merit.training.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A duration to JP (SYSTEM.md §6.3: 1 JP = 45 minutes where a record gives a duration instead of JP; the 45 is
 * UNCONFIRMED as regulation, domain.md §5.2 and §10.3, so the minutes per JP are configuration). The reference keeps
 * JP "as stated" with decimals allowed (numeric JP caps), so a duration converts to JP rounded half-up to 2 decimals:
 * 90 minutes = 2 JP, 100 minutes = 2.22 JP, 30 minutes = 0.67 JP.
 */
public final class JpUnits {
    private JpUnits() {
    }

    public static final int DEFAULT_MINUTES_PER_JP = 45;

    public static BigDecimal fromMinutes(int minutes, int minutesPerJp) {
        if (minutes <= 0) {
            throw new IllegalArgumentException("minutes must be positive");
        }
        if (minutesPerJp <= 0) {
            throw new IllegalArgumentException("minutesPerJp must be positive");
        }
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(minutesPerJp), 2, RoundingMode.HALF_UP);
    }
}
