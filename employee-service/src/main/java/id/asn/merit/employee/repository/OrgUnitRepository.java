package id.asn.merit.employee.repository;

import id.asn.merit.employee.domain.OrgUnit;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OrgUnitRepository implements PanacheRepositoryBase<OrgUnit, String> {

    /** Whether {@code code} is {@code rootCode} or lies below it. */
    public boolean isWithin(String code, String rootCode) {
        OrgUnit unit = findById(code);
        return unit != null && unit.pathCodes().contains(rootCode);
    }
}
