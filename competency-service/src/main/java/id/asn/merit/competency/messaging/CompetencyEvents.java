package id.asn.merit.competency.messaging;

/** The topics competency-service reads and writes, and the CloudEvents types it publishes (SYSTEM.md §5). */
public final class CompetencyEvents {
    private CompetencyEvents() {
    }

    /** Published, keyed by NIP (assessments, gaps) or position code (standards). */
    public static final String TOPIC = "asn.competency.v1";
    public static final String STANDARD_PUBLISHED = "asn.competency.standard-published.v1";
    public static final String ASSESSMENT_RECORDED = "asn.competency.assessment-recorded.v1";
    public static final String GAP_CHANGED = "asn.competency.gap-changed.v1";
    /** A dictionary entry was created, replaced or retired; key = the competency code. */
    public static final String COMPETENCY_CHANGED = "asn.competency.competency-changed.v1";

    /** Consumed: employee-service's employees (key NIP) and organisation (key unit or position code). */
    public static final String EMPLOYEE_TOPIC = "asn.employee.v1";
    public static final String ORG_TOPIC = "asn.org.v1";
    /** Every type on EMPLOYEE_TOPIC (registered, updated, placed, ...) starts so and carries the whole employee. */
    public static final String EMPLOYEE_TYPE_PREFIX = "asn.employee.";
    public static final String ORG_UNIT_CHANGED = "asn.org.unit-changed.v1";
    public static final String ORG_POSITION_CHANGED = "asn.org.position-changed.v1";
}
