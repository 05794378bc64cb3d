package id.asn.merit.employee.service;

import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.repository.OrgUnitRepository;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Row-level access of SYSTEM.md §7: a UNIT_HEAD sees their subtree only, an EMPLOYEE only themself, an INTEGRATOR
 * a summary only. ADMIN, HR_OFFICER and ASSESSOR see everyone.
 */
@RequestScoped
public class EmployeeAccess {
    @Inject
    Caller caller;
    @Inject
    OrgUnitRepository units;

    public boolean seesEveryone() {
        return caller.hasAnyRole(Roles.ADMIN, Roles.HR_OFFICER, Roles.ASSESSOR, Roles.INTEGRATOR);
    }

    public boolean summaryOnly() {
        return caller.hasRole(Roles.INTEGRATOR) && !caller.hasAnyRole(Roles.ADMIN, Roles.HR_OFFICER, Roles.ASSESSOR);
    }

    public void checkCanRead(Employee e) {
        if (seesEveryone()) {
            return;
        }
        if (caller.hasRole(Roles.UNIT_HEAD) && caller.unit() != null && units.isWithin(e.orgUnitCode, caller.unit())) {
            return;
        }
        if (caller.hasRole(Roles.EMPLOYEE) && e.nip.equals(caller.nip())) {
            return;
        }
        throw ApiException.forbidden("you may not read employee " + e.nip);
    }

    /** For writes a UNIT_HEAD may make (SKP ratings): only for people in their subtree. */
    public void checkUnitHeadScope(Employee e) {
        if (caller.hasAnyRole(Roles.ADMIN, Roles.HR_OFFICER)) {
            return;
        }
        if (caller.hasRole(Roles.UNIT_HEAD) && caller.unit() != null && units.isWithin(e.orgUnitCode, caller.unit())) {
            return;
        }
        throw ApiException.forbidden("employee " + e.nip + " is outside your unit");
    }

    /** The unit whose subtree a list is limited to: the caller's own for a UNIT_HEAD. */
    public String listScope(String requestedUnit) {
        if (seesEveryone()) {
            return requestedUnit;
        }
        if (caller.hasRole(Roles.UNIT_HEAD) && caller.unit() != null) {
            if (requestedUnit == null) {
                return caller.unit();
            }
            if (units.isWithin(requestedUnit, caller.unit())) {
                return requestedUnit;
            }
            throw ApiException.forbidden("org unit " + requestedUnit + " is outside your unit " + caller.unit());
        }
        throw ApiException.forbidden("listing employees needs ADMIN, HR_OFFICER, ASSESSOR, INTEGRATOR or UNIT_HEAD");
    }
}
