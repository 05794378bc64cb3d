package id.asn.merit.employee.service;

import id.asn.merit.employee.domain.OrgUnit;
import id.asn.merit.employee.domain.OrgUnitLevel;
import id.asn.merit.employee.mapping.OrgUnitRequest;
import id.asn.merit.employee.mapping.OrgUnitView;
import id.asn.merit.employee.repository.OrgUnitRepository;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.ApiException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class OrgUnitService {
    @Inject
    OrgUnitRepository units;
    @Inject
    AuditLog audit;

    @Transactional
    public OrgUnitView create(OrgUnitRequest request) {
        if (units.findById(request.code()) != null) {
            throw ApiException.conflict("org unit " + request.code() + " exists already");
        }
        OrgUnit unit = new OrgUnit();
        unit.code = request.code();
        unit.name = request.name().trim();
        unit.level = request.level();
        if (request.level() == OrgUnitLevel.INSTANSI) {
            if (request.parentCode() != null) {
                throw ApiException.badRequest("parentCode", "an INSTANSI is a root and has no parent");
            }
            unit.path = unit.code;
        } else {
            if (request.parentCode() == null) {
                throw ApiException.badRequest("parentCode", "is required for a " + request.level());
            }
            OrgUnit parent = units.findById(request.parentCode());
            if (parent == null) {
                throw ApiException.badRequest("parentCode", "org unit " + request.parentCode() + " does not exist");
            }
            if (!parent.active) {
                throw ApiException.badRequest("parentCode", "org unit " + request.parentCode() + " is closed");
            }
            if (parent.level.child() != request.level()) {
                throw ApiException.badRequest("level", "a unit under a " + parent.level + " must be a " + parent.level.child());
            }
            unit.parentCode = parent.code;
            unit.path = parent.path + "/" + unit.code;
        }
        unit.createdAt = OffsetDateTime.now();
        unit.updatedAt = unit.createdAt;
        units.persistAndFlush(unit);
        OrgUnitView view = OrgUnitView.of(unit);
        audit.record("CREATE", "OrgUnit", unit.code, null, view);
        return view;
    }

    public OrgUnitView get(String code) {
        return OrgUnitView.of(require(code));
    }

    public List<OrgUnitView> children(String parentCode) {
        List<OrgUnit> found = parentCode == null
                ? units.list("parentCode is null", Sort.ascending("code"))
                : units.list("parentCode", Sort.ascending("code"), parentCode);
        return found.stream().map(OrgUnitView::of).toList();
    }

    public OrgUnit require(String code) {
        OrgUnit unit = units.findById(code);
        if (unit == null) {
            throw ApiException.notFound("org unit", code);
        }
        return unit;
    }
}
