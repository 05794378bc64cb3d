package id.asn.merit.employee.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How deep the org tree may go and what each depth is called. Depth 1 is the root (INSTANSI); depths 1-4 keep the
 * regional names of {@link OrgUnitLevel}; a ministry's deeper units (depth 5 up to {@code maxDepth}) are labelled
 * {@code LEVEL_5}, {@code LEVEL_6}, … A label is never chosen freely: it follows from the parent.
 */
public record OrgLevels(int maxDepth) {
    /** The labels a request may name: the four names, or LEVEL_n for n ≥ 5. */
    public static final String LABEL_PATTERN = "INSTANSI|PERANGKAT_DAERAH|BIDANG|SEKSI|LEVEL_([5-9]|[1-9][0-9])";
    private static final Pattern GENERIC = Pattern.compile("LEVEL_(\\d{1,2})");
    private static final List<String> NAMED = Arrays.stream(OrgUnitLevel.values()).map(Enum::name).toList();

    public OrgLevels {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be 1 or more, not " + maxDepth);
        }
    }

    /** The label of a unit at {@code depth} (1 = root). */
    public static String label(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth starts at 1, not " + depth);
        }
        return depth <= NAMED.size() ? NAMED.get(depth - 1) : "LEVEL_" + depth;
    }

    /** The depth a label stands for, or empty when it is no label of the tree. */
    public static Optional<Integer> depthOf(String label) {
        if (label == null) {
            return Optional.empty();
        }
        int named = NAMED.indexOf(label);
        if (named >= 0) {
            return Optional.of(named + 1);
        }
        Matcher m = GENERIC.matcher(label);
        if (m.matches() && Integer.parseInt(m.group(1)) > NAMED.size()) {
            return Optional.of(Integer.parseInt(m.group(1)));
        }
        return Optional.empty();
    }

    /** The named labels, index = depth - 1; deeper depths use {@link #label(int)}. For set-based SQL. */
    public static List<String> namedLabels() {
        return NAMED;
    }

    public boolean allows(int depth) {
        return depth >= 1 && depth <= maxDepth;
    }

    /**
     * Why a new unit under a parent at {@code parentDepth} (0: no parent, a root) cannot have {@code requestedLabel}
     * (null: derive it), or empty when it can.
     */
    public Optional<String> contradiction(int parentDepth, String requestedLabel) {
        if (requestedLabel == null) {
            return Optional.empty();
        }
        String derived = label(parentDepth + 1);
        if (derived.equals(requestedLabel)) {
            return Optional.empty();
        }
        return Optional.of(parentDepth == 0
                ? "a unit without a parent is the root, an " + derived + ", not a " + requestedLabel
                : "a unit under a " + label(parentDepth) + " is a " + derived + ", not a " + requestedLabel
                        + " (the level follows from the parent; leave it out to derive it)");
    }
}
