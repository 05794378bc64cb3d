package id.asn.merit.employee.messaging;

/** The topics and CloudEvents types employee-service publishes (SYSTEM.md §5, docs/asyncapi.yaml). */
public final class Events {
    private Events() {
    }

    /** Org units and positions, keyed by the unit or position code. */
    public static final String ORG_TOPIC = "asn.org.v1";
    public static final String ORG_UNIT_CHANGED = "asn.org.unit-changed.v1";
    public static final String ORG_POSITION_CHANGED = "asn.org.position-changed.v1";

    /** Employees, keyed by NIP. */
    public static final String EMPLOYEE_TOPIC = "asn.employee.v1";
    public static final String EMPLOYEE_REGISTERED = "asn.employee.registered.v1";
    public static final String EMPLOYEE_UPDATED = "asn.employee.updated.v1";
    public static final String EMPLOYEE_PLACED = "asn.employee.placed.v1";
    public static final String EMPLOYEE_RANK_CHANGED = "asn.employee.rank-changed.v1";
    public static final String EMPLOYEE_PERFORMANCE_RATED = "asn.employee.performance-rated.v1";
    public static final String EMPLOYEE_DISCIPLINED = "asn.employee.disciplined.v1";
    public static final String EMPLOYEE_RETIRED = "asn.employee.retired.v1";
}
