package id.asn.merit.employee.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * The predikat kinerja matrix of PermenPANRB 6/2022 (SYSTEM.md §6.2, domain reference §6.1): work result (rows) ×
 * work behaviour (columns) → rating. The table is data; {@link #REGULATION} is the one in force.
 */
public final class SkpMatrix {
    public static final SkpMatrix REGULATION = new SkpMatrix(Map.of(
            Appraisal.ABOVE, row(SkpRating.KURANG, SkpRating.BAIK, SkpRating.SANGAT_BAIK),
            Appraisal.AS_EXPECTED, row(SkpRating.KURANG, SkpRating.BAIK, SkpRating.BAIK),
            Appraisal.BELOW, row(SkpRating.SANGAT_KURANG, SkpRating.BUTUH_PERBAIKAN, SkpRating.BUTUH_PERBAIKAN)));

    private final Map<Appraisal, Map<Appraisal, SkpRating>> cells;

    public SkpMatrix(Map<Appraisal, Map<Appraisal, SkpRating>> cells) {
        for (Appraisal result : Appraisal.values()) {
            for (Appraisal behaviour : Appraisal.values()) {
                if (cells.get(result) == null || cells.get(result).get(behaviour) == null) {
                    throw new IllegalArgumentException("the matrix has no cell for " + result + " × " + behaviour);
                }
            }
        }
        this.cells = cells;
    }

    public SkpRating rate(Appraisal workResult, Appraisal workBehaviour) {
        return cells.get(workResult).get(workBehaviour);
    }

    /** Columns in the order BELOW, AS_EXPECTED, ABOVE behaviour. */
    private static Map<Appraisal, SkpRating> row(SkpRating below, SkpRating asExpected, SkpRating above) {
        Map<Appraisal, SkpRating> row = new EnumMap<>(Appraisal.class);
        row.put(Appraisal.BELOW, below);
        row.put(Appraisal.AS_EXPECTED, asExpected);
        row.put(Appraisal.ABOVE, above);
        return row;
    }
}
