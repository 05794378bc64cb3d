package id.asn.merit.merit.talent;

import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.security.Roles;

/** Who sees the people behind the counts: an INTEGRATOR gets boxes and counts only (SYSTEM.md §7: no personal fields). */
final class TalentAccess {
    private TalentAccess() {
    }

    static boolean seesMembers(Caller caller) {
        return caller.hasAnyRole(Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD);
    }
}
