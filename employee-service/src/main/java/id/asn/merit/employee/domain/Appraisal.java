package id.asn.merit.employee.domain;

/** A rater's judgement of work result or of work behaviour against expectations (PermenPANRB 6/2022). */
public enum Appraisal {
    ABOVE, AS_EXPECTED, BELOW
}
