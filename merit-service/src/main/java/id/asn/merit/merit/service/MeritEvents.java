package id.asn.merit.merit.service;

/** Topic and event types merit-service publishes about profiles (SYSTEM.md §5), and the ce_types its inputs name. */
public final class MeritEvents {
    public static final String TOPIC = "asn.merit.v1";
    public static final String PROFILE_UPDATED = "asn.merit.profile-updated.v1";
    public static final String BOX_CHANGED = "asn.merit.box-changed.v1";

    /** The ce_types that wrote the read-model rows whose table does not keep the type itself. */
    public static final String PERFORMANCE_RATED = "asn.employee.performance-rated.v1";
    public static final String DISCIPLINED = "asn.employee.disciplined.v1";
    public static final String POSITION_CHANGED = "asn.org.position-changed.v1";
    public static final String TRAINING_VERIFIED = "asn.training.verified.v1";
    /** Potential tests are merit-service's own records, not events: their source names the resource. */
    public static final String POTENTIAL_TEST_SOURCE = "merit.potential-test";

    private MeritEvents() {
    }
}
