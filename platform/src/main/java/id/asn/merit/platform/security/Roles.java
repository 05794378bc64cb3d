package id.asn.merit.platform.security;

/** The role names of SYSTEM.md §7, as they appear in the token's {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String HR_OFFICER = "HR_OFFICER";
    public static final String UNIT_HEAD = "UNIT_HEAD";
    public static final String ASSESSOR = "ASSESSOR";
    public static final String EMPLOYEE = "EMPLOYEE";
    public static final String INTEGRATOR = "INTEGRATOR";

    private Roles() {
    }
}
