package id.asn.merit.employee.service;

import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.repository.OrgUnitRepository;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Row-level access of SYSTEM.md §7: a UNIT_HEAD sees their subtree only, an EMPLOYEE only themself, an INTEGRATOR
 * a summary only. ADMIN, HR_OFFICER and ASSESSOR see everyone. A person the caller may not see is answered exactly as
 * a NIP that does not exist (404, same problem), so no one can probe which NIPs exist.
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
        throw invisible(e);
    }

    /**
     * For what a UNIT_HEAD may do beyond reading (SKP ratings, disciplinary records): only for people in their
     * subtree. Someone outside it is answered as if the NIP did not exist.
     */
    public void checkUnitHeadScope(Employee e) {
        if (caller.hasAnyRole(Roles.ADMIN, Roles.HR_OFFICER)) {
            return;
        }
        if (caller.hasRole(Roles.UNIT_HEAD) && caller.unit() != null && units.isWithin(e.orgUnitCode, caller.unit())) {
            return;
        }
        throw invisible(e);
    }

    /**
     * Who may record an SKP rating for {@code e}: ADMIN, HR_OFFICER, or the UNIT_HEAD of their subtree, and never the
     * person themself (the rater is never the rated). A UNIT_HEAD must carry the {@code nip} claim so that this can
     * be told.
     */
    public void checkCanRate(Employee e) {
        checkUnitHeadScope(e);
        if (e.nip.equals(caller.nip())) {
            throw ApiException.forbidden("the rater is never the rated: you may not record an SKP rating for yourself (" + e.nip + ")");
        }
        if (caller.nip() == null && !caller.hasAnyRole(Roles.ADMIN, Roles.HR_OFFICER)) {
            throw ApiException.forbidden("a UNIT_HEAD's token must carry the nip claim to record SKP ratings (the rater is never the rated)");
        }
    }

    /**
     * List filters on fields an INTEGRATOR may not see (SYSTEM.md §7: nothing beyond name, NIP, unit and position):
     * filtering by them would tell the hidden value, so they are refused, naming the filter.
     */
    public void checkListFilters(Object employmentType, Object status) {
        if (!summaryOnly()) {
            return;
        }
        List<Problem.FieldError> refused = new ArrayList<>();
        if (employmentType != null) {
            refused.add(new Problem.FieldError("employmentType", "is not a filter an INTEGRATOR may use (employment type is not in the summary)"));
        }
        if (status != null) {
            refused.add(new Problem.FieldError("status", "is not a filter an INTEGRATOR may use (status is not in the summary)"));
        }
        if (!refused.isEmpty()) {
            throw new ApiException(403, "urn:asn:problem:forbidden", "Forbidden",
                    refused.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")), refused);
        }
    }

    /** Exactly what a NIP that does not exist answers: no existence probe (SYSTEM.md §7). */
    private static ApiException invisible(Employee e) {
        return ApiException.notFound("employee", e.nip);
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
