package id.asn.merit.merit.domain;

/**
 * The talent box (PermenPANRB 3/2020; SYSTEM.md §6.4; domain reference §7.2): performance row × potential column.
 * <pre>
 *                 potential LOW  MEDIUM  HIGH
 * performance HIGH        4      7       9
 *             MEDIUM      2      5       8
 *             LOW         1      3       6
 * </pre>
 * The layout is the regulation's; the cut-offs that make the axes come from the policy.
 */
public final class NineBoxPlacement {
    private static final int[][] BOXES = {
            {1, 3, 6}, // LOW performance
            {2, 5, 8}, // MEDIUM performance
            {4, 7, 9}, // HIGH performance
    };

    /** Where a person lands, with the axes that put them there. */
    public record Placement(Axis performance, Axis potential, int box) {
    }

    private NineBoxPlacement() {
    }

    public static int box(Axis performance, Axis potential) {
        return BOXES[performance.ordinal()][potential.ordinal()];
    }

    /** Both scores 0..100, banded with the policy's cut-offs (the same for both axes, SYSTEM.md §6.4). */
    public static Placement place(double performanceScore, double potentialScore, MeritPolicyRules.AxisCutoffs cutoffs) {
        Axis performance = Axis.of(performanceScore, cutoffs);
        Axis potential = Axis.of(potentialScore, cutoffs);
        return new Placement(performance, potential, box(performance, potential));
    }
}
