package id.asn.merit.competency.domain;

/**
 * The JPM categories of the two families of domain.md §4.3 (SYSTEM.md §6.1); which family applies depends on the
 * assessment purpose. The thresholds are data in {@link GapPolicy}, never here.
 */
public enum JpmCategory {
    OPTIMAL(AssessmentPurpose.MAPPING),
    CUKUP_OPTIMAL(AssessmentPurpose.MAPPING),
    KURANG_OPTIMAL(AssessmentPurpose.MAPPING),
    MEMENUHI_SYARAT(AssessmentPurpose.SELECTION),
    MASIH_MEMENUHI_SYARAT(AssessmentPurpose.SELECTION),
    KURANG_MEMENUHI_SYARAT(AssessmentPurpose.SELECTION);

    private final AssessmentPurpose purpose;

    JpmCategory(AssessmentPurpose purpose) {
        this.purpose = purpose;
    }

    /** The purpose whose family this category belongs to. */
    public AssessmentPurpose purpose() {
        return purpose;
    }
}
