package id.asn.merit.merit.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Selection rates per group and the four-fifths rule (issue #9; threshold and the smallest group judged are policy
 * data): a group's impact ratio is its selection rate over the highest rate of the groups large enough to judge;
 * below the threshold it is flagged (exactly at the threshold it is not). A group smaller than the minimum size gets
 * its numbers and a note, never a flag. No names: only counts go in and out.
 */
public final class FairnessReport {
    public static final String GENDER = "GENDER";
    public static final String AGE_BAND = "AGE_BAND";
    private static final List<String> GENDERS = List.of("M", "F");
    private static final List<String> AGE_BANDS = List.of(AgeBand.UNDER_30, AgeBand.FROM_30, AgeBand.FROM_40, AgeBand.FROM_50);

    /** One person of the population: their groups and whether the outcome selected them. */
    public record Subject(String gender, String ageBand, boolean selected) {
    }

    public record Group(String dimension, String group, int size, int selected, BigDecimal selectionRate, BigDecimal impactRatio,
            boolean flagged, String note) {
    }

    private FairnessReport() {
    }

    public static List<Group> report(List<Subject> subjects, MeritPolicyRules.FairnessRules rules) {
        List<Group> groups = new ArrayList<>();
        groups.addAll(dimension(GENDER, subjects, s -> s.gender() == null ? AgeBand.UNKNOWN : s.gender(), GENDERS, rules));
        groups.addAll(dimension(AGE_BAND, subjects, Subject::ageBand, AGE_BANDS, rules));
        return groups;
    }

    private static List<Group> dimension(String dimension, List<Subject> subjects, Function<Subject, String> key, List<String> known,
            MeritPolicyRules.FairnessRules rules) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        known.forEach(k -> counts.put(k, new int[2]));
        for (Subject s : subjects) {
            int[] c = counts.computeIfAbsent(key.apply(s), k -> new int[2]);
            c[0]++;
            if (s.selected()) {
                c[1]++;
            }
        }
        int min = rules.minGroupSize();
        // the reference group: the highest selection rate among the groups large enough to judge
        int[] best = null;
        for (int[] c : counts.values()) {
            if (c[0] >= min && (best == null || (long) c[1] * best[0] > (long) best[1] * c[0])) {
                best = c;
            }
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int size = e.getValue()[0];
            int selected = e.getValue()[1];
            BigDecimal rate = size == 0 ? null : ratio(selected, size);
            BigDecimal impact = null;
            boolean flagged = false;
            String note = null;
            if (size == 0) {
                note = "no one in this group";
            } else if (best == null || best[1] == 0) {
                note = best == null ? "no group has at least " + min + " people: too small to judge" : "no one was selected in any group large enough to judge";
            } else {
                // exact: (selected / size) / (best.selected / best.size)
                impact = ratio((long) selected * best[0], (long) size * best[1]);
                if (size < min) {
                    note = "group of " + size + " is smaller than " + min + ": too small to judge";
                } else {
                    flagged = impact.compareTo(rules.impactRatioThreshold()) < 0;
                }
            }
            groups.add(new Group(dimension, e.getKey(), size, selected, round(rate), truncate(impact), flagged, note));
        }
        return groups;
    }

    private static BigDecimal ratio(long a, long b) {
        return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), MathContext.DECIMAL64);
    }

    /**
     * The impact ratio is cut, not rounded, to 4 decimals: a ratio just below the threshold (0.79996) must not be shown
     * as 0.8 next to {@code flagged: true}.
     */
    private static BigDecimal truncate(BigDecimal v) {
        return v == null ? null : plain(v.setScale(4, RoundingMode.DOWN));
    }

    private static BigDecimal round(BigDecimal v) {
        return v == null ? null : plain(v.setScale(4, RoundingMode.HALF_UP));
    }

    /** Without trailing zeros, but never in exponent form (10, not 1E+1). */
    private static BigDecimal plain(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
