package id.asn.merit.employee.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which entry of a dated history is in force: the one with the latest effective date on or before today; among
 * entries of the same date, the one recorded last. A back-dated entry therefore never displaces a later one, and
 * a future-dated entry waits for its date.
 */
public final class EffectiveHistory {
    private EffectiveHistory() {
    }

    public static <T> Optional<T> inForce(List<T> entries, Function<T, LocalDate> effectiveDate, Function<T, Long> recordOrder,
            LocalDate today) {
        return entries.stream()
                .filter(e -> !effectiveDate.apply(e).isAfter(today))
                .max(Comparator.comparing(effectiveDate).thenComparing(recordOrder));
    }

    /** The first date after today on which an entry takes effect, if any: the day the entry in force may change. */
    public static <T> Optional<LocalDate> nextChange(List<T> entries, Function<T, LocalDate> effectiveDate, LocalDate today) {
        return entries.stream().map(effectiveDate).filter(d -> d.isAfter(today)).min(Comparator.naturalOrder());
    }

    /** The earlier of two optional dates. */
    public static Optional<LocalDate> earliest(Optional<LocalDate> a, Optional<LocalDate> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().isBefore(b.get()) ? a : b;
    }
}
