package id.asn.merit.merit.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * Discipline in the look-back window (SYSTEM.md §6.4; domain reference §7.4: hukuman disiplin sedang/berat in the
 * last 2 years excludes from the talent pool and blocks promotion). A decision counts when it was made after
 * {@code asOf − years} and not after {@code asOf}: with 2 years and asOf 2026-12-31, a decision of 2025-01-01 counts,
 * one of 2024-12-31 does not.
 */
public final class DisciplineWindow {
    public enum Level { LIGHT, MODERATE, SEVERE }

    /** One disciplinary decision as merit-service knows it (level and date, never the description). */
    public record Decision(Level level, LocalDate decidedOn, String eventId) {
    }

    private DisciplineWindow() {
    }

    public static boolean within(LocalDate decidedOn, LocalDate asOf, int years) {
        return decidedOn.isAfter(asOf.minusYears(years)) && !decidedOn.isAfter(asOf);
    }

    /** The most severe decision within the window, the newest of equal severity; empty when none. */
    public static Optional<Decision> worst(Collection<Decision> decisions, LocalDate asOf, int years) {
        Decision worst = null;
        for (Decision d : decisions) {
            if (!within(d.decidedOn(), asOf, years)) {
                continue;
            }
            if (worst == null || d.level().ordinal() > worst.level().ordinal()
                    || d.level() == worst.level() && d.decidedOn().isAfter(worst.decidedOn())) {
                worst = d;
            }
        }
        return Optional.ofNullable(worst);
    }

    /** MODERATE or SEVERE within the window: out of the talent pool, a promotion blocker. */
    public static Optional<Decision> excluding(Collection<Decision> decisions, LocalDate asOf, int years) {
        return worst(decisions, asOf, years).filter(d -> d.level() != Level.LIGHT);
    }

    /** The integrity part of potential: the policy's score for the worst decision in the window (none: the top score). */
    public static double integrityScore(Collection<Decision> decisions, LocalDate asOf, int years, MeritPolicyRules.IntegrityScores scores) {
        return worst(decisions, asOf, years)
                .map(d -> d.level() == Level.LIGHT ? scores.light() : scores.moderateOrSevere())
                .orElse(scores.none()).doubleValue();
    }
}
