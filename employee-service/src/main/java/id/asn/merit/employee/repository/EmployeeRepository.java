package id.asn.merit.employee.repository;

import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.EmploymentType;
import id.asn.merit.employee.domain.PositionType;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EmployeeRepository implements PanacheRepositoryBase<Employee, String> {

    /** orgUnitPath: the path of the unit whose subtree is searched (null: no subtree filter). */
    public record Filter(String orgUnit, String orgUnitPath, String q, EmploymentType employmentType, EmployeeStatus status,
            PositionType positionType) {
    }

    /** Filtered, paged, sorted by name then NIP (stable). */
    public PageResponse<Employee> search(Filter f, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (f.orgUnitPath() != null) {
            where.append(" and orgUnitCode in (select u.code from OrgUnit u where u.path = :path or u.path like :pathPrefix)");
            params.and("path", f.orgUnitPath()).and("pathPrefix", f.orgUnitPath() + "/%");
        } else if (f.orgUnit() != null) {
            where.append(" and orgUnitCode = :unit");
            params.and("unit", f.orgUnit());
        }
        if (f.q() != null && !f.q().isBlank()) {
            String q = f.q().trim();
            if (q.matches("\\d+")) {
                where.append(" and nip like :nipPrefix");
                params.and("nipPrefix", q + "%");
            } else {
                where.append(" and lower(name) like :name");
                params.and("name", "%" + q.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (f.employmentType() != null) {
            where.append(" and employmentType = :type");
            params.and("type", f.employmentType());
        }
        if (f.positionType() != null) {
            where.append(" and positionCode in (select p.code from Position p where p.type = :positionType)");
            params.and("positionType", f.positionType());
        }
        if (f.status() != null) {
            where.append(" and status = :status");
            params.and("status", f.status());
        }
        PanacheQuery<Employee> query = find(where.toString(), Sort.ascending("name", "nip"), params);
        return new PageResponse<>(query.page(paging.page(), paging.size()).list(), paging.page(), paging.size(), query.count());
    }
}
