package id.asn.merit.competency.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Job-person match of one person against one position standard on one date: a pure function (SYSTEM.md §6.1,
 * domain.md §4.1–§4.3).
 *
 * <ul>
 *   <li><b>Which score counts.</b> Per competency, the latest assessment by {@code assessedOn} that is valid on
 *       {@code on} ({@link GapPolicy#isValidOn}: not dated after {@code on}, not older than the validity window).
 *       Of two valid scores of one competency on the same date, the one later in the input list wins: the caller
 *       passes scores in the order they were recorded and leaves out assessments that a correction superseded.
 *       Scores of competencies the standard does not require are ignored.</li>
 *   <li><b>Per item.</b> {@code ratio = actual / required} (r<sub>i</sub> of domain.md §4.2), not capped, so
 *       over-achievement in one competency offsets a shortfall in another, as in the reference formula.
 *       {@code gap = actual − required}, the sign of domain.md §4.1 ("nilai_individu − nilai_standar; a negative
 *       value is a development need"): a negative gap is a shortfall, a positive one is over-achievement and is
 *       <b>kept</b>, not clipped. {@link Item#shortfall()} is {@code max(0, required − actual)}, the size of the
 *       development need. A competency with no valid score has {@code notAssessed = true}, {@code ratio = 0},
 *       and {@code actual}, {@code gap} and {@code assessmentId} {@code null} — its gap is unknown, not a full
 *       shortfall.</li>
 *   <li><b>JPM.</b> {@code jpm = min(100, 100 × mean(ratio))}, the cap of domain.md §4.2, rounded once as the
 *       policy says (default 2 decimals HALF_UP) from the exact mean — the rounded ratios shown per item are not
 *       re-used, so rounding never accumulates. The category is that of the rounded JPM for the purpose
 *       ({@link GapPolicy#category}).</li>
 *   <li><b>Coverage</b> = assessed items / required items, a share 0..1.</li>
 *   <li><b>No items.</b> A standard with no items matches nothing: {@code jpm}, {@code category} and
 *       {@code coverage} are {@code null} and {@code items} empty (never a division by zero, never a made-up
 *       100). The service avoids this case by falling back to the default template.</li>
 * </ul>
 * {@code ratio} and {@code coverage} are rounded with the policy's mode at the policy's scale + 2 decimals, i.e. as
 * precise as the percentage {@code jpm}.
 */
public final class JobPersonMatch {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MIN_LEVEL = BigDecimal.ONE;
    private static final BigDecimal MAX_LEVEL = BigDecimal.valueOf(5);

    /**
     * One competency score of one assessment.
     *
     * @param level 1.0..5.0 with at most one decimal
     */
    public record Score(String competencyCode, BigDecimal level, LocalDate assessedOn, String assessmentId) {
        public Score {
            Objects.requireNonNull(competencyCode, "competencyCode");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(assessedOn, "assessedOn");
            Objects.requireNonNull(assessmentId, "assessmentId");
            if (level.compareTo(MIN_LEVEL) < 0 || level.compareTo(MAX_LEVEL) > 0 || level.stripTrailingZeros().scale() > 1) {
                throw new IllegalArgumentException(competencyCode + ": level must be 1.0..5.0 with one decimal, not " + level.toPlainString());
            }
        }
    }

    /**
     * One required competency, matched.
     *
     * @param actual       the level that counted, or null when not assessed
     * @param gap          {@code actual − required} (negative = development need), or null when not assessed
     * @param ratio        {@code actual / required}, 0 when not assessed
     * @param assessmentId the assessment the level comes from, or null when not assessed
     */
    public record Item(String competencyCode, int required, BigDecimal actual, BigDecimal gap, BigDecimal ratio,
                       Importance importance, boolean notAssessed, String assessmentId) {

        /** {@code max(0, required − actual)}: how many levels the person is below the standard; 0 when not assessed. */
        public BigDecimal shortfall() {
            return gap == null || gap.signum() >= 0 ? BigDecimal.ZERO : gap.negate();
        }

        /** Assessed and below the required level: a development need (domain.md §4.4 step 5). */
        public boolean below() {
            return gap != null && gap.signum() < 0;
        }
    }

    /**
     * @param items         one per standard item, in the standard's order
     * @param jpm           0..100 rounded per policy; null when the standard has no items
     * @param category      of {@code jpm} for the purpose; null when {@code jpm} is null
     * @param coverage      assessed / required, 0..1; null when the standard has no items
     * @param assessmentIds the distinct assessments that supplied a level, in item order
     */
    public record Result(List<Item> items, BigDecimal jpm, JpmCategory category, BigDecimal coverage,
                         List<String> assessmentIds) {
    }

    private JobPersonMatch() {
    }

    /**
     * @param standard the standard's items; a competency may appear once only
     * @param scores   the person's scores, in recording order (any assessments, any dates)
     * @param on       the date the match is for
     * @param purpose  chooses the category family
     * @param policy   bands, validity window, rounding; assumed free of {@link GapPolicy#violations()}
     */
    public static Result compute(List<StandardItem> standard, List<Score> scores, LocalDate on,
                                 AssessmentPurpose purpose, GapPolicy policy) {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(policy, "policy");
        Set<String> seen = new HashSet<>();
        for (StandardItem item : standard) {
            if (!seen.add(item.competencyCode())) {
                throw new IllegalArgumentException("the standard names " + item.competencyCode() + " twice");
            }
        }
        Map<String, Score> counted = latestValid(scores, seen, on, policy);

        List<Item> items = new ArrayList<>(standard.size());
        Set<String> assessmentIds = new LinkedHashSet<>();
        // Σ actual_i / required_i exactly: scaled by the lcm of the required levels, each term is a finite decimal
        long lcm = 1;
        for (StandardItem item : standard) {
            lcm = lcm(lcm, item.requiredLevel());
        }
        BigDecimal scaledRatioSum = BigDecimal.ZERO;
        int assessed = 0;
        for (StandardItem item : standard) {
            BigDecimal required = BigDecimal.valueOf(item.requiredLevel());
            Score score = counted.get(item.competencyCode());
            if (score == null) {
                items.add(new Item(item.competencyCode(), item.requiredLevel(), null, null,
                        policy.divide(BigDecimal.ZERO, BigDecimal.ONE, 2), item.importance(), true, null));
                continue;
            }
            assessed++;
            BigDecimal actual = score.level();
            scaledRatioSum = scaledRatioSum.add(actual.multiply(BigDecimal.valueOf(lcm / item.requiredLevel())));
            assessmentIds.add(score.assessmentId());
            items.add(new Item(item.competencyCode(), item.requiredLevel(), actual, actual.subtract(required),
                    policy.divide(actual, required, 2), item.importance(), false, score.assessmentId()));
        }
        if (standard.isEmpty()) {
            return new Result(List.of(), null, null, null, List.of());
        }
        BigDecimal n = BigDecimal.valueOf(standard.size());
        BigDecimal uncapped = policy.divide(scaledRatioSum.multiply(HUNDRED), n.multiply(BigDecimal.valueOf(lcm)), 0);
        BigDecimal jpm = uncapped.min(policy.round(HUNDRED));
        BigDecimal coverage = policy.divide(BigDecimal.valueOf(assessed), n, 2);
        return new Result(List.copyOf(items), jpm, policy.category(purpose, jpm), coverage, List.copyOf(assessmentIds));
    }

    /** Per required competency, the score that counts on {@code on}. */
    private static Map<String, Score> latestValid(List<Score> scores, Set<String> required, LocalDate on, GapPolicy policy) {
        Map<String, Score> latest = new HashMap<>();
        for (Score s : scores) {
            if (!required.contains(s.competencyCode()) || !policy.isValidOn(s.assessedOn(), on)) {
                continue;
            }
            Score current = latest.get(s.competencyCode());
            if (current == null || !s.assessedOn().isBefore(current.assessedOn())) {
                latest.put(s.competencyCode(), s);
            }
        }
        return latest;
    }

    private static long lcm(long a, long b) {
        return a / BigInteger.valueOf(a).gcd(BigInteger.valueOf(b)).longValue() * b;
    }
}
