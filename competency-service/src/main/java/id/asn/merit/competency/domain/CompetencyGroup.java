package id.asn.merit.competency.domain;

/** Kelompok kompetensi (PermenPANRB 38/2017; PEMERINTAHAN from Permendagri 108/2017). */
public enum CompetencyGroup {
    MANAJERIAL, SOSIAL_KULTURAL, TEKNIS, PEMERINTAHAN;

    /** MANAJERIAL and SOSIAL_KULTURAL are fixed by the regulation; an instansi adds only TEKNIS and PEMERINTAHAN. */
    public boolean definedByInstansi() {
        return this == TEKNIS || this == PEMERINTAHAN;
    }
}
