package id.asn.merit.employee.domain;

/**
 * The named levels of the org tree, root first: instansi → perangkat daerah → bidang → seksi. A unit's level is
 * fixed by its depth (its parent's depth + 1); levels below the fourth carry the generic label {@code LEVEL_<depth>}
 * (see {@link OrgLevels}).
 */
public enum OrgUnitLevel {
    INSTANSI, PERANGKAT_DAERAH, BIDANG, SEKSI;

    /** 1 for INSTANSI … 4 for SEKSI. */
    public int depth() {
        return ordinal() + 1;
    }
}
