package id.asn.merit.employee.domain;

/** Jenis jabatan (UU 20/2023): managerial JPT/administrator/pengawas, non-managerial pelaksana/fungsional. */
public enum PositionType {
    JPT_UTAMA, JPT_MADYA, JPT_PRATAMA, ADMINISTRATOR, PENGAWAS, PELAKSANA, FUNGSIONAL;

    /** The leadership training a managerial position requires (SYSTEM.md §6.4), or null. */
    public LeadershipTraining requiredLeadershipTraining() {
        return switch (this) {
            case PENGAWAS -> LeadershipTraining.PKP;
            case ADMINISTRATOR -> LeadershipTraining.PKA;
            case JPT_PRATAMA -> LeadershipTraining.PKN_II;
            case JPT_MADYA, JPT_UTAMA -> LeadershipTraining.PKN_I;
            default -> null;
        };
    }
}
