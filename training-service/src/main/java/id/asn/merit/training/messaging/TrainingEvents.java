package id.asn.merit.training.messaging;

/** The topics training-service reads and writes, and the CloudEvents types it publishes (SYSTEM.md §5). */
public final class TrainingEvents {
    private TrainingEvents() {
    }

    /** Published, keyed by NIP. */
    public static final String TOPIC = "asn.training.v1";
    public static final String RECORDED = "asn.training.recorded.v1";
    public static final String VERIFIED = "asn.training.verified.v1";
    public static final String REJECTED = "asn.training.rejected.v1";
    public static final String JP_THRESHOLD_REACHED = "asn.training.jp-threshold-reached.v1";

    /** Consumed. */
    public static final String EMPLOYEE_TOPIC = "asn.employee.v1";
    public static final String ORG_TOPIC = "asn.org.v1";
    public static final String COMPETENCY_TOPIC = "asn.competency.v1";
    public static final String ORG_UNIT_CHANGED = "asn.org.unit-changed.v1";
    public static final String ORG_POSITION_CHANGED = "asn.org.position-changed.v1";
    public static final String GAP_CHANGED = "asn.competency.gap-changed.v1";
    public static final String STANDARD_PUBLISHED = "asn.competency.standard-published.v1";
}
