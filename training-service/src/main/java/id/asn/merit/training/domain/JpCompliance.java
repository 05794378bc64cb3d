package id.asn.merit.training.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;

/**
 * The yearly JP compliance of one person (SYSTEM.md §6.3): MET at or above the requirement; for a year still
 * running, AT_RISK when below it and, at the pace so far (recognised JP ÷ elapsed share of the year), the person
 * will not reach it; NOT_MET otherwise. A year that has ended has no AT_RISK: it is MET or NOT_MET. A year that has
 * not begun has no pace either, so below the requirement it is NOT_MET.
 *
 * <p>The pace is compared exactly, without division: {@code recognised × daysInYear < required × elapsedDays}; the
 * elapsed days count the day {@code asOf} itself (on 1 January one day has elapsed).
 */
public final class JpCompliance {
    private JpCompliance() {
    }

    public enum Status { MET, AT_RISK, NOT_MET }

    public static Status status(BigDecimal required, BigDecimal recognised, int year, LocalDate asOf) {
        if (recognised.compareTo(required) >= 0) {
            return Status.MET;
        }
        long elapsed = elapsedDays(year, asOf);
        int days = Year.of(year).length();
        if (elapsed <= 0 || elapsed >= days) {
            return Status.NOT_MET;
        }
        return recognised.multiply(BigDecimal.valueOf(days)).compareTo(required.multiply(BigDecimal.valueOf(elapsed))) < 0
                ? Status.AT_RISK : Status.NOT_MET;
    }

    /** {@code max(0, required − recognised)}. */
    public static BigDecimal shortfall(BigDecimal required, BigDecimal recognised) {
        return required.subtract(recognised).max(BigDecimal.ZERO);
    }

    /** Days of {@code year} elapsed on {@code asOf}, counting asOf: 0 before the year, the year's length after it. */
    public static long elapsedDays(int year, LocalDate asOf) {
        LocalDate first = LocalDate.of(year, 1, 1);
        if (asOf.isBefore(first)) {
            return 0;
        }
        if (asOf.getYear() > year) {
            return Year.of(year).length();
        }
        return asOf.getDayOfYear();
    }

    /**
     * The JP the person will have at the end of the year at their pace so far: {@code recognised × daysInYear ÷
     * elapsedDays}, 2 decimals; null when no day of the year has elapsed (no pace to speak of).
     */
    public static BigDecimal projectedJp(BigDecimal recognised, int year, LocalDate asOf) {
        long elapsed = elapsedDays(year, asOf);
        if (elapsed <= 0) {
            return null;
        }
        return recognised.multiply(BigDecimal.valueOf(Year.of(year).length()))
                .divide(BigDecimal.valueOf(elapsed), 2, RoundingMode.HALF_UP);
    }
}
