package id.asn.merit.competency.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules of one gap/JPM policy version (SYSTEM.md §6.1, domain.md §4.3 and §4.4): data an ADMIN reads and
 * replaces, never constants in code. Every threshold here is either UNCONFIRMED by the reference (domain.md §10.6:
 * the origin of the MAPPING bands, the BKN text of the SELECTION ones) or a default of our own (validity window,
 * rounding, learning pathway), so each is a field.
 *
 * <p>A policy built from an ADMIN's PUT may be incomplete or inconsistent; {@link #violations()} lists every
 * broken rule with the field it concerns (a JSON path), so the REST layer can answer {@code 422} naming them all.
 * The methods that apply the policy ({@link #category}, {@link #round}, ...) assume a policy without violations.
 *
 * @param mapping          purpose MAPPING: OPTIMAL at or above {@code optimal}, CUKUP_OPTIMAL at or above
 *                         {@code cukupOptimal}, else KURANG_OPTIMAL (default 90 / 78, domain.md §4.3(b))
 * @param selection        purpose SELECTION: MEMENUHI_SYARAT at or above {@code memenuhiSyarat},
 *                         MASIH_MEMENUHI_SYARAT at or above {@code masihMemenuhiSyarat}, else
 *                         KURANG_MEMENUHI_SYARAT (default 80 / 68, domain.md §4.3(a))
 * @param validityYears    an assessment counts for this many years after {@code assessedOn} (default 3,
 *                         SYSTEM.md §6.1; the reference gives no period)
 * @param rounding         how {@code jpm} and averages are rounded (default 2 decimals HALF_UP, SYSTEM.md §6.1;
 *                         the reference says nothing on rounding)
 * @param klasikalFromGap  a development need whose shortfall (required − actual) is at least this many levels
 *                         suggests KLASIKAL, a smaller one NONKLASIKAL (default 2; our own default, not
 *                         regulation — issue #7)
 */
public record GapPolicy(
        MappingBands mapping,
        SelectionBands selection,
        Integer validityYears,
        Rounding rounding,
        BigDecimal klasikalFromGap) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** More decimals than this would be false precision on levels given to one decimal. */
    public static final int MAX_SCALE = 6;

    /** Purpose MAPPING bands (percent JPM). */
    public record MappingBands(BigDecimal optimal, BigDecimal cukupOptimal) {
    }

    /** Purpose SELECTION bands (percent JPM). */
    public record SelectionBands(BigDecimal memenuhiSyarat, BigDecimal masihMemenuhiSyarat) {
    }

    /** Decimal places and rounding mode of a computed percentage or average. */
    public record Rounding(Integer scale, RoundingMode mode) {
    }

    /** One rule the policy breaks: the field (JSON path) and why. */
    public record Violation(String field, String message) {
    }

    /** The defaults of SYSTEM.md §6.1 and issue #7. */
    public static GapPolicy defaults() {
        return new GapPolicy(
                new MappingBands(BigDecimal.valueOf(90), BigDecimal.valueOf(78)),
                new SelectionBands(BigDecimal.valueOf(80), BigDecimal.valueOf(68)),
                3,
                new Rounding(2, RoundingMode.HALF_UP),
                BigDecimal.valueOf(2));
    }

    /** Every broken rule, each naming its field; empty when the policy can be applied. */
    public List<Violation> violations() {
        List<Violation> v = new ArrayList<>();
        if (mapping == null) {
            v.add(new Violation("mapping", "is required"));
        } else {
            bands(v, "mapping.optimal", mapping.optimal(), "mapping.cukupOptimal", mapping.cukupOptimal());
        }
        if (selection == null) {
            v.add(new Violation("selection", "is required"));
        } else {
            bands(v, "selection.memenuhiSyarat", selection.memenuhiSyarat(),
                    "selection.masihMemenuhiSyarat", selection.masihMemenuhiSyarat());
        }
        if (validityYears == null) {
            v.add(new Violation("validityYears", "is required"));
        } else if (validityYears <= 0) {
            v.add(new Violation("validityYears", "must be above 0, not " + validityYears));
        }
        if (rounding == null) {
            v.add(new Violation("rounding", "is required"));
        } else {
            if (rounding.scale() == null) {
                v.add(new Violation("rounding.scale", "is required"));
            } else if (rounding.scale() < 0 || rounding.scale() > MAX_SCALE) {
                v.add(new Violation("rounding.scale", "must be 0.." + MAX_SCALE + ", not " + rounding.scale()));
            }
            if (rounding.mode() == null) {
                v.add(new Violation("rounding.mode", "is required"));
            } else if (rounding.mode() == RoundingMode.UNNECESSARY) {
                v.add(new Violation("rounding.mode", "must round (UNNECESSARY fails on 2/3)"));
            }
        }
        if (klasikalFromGap == null) {
            v.add(new Violation("klasikalFromGap", "is required"));
        } else if (klasikalFromGap.signum() <= 0 || klasikalFromGap.compareTo(BigDecimal.valueOf(4)) > 0) {
            // the largest possible shortfall is 5 − 1 = 4 levels
            v.add(new Violation("klasikalFromGap", "must be above 0 and at most 4 levels, not " + plain(klasikalFromGap)));
        }
        return v;
    }

    private static void bands(List<Violation> v, String upperField, BigDecimal upper, String lowerField, BigDecimal lower) {
        boolean ok = percent(v, upperField, upper) & percent(v, lowerField, lower);
        if (ok && upper.compareTo(lower) <= 0) {
            v.add(new Violation(upperField, "must be above " + lowerField + " (" + plain(upper) + " ≤ " + plain(lower) + ")"));
        }
    }

    private static boolean percent(List<Violation> v, String field, BigDecimal value) {
        if (value == null) {
            v.add(new Violation(field, "is required"));
            return false;
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            v.add(new Violation(field, "must be within 0..100, not " + plain(value)));
            return false;
        }
        return true;
    }

    /**
     * The category of an (already rounded) JPM for a purpose; a JPM exactly on a threshold is in the upper band
     * (domain.md §4.3: "≥ 90", "78 – < 90"). Categorising the rounded value keeps the number shown and its
     * category consistent (89.996 shows as 90.00 and is OPTIMAL).
     */
    public JpmCategory category(AssessmentPurpose purpose, BigDecimal jpm) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(jpm, "jpm");
        return switch (purpose) {
            case MAPPING -> jpm.compareTo(mapping.optimal()) >= 0 ? JpmCategory.OPTIMAL
                    : jpm.compareTo(mapping.cukupOptimal()) >= 0 ? JpmCategory.CUKUP_OPTIMAL
                    : JpmCategory.KURANG_OPTIMAL;
            case SELECTION -> jpm.compareTo(selection.memenuhiSyarat()) >= 0 ? JpmCategory.MEMENUHI_SYARAT
                    : jpm.compareTo(selection.masihMemenuhiSyarat()) >= 0 ? JpmCategory.MASIH_MEMENUHI_SYARAT
                    : JpmCategory.KURANG_MEMENUHI_SYARAT;
        };
    }

    /** {@code value} rounded as the policy says. */
    public BigDecimal round(BigDecimal value) {
        return value.setScale(rounding.scale(), rounding.mode());
    }

    /** {@code numerator / denominator} rounded once, as the policy says, at {@code extraScale} more decimals. */
    public BigDecimal divide(BigDecimal numerator, BigDecimal denominator, int extraScale) {
        return numerator.divide(denominator, rounding.scale() + extraScale, rounding.mode());
    }

    /**
     * Whether an assessment dated {@code assessedOn} counts on {@code on}: not after {@code on}, and not older
     * than the window — an assessment exactly {@code validityYears} before {@code on} still counts, one a day
     * older does not ({@link LocalDate#minusYears}: an assessment of 29 February 2028 still counts on 28 February
     * 2031 and no longer on 1 March 2031).
     */
    public boolean isValidOn(LocalDate assessedOn, LocalDate on) {
        return !assessedOn.isAfter(on) && !assessedOn.isBefore(on.minusYears(validityYears));
    }

    /** KLASIKAL when the shortfall (required − actual, in levels) reaches {@link #klasikalFromGap}, else NONKLASIKAL. */
    public LearningPathway pathway(BigDecimal shortfall) {
        return shortfall.compareTo(klasikalFromGap) >= 0 ? LearningPathway.KLASIKAL : LearningPathway.NONKLASIKAL;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
