package id.asn.merit.platform.security;

import id.asn.merit.platform.problem.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Set;

/**
 * Object-level access of SYSTEM.md §7 to a person's data in a service that keeps an {@code employee_replica}
 * (nip, org_unit_code, org_unit_path, status) and an {@code org_unit_replica} (code, path): ADMIN and HR_OFFICER see
 * everyone (and any further roles a call names, e.g. ASSESSOR for assessments), a UNIT_HEAD the people whose unit
 * lies in the subtree of their {@code unit} claim, an EMPLOYEE themself. A person the caller may not see is
 * answered exactly like a NIP nobody knows (404, same problem), so nobody can probe which NIPs exist.
 */
@RequestScoped
public class PersonAccess {
    @Inject
    Caller caller;
    @Inject
    EntityManager em;

    /** The scope of a list: a unit path and whether to include its subtree; {@code path == null} means everyone. */
    public record Scope(String orgUnitCode, String path, boolean subtree) {
        public static final Scope EVERYONE = new Scope(null, null, true);

        /** The condition on {@code employee_replica e} for the active people in scope; adds its parameters. */
        public String where(java.util.Map<String, Object> params) {
            StringBuilder where = new StringBuilder("e.status = 'ACTIVE'");
            if (path != null) {
                if (subtree) {
                    where.append(" and (e.org_unit_path = :path or e.org_unit_path like :prefix)");
                    params.put("prefix", path + "/%");
                } else {
                    where.append(" and e.org_unit_path = :path");
                }
                params.put("path", path);
            }
            return where.toString();
        }
    }

    /** @param alsoRoles roles that, for this data, see everyone besides ADMIN and HR_OFFICER */
    public boolean seesEveryone(String... alsoRoles) {
        return caller.hasAnyRole(Roles.ADMIN, Roles.HR_OFFICER) || alsoRoles.length > 0 && caller.hasAnyRole(alsoRoles);
    }

    /** 404 (as for an unknown NIP) unless the caller may read this person's data. */
    public void checkCanRead(String nip, String... alsoRoles) {
        if (seesEveryone(alsoRoles)) {
            return;
        }
        if (caller.hasRole(Roles.EMPLOYEE) && nip.equals(caller.nip())) {
            return;
        }
        if (caller.hasRole(Roles.UNIT_HEAD) && caller.unit() != null) {
            String head = unitPath(caller.unit());
            String path = employeePath(nip);
            if (head != null && path != null && within(path, head)) {
                return;
            }
        }
        throw invisible(nip);
    }

    public static ApiException invisible(String nip) {
        return ApiException.notFound("employee", nip);
    }

    /**
     * The scope of a list the caller asks for: ADMIN and HR_OFFICER any unit (or everyone when none is given), a
     * UNIT_HEAD their own subtree (the default) or a unit inside it; anyone else 403.
     */
    public Scope listScope(String orgUnit, boolean subtree, String... alsoRoles) {
        if (seesEveryone(alsoRoles)) {
            if (orgUnit == null) {
                return Scope.EVERYONE;
            }
            String path = unitPath(orgUnit);
            if (path == null) {
                throw ApiException.notFound("org unit", orgUnit);
            }
            return new Scope(orgUnit, path, subtree);
        }
        if (caller.hasRole(Roles.UNIT_HEAD) && caller.unit() != null) {
            String head = unitPath(caller.unit());
            if (head == null) {
                throw ApiException.forbidden("your unit " + caller.unit() + " is not known to this service yet");
            }
            if (orgUnit == null) {
                return new Scope(caller.unit(), head, true);
            }
            String path = unitPath(orgUnit);
            if (path == null || !within(path, head)) {
                // a unit outside the head's subtree is answered like one that does not exist
                throw ApiException.notFound("org unit", orgUnit);
            }
            return new Scope(orgUnit, path, subtree);
        }
        throw ApiException.forbidden("lists of people are for ADMIN, HR_OFFICER"
                + (alsoRoles.length == 0 ? "" : ", " + String.join(", ", alsoRoles)) + " and UNIT_HEAD (their own subtree)");
    }

    /** The unit's path from the org replica, or else from an employee of that unit. */
    public String unitPath(String code) {
        @SuppressWarnings("unchecked")
        List<String> path = em.createNativeQuery("select path from org_unit_replica where code = :c and path is not null")
                .setParameter("c", code).getResultList();
        if (!path.isEmpty()) {
            return path.get(0);
        }
        @SuppressWarnings("unchecked")
        List<String> fromEmployee = em.createNativeQuery("""
                select org_unit_path from employee_replica where org_unit_code = :c and org_unit_path is not null limit 1""")
                .setParameter("c", code).getResultList();
        return fromEmployee.isEmpty() ? null : fromEmployee.get(0);
    }

    private String employeePath(String nip) {
        @SuppressWarnings("unchecked")
        List<String> path = em.createNativeQuery("select org_unit_path from employee_replica where nip = :n")
                .setParameter("n", nip).getResultList();
        return path.isEmpty() ? null : path.get(0);
    }

    public static boolean within(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + "/");
    }
}
