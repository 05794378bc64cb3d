package id.asn.merit.merit.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The qualification part of potential (SYSTEM.md §6.4): the holder's education level against the position's
 * {@code minEducationLevel}, scored by the policy ({@code meets}, and one score per level short).
 */
public final class EducationLevels {
    /** Education levels, lowest first (SYSTEM.md §3: SD..S3). */
    public static final List<String> ORDER = List.of("SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3");

    /**
     * The rung of each level on the ladder positions ask for: D4 (sarjana terapan) is at S1's rung and D1 at SMA's
     * (domain reference §2.2: "SMA/D1", "S1/D4" enter at the same golongan), so a D4 holder meets an S1 minimum.
     */
    private static final java.util.Map<String, Integer> RUNG = java.util.Map.of(
            "SD", 0, "SMP", 1, "SMA", 2, "D1", 2, "D2", 3, "D3", 4, "D4", 5, "S1", 5, "S2", 6, "S3", 7);

    private EducationLevels() {
    }

    public static boolean isLevel(String level) {
        return level != null && ORDER.contains(level);
    }

    /** How many levels {@code held} is below {@code required}: 0 when it meets or exceeds it. */
    public static int levelsShort(String held, String required) {
        Integer h = held == null ? null : RUNG.get(held);
        Integer r = required == null ? null : RUNG.get(required);
        if (h == null || r == null) {
            throw new IllegalArgumentException("unknown education level " + (h == null ? held : required));
        }
        return Math.max(0, r - h);
    }

    /**
     * @return the qualification score 0..100, or null when the part is missing: the position has no minimum, or the
     *         holder's education level is unknown
     */
    public static Double qualificationScore(String held, String required, MeritPolicyRules.QualificationScores scores) {
        if (!isLevel(required) || !isLevel(held)) {
            return null;
        }
        int shortBy = levelsShort(held, required);
        if (shortBy == 0) {
            return scores.meets().doubleValue();
        }
        List<BigDecimal> table = scores.levelsShort();
        return table.get(Math.min(shortBy, table.size()) - 1).doubleValue();
    }
}
