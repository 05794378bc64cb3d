package id.asn.merit.competency.domain;

/**
 * Why an assessment was made, which chooses the JPM category family (domain.md §4.3, SYSTEM.md §6.1):
 * MAPPING (pemetaan kompetensi) or SELECTION (pengisian jabatan / uji kompetensi).
 */
public enum AssessmentPurpose {
    MAPPING, SELECTION
}
