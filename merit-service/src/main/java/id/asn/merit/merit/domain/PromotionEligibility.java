package id.asn.merit.merit.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Promotion eligibility blockers (SYSTEM.md §6.4) and the ranking order, as pure functions. For a ranking of year Y
 * (the merit year whose data decides, as for profiles): MODERATE/SEVERE discipline within the look-back window to
 * {@code asOf}; an annual SKP below the policy's minimum (BAIK) in Y or the year before (the policy's skpYears; a
 * year without an annual SKP is not a blocker, it is said in the evidence of none); JP of Y not met; rank below the
 * target's minRank (or not comparable); and, for a managerial target, the required leadership training missing —
 * the only blocker that can be waived.
 */
public final class PromotionEligibility {
    public static final String DISCIPLINE = "DISCIPLINE";
    public static final String SKP_BELOW_MINIMUM = "SKP_BELOW_MINIMUM";
    public static final String JP_NOT_MET = "JP_NOT_MET";
    public static final String RANK_BELOW_MINIMUM = "RANK_BELOW_MINIMUM";
    public static final String LEADERSHIP_TRAINING_MISSING = "LEADERSHIP_TRAINING_MISSING";

    /** Leadership trainings, lowest first (domain reference §5.4). */
    public static final List<String> LEADERSHIP_ORDER = List.of("PKP", "PKA", "PKN_II", "PKN_I");
    /** The training a managerial position type requires when the position names none. */
    public static final Map<String, String> LEADERSHIP_BY_TYPE = Map.of(
            "PENGAWAS", "PKP", "ADMINISTRATOR", "PKA", "JPT_PRATAMA", "PKN_II", "JPT_MADYA", "PKN_I");

    public record Blocker(String rule, String evidence, boolean waivable, boolean waived) {
    }

    public record Target(String positionCode, String type, String minRank, String requiredLeadershipTraining) {
        /** The leadership training the target requires, null for a non-managerial target. */
        public String leadershipTraining() {
            return requiredLeadershipTraining != null ? requiredLeadershipTraining : LEADERSHIP_BY_TYPE.get(type);
        }
    }

    /**
     * @param recognisedJp verified JP of the ranking's year (null: none seen, counts as 0)
     * @param requiredJp   the requirement as training-service stated it (null: the policy's by employment type)
     */
    public record Candidate(String nip, String employmentType, String rank, List<MeritProfileCalculator.Skp> annualSkp,
            List<DisciplineWindow.Decision> disciplines, BigDecimal recognisedJp, BigDecimal requiredJp, Set<String> leadershipTrainings) {
    }

    private PromotionEligibility() {
    }

    public static List<Blocker> blockers(Candidate c, Target t, int year, LocalDate asOf, MeritPolicyRules rules, boolean waiveLeadership) {
        List<Blocker> blockers = new ArrayList<>();
        int lookback = rules.disciplineLookbackYears();
        DisciplineWindow.excluding(c.disciplines(), asOf, lookback).ifPresent(d -> blockers.add(new Blocker(DISCIPLINE,
                d.level() + " discipline decided " + d.decidedOn() + ", within " + lookback + " years of " + asOf, false, false)));

        String minimum = rules.promotion().minimumSkpRating();
        int minimumIndex = MeritPolicyRules.RATINGS.indexOf(minimum);
        int skpYears = rules.promotion().skpYears();
        for (int y = year; y > year - skpYears; y--) {
            final int ratingYear = y;
            c.annualSkp().stream().filter(s -> s.year() == ratingYear).findFirst().ifPresent(s -> {
                if (MeritPolicyRules.RATINGS.indexOf(s.rating()) > minimumIndex) {
                    blockers.add(new Blocker(SKP_BELOW_MINIMUM, "annual SKP " + ratingYear + " is " + s.rating() + ", below " + minimum,
                            false, false));
                }
            });
        }

        BigDecimal required = c.requiredJp() != null ? c.requiredJp()
                : rules.requiredJpPerYear().getOrDefault(c.employmentType() == null ? "PNS" : c.employmentType(), BigDecimal.valueOf(20));
        BigDecimal recognised = c.recognisedJp() == null ? BigDecimal.ZERO : c.recognisedJp();
        if (recognised.compareTo(required) < 0) {
            blockers.add(new Blocker(JP_NOT_MET, "JP " + year + ": " + plain(recognised) + " of " + plain(required) + " recognised",
                    false, false));
        }

        if (t.minRank() != null) {
            Optional<Integer> cmp = RankOrder.compare(c.rank(), t.minRank());
            if (cmp.isEmpty()) {
                blockers.add(new Blocker(RANK_BELOW_MINIMUM, "rank " + (c.rank() == null ? "unknown" : c.rank())
                        + " cannot be compared with the minimum " + t.minRank() + " of " + t.positionCode(), false, false));
            } else if (cmp.get() < 0) {
                blockers.add(new Blocker(RANK_BELOW_MINIMUM, "rank " + c.rank() + " is below the minimum " + t.minRank() + " of "
                        + t.positionCode(), false, false));
            }
        }

        String leadership = t.leadershipTraining();
        if (leadership != null && !holds(c.leadershipTrainings(), leadership)) {
            blockers.add(new Blocker(LEADERSHIP_TRAINING_MISSING, "no verified " + leadership + " training, required for a "
                    + t.type() + " position" + (waiveLeadership ? " (waived for this ranking)" : ""), true, waiveLeadership));
        }
        return blockers;
    }

    /** Eligible when every blocker is waived (none, or only a waived leadership training). */
    public static boolean eligible(List<Blocker> blockers) {
        return blockers.stream().allMatch(Blocker::waived);
    }

    /** Whether the trainings held include the required one or a higher one. */
    public static boolean holds(Set<String> held, String required) {
        int need = LEADERSHIP_ORDER.indexOf(required);
        return held.stream().anyMatch(h -> h.equals(required) || need >= 0 && LEADERSHIP_ORDER.indexOf(h) >= need);
    }

    /** One candidate as the ranking orders them. */
    public record Ranked(String nip, boolean eligible, Double meritScore, LocalDate rankSince) {
    }

    /**
     * Eligible first; then the higher merit score (none last); ties by longer time in rank (earlier TMT; unknown last),
     * then NIP.
     */
    public static final Comparator<Ranked> ORDER = Comparator.comparing((Ranked r) -> !r.eligible())
            .thenComparing(Ranked::meritScore, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Ranked::rankSince, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Ranked::nip);

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
