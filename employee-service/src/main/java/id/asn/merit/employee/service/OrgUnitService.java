package id.asn.merit.employee.service;

import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.OrgUnit;
import id.asn.merit.employee.domain.Position;
import id.asn.merit.employee.mapping.OrgUnitPatch;
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

    @Transactional
    public OrgUnitView patch(String code, Long ifMatch, OrgUnitPatch p) {
        OrgUnit unit = require(code);
        if (ifMatch != null && ifMatch != unit.version) {
            throw ApiException.preconditionFailed("org unit " + code + " is at version " + unit.version + ", not " + ifMatch);
        }
        OrgUnitView before = OrgUnitView.of(unit);
        if (p.name() != null) {
            unit.name = p.name().trim();
        }
        if (p.parentCode() != null && !p.parentCode().equals(unit.parentCode)) {
            move(unit, p.parentCode());
        }
        if (Boolean.FALSE.equals(p.active()) && unit.active) {
            long busy = activeMembers(unit);
            if (busy > 0) {
                throw ApiException.conflict("org unit " + code + " still has " + busy + " active employees or positions in its subtree");
            }
            units.update("active = false where path = ?1 or path like ?2", unit.path, unit.path + "/%");
            unit.active = false;
        } else if (Boolean.TRUE.equals(p.active())) {
            unit.active = true;
        }
        unit.updatedAt = OffsetDateTime.now();
        units.flush();
        units.getEntityManager().refresh(unit);
        OrgUnitView after = OrgUnitView.of(unit);
        audit.record("UPDATE", "OrgUnit", code, before, after);
        return after;
    }

    @Transactional
    public void delete(String code) {
        OrgUnit unit = require(code);
        if (units.count("parentCode", code) > 0) {
            throw ApiException.conflict("org unit " + code + " has child units; move or delete them first");
        }
        long members = Employee.count("orgUnitCode", code) + Position.count("orgUnitCode", code);
        if (members > 0) {
            throw ApiException.conflict("org unit " + code + " has " + members + " employees or positions; close it instead");
        }
        OrgUnitView before = OrgUnitView.of(unit);
        units.delete(unit);
        audit.record("DELETE", "OrgUnit", code, before, null);
    }

    private void move(OrgUnit unit, String parentCode) {
        OrgUnit parent = units.findById(parentCode);
        if (parent == null || !parent.active) {
            throw ApiException.badRequest("parentCode", "org unit " + parentCode + (parent == null ? " does not exist" : " is closed"));
        }
        if (parent.level.child() != unit.level) {
            throw ApiException.badRequest("parentCode", "a " + unit.level + " must sit under a unit of the level above it, not a " + parent.level);
        }
        if (parent.pathCodes().contains(unit.code)) {
            throw ApiException.badRequest("parentCode", "cannot move a unit under itself");
        }
        String oldPath = unit.path;
        String newPath = parent.path + "/" + unit.code;
        // rewrite the whole subtree's paths in one statement
        units.getEntityManager().createNativeQuery(
                "update org_unit set path = :newPath || substr(path, :cut) where path = :old or path like :oldPrefix")
                .setParameter("newPath", newPath).setParameter("cut", oldPath.length() + 1)
                .setParameter("old", oldPath).setParameter("oldPrefix", oldPath + "/%").executeUpdate();
        unit.parentCode = parent.code;
        unit.path = newPath; // the entity is written whole on flush: keep it in step with the statement above
    }

    private long activeMembers(OrgUnit unit) {
        String where = " in (select u.code from OrgUnit u where u.path = ?1 or u.path like ?2)";
        return Employee.count("status = ?3 and orgUnitCode" + where, unit.path, unit.path + "/%", EmployeeStatus.ACTIVE)
                + Position.count("active = true and orgUnitCode" + where, unit.path, unit.path + "/%");
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

    public List<OrgUnitView> subtree(String code) {
        OrgUnit root = require(code);
        return units.list("path = ?1 or path like ?2", Sort.ascending("path"), root.path, root.path + "/%").stream()
                .map(OrgUnitView::of).toList();
    }

    public OrgUnit require(String code) {
        OrgUnit unit = units.findById(code);
        if (unit == null) {
            throw ApiException.notFound("org unit", code);
        }
        return unit;
    }
}
