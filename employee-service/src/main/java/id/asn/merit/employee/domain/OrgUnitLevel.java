package id.asn.merit.employee.domain;

/** The levels of the org tree, root first: instansi → perangkat daerah → bidang → seksi. */
public enum OrgUnitLevel {
    INSTANSI, PERANGKAT_DAERAH, BIDANG, SEKSI;

    /** The level a child of this level must have, or null at the bottom. */
    public OrgUnitLevel child() {
        return this == SEKSI ? null : values()[ordinal() + 1];
    }
}
