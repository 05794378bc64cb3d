package id.asn.merit.merit.domain;

/**
 * The talent box (PermenPANRB 3/2020, SYSTEM.md §6.4): performance row × potential column.
 * <pre>
 *                 potential LOW  MEDIUM  HIGH
 * performance HIGH        4      7       9
 *             MEDIUM      2      5       8
 *             LOW         1      3       6
 * </pre>
 */
public final class NineBoxPlacement {
    private static final int[][] BOXES = {
            {1, 3, 6}, // LOW performance
            {2, 5, 8}, // MEDIUM performance
            {4, 7, 9}, // HIGH performance
    };

    private NineBoxPlacement() {
    }

    public static int box(Axis performance, Axis potential) {
        return BOXES[performance.ordinal()][potential.ordinal()];
    }
}
