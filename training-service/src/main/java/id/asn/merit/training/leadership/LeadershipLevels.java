package id.asn.merit.training.leadership;

import java.util.List;
import java.util.Map;

/**
 * The leadership trainings (Pelatihan Struktural Kepemimpinan, domain.md §5.4) in ascending order PKP < PKA < PKN_II <
 * PKN_I, and which one a managerial position requires: its own {@code requiredLeadershipTraining}, else by type (PKP
 * for PENGAWAS, PKA for ADMINISTRATOR, PKN_II for JPT_PRATAMA, PKN_I for JPT_MADYA; SYSTEM.md §6.4). A higher level
 * proves a lower one (a PKA graduate holds what a PENGAWAS post needs). Pure.
 */
public final class LeadershipLevels {
    public static final List<String> ORDER = List.of("PKP", "PKA", "PKN_II", "PKN_I");
    public static final Map<String, String> BY_POSITION_TYPE = Map.of(
            "PENGAWAS", "PKP", "ADMINISTRATOR", "PKA", "JPT_PRATAMA", "PKN_II", "JPT_MADYA", "PKN_I");
    /** The managerial position types whose posts are counted, in the order of the list of SYSTEM.md §3. */
    public static final List<String> MANAGERIAL_TYPES = List.of("PENGAWAS", "ADMINISTRATOR", "JPT_PRATAMA", "JPT_MADYA");

    private LeadershipLevels() {
    }

    /** 1 for PKP up to 4 for PKN_I; 0 for null or anything else. */
    public static int rank(String level) {
        return level == null ? 0 : ORDER.indexOf(level) + 1;
    }

    /** The training the position requires: its own when set, else by its type; null for a non-managerial type. */
    public static String required(String positionType, String positionRequirement) {
        if (positionRequirement != null && rank(positionRequirement) > 0) {
            return positionRequirement;
        }
        return positionType == null ? null : BY_POSITION_TYPE.get(positionType);
    }

    /** Whether a record of {@code held} proves {@code required}: the same or a higher level. */
    public static boolean proves(String held, String required) {
        return rank(held) > 0 && rank(required) > 0 && rank(held) >= rank(required);
    }

    /** The SQL rank of a leadership level column, as {@link #rank}. */
    static String sqlRank(String column) {
        return "(case " + column + " when 'PKP' then 1 when 'PKA' then 2 when 'PKN_II' then 3 when 'PKN_I' then 4 else 0 end)";
    }

    /** The SQL of the required training of position_replica {@code p}, as {@link #required}. */
    static String sqlRequired(String p) {
        return "(case when " + p + ".required_leadership_training in ('PKP','PKA','PKN_II','PKN_I') then " + p + ".required_leadership_training"
                + " else (case " + p + ".type when 'PENGAWAS' then 'PKP' when 'ADMINISTRATOR' then 'PKA' when 'JPT_PRATAMA' then 'PKN_II'"
                + " when 'JPT_MADYA' then 'PKN_I' end) end)";
    }
}
