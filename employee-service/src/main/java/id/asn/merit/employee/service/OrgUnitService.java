package id.asn.merit.employee.service;

import id.asn.merit.employee.config.OrgConfig;
import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.OrgLevels;
import id.asn.merit.employee.domain.OrgUnit;
import id.asn.merit.employee.domain.Position;
import id.asn.merit.employee.mapping.OrgUnitPatch;
import id.asn.merit.employee.mapping.OrgUnitRequest;
import id.asn.merit.employee.mapping.OrgUnitView;
import id.asn.merit.employee.repository.OrgUnitRepository;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The org tree. A unit's level follows from its parent ({@link OrgLevels}); the tree is at most
 * {@code asn.org.max-depth} deep. Every create, rename, move, close and delete writes {@code asn.org.unit-changed.v1}
 * in the same transaction; a move also re-publishes every unit and every employee of the moved subtree with the
 * new path.
 */
@ApplicationScoped
public class OrgUnitService {
    @Inject
    OrgUnitRepository units;
    @Inject
    AuditLog audit;
    @Inject
    OrgConfig config;
    @Inject
    OrgEventPublisher events;

    OrgLevels levels() {
        return new OrgLevels(config.maxDepth());
    }

    @Transactional
    public OrgUnitView create(OrgUnitRequest request) {
        if (units.findById(request.code()) != null) {
            throw ApiException.conflict("org unit " + request.code() + " exists already");
        }
        OrgUnit unit = new OrgUnit();
        unit.code = request.code();
        unit.name = request.name().trim();
        OrgUnit parent = null;
        if (request.parentCode() == null) {
            if (request.level() != null && OrgLevels.depthOf(request.level()).orElse(1) != 1) {
                throw ApiException.badRequest("parentCode", "is required for a " + request.level());
            }
        } else {
            parent = units.findById(request.parentCode());
            if (parent == null) {
                throw ApiException.badRequest("parentCode", "org unit " + request.parentCode() + " does not exist");
            }
            if (!parent.active) {
                throw ApiException.badRequest("parentCode", "org unit " + request.parentCode() + " is closed");
            }
        }
        int parentDepth = parent == null ? 0 : parent.depth;
        levels().contradiction(parentDepth, request.level()).ifPresent(why -> {
            throw ApiException.unprocessable("level", why);
        });
        if (!levels().allows(parentDepth + 1)) {
            throw ApiException.unprocessable("parentCode", "org unit " + parent.code + " is at depth " + parentDepth
                    + ", the deepest the tree may go (asn.org.max-depth=" + config.maxDepth() + ")");
        }
        unit.depth = parentDepth + 1;
        unit.level = OrgLevels.label(unit.depth);
        unit.parentCode = parent == null ? null : parent.code;
        unit.path = parent == null ? unit.code : parent.path + "/" + unit.code;
        unit.createdAt = OffsetDateTime.now();
        unit.updatedAt = unit.createdAt;
        units.persistAndFlush(unit);
        OrgUnitView view = OrgUnitView.of(unit);
        audit.record("CREATE", "OrgUnit", unit.code, null, view);
        events.unitChanged(unit);
        return view;
    }

    @Transactional
    public OrgUnitView patch(String code, Long ifMatch, OrgUnitPatch p) {
        OrgUnit unit = require(code);
        if (ifMatch != null && ifMatch != unit.version) {
            throw ApiException.preconditionFailed("org unit " + code + " is at version " + unit.version + ", not " + ifMatch);
        }
        OrgUnitView before = OrgUnitView.of(unit);
        boolean moved = p.parentCode() != null && !p.parentCode().equals(unit.parentCode);
        if (moved) {
            move(unit, p.parentCode()); // first: it reloads the unit
        }
        if (p.name() != null) {
            unit.name = p.name().trim();
        }
        Set<String> closed = new HashSet<>();
        if (Boolean.FALSE.equals(p.active()) && unit.active) {
            long busy = activeMembers(unit);
            if (busy > 0) {
                throw ApiException.conflict("org unit " + code + " still has " + busy + " active employees or positions in its subtree");
            }
            closed.addAll(units.getEntityManager().createQuery(
                    "select u.code from OrgUnit u where (u.path = ?1 or u.path like ?2) and u.active = true", String.class)
                    .setParameter(1, unit.path).setParameter(2, unit.path + "/%").getResultList());
            units.update("active = false, version = version + 1, updatedAt = ?2 where path like ?1 and active = true",
                    unit.path + "/%", OffsetDateTime.now());
            unit.active = false;
        } else if (Boolean.TRUE.equals(p.active())) {
            unit.active = true;
        }
        unit.updatedAt = OffsetDateTime.now();
        units.flush();
        units.getEntityManager().refresh(unit);
        OrgUnitView after = OrgUnitView.of(unit);
        audit.record("UPDATE", "OrgUnit", code, before, after);
        String path = unit.path;
        if (moved) {
            // every unit below has a new path (and maybe level), every person in it a new orgUnitPath
            events.subtreeChanged(path, c -> true);
            events.employeesMoved(path);
        } else if (!closed.isEmpty()) {
            events.subtreeChanged(path, closed::contains);
        } else if (!after.equals(before)) {
            events.unitChanged(unit);
        }
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
        events.unitDeleted(unit);
        units.delete(unit);
        audit.record("DELETE", "OrgUnit", code, before, null);
    }

    /**
     * Moves the unit with its subtree under {@code parentCode}: paths, depths and levels of the whole subtree are
     * rewritten in one statement (the level follows the new depth), within the tree's maximum depth.
     */
    private void move(OrgUnit unit, String parentCode) {
        OrgUnit parent = units.findById(parentCode);
        if (parent == null || !parent.active) {
            throw ApiException.badRequest("parentCode", "org unit " + parentCode + (parent == null ? " does not exist" : " is closed"));
        }
        if (parent.pathCodes().contains(unit.code)) {
            throw ApiException.badRequest("parentCode", "cannot move a unit under itself");
        }
        String oldPath = unit.path;
        Integer deepest = units.getEntityManager().createQuery(
                "select max(u.depth) from OrgUnit u where u.path = ?1 or u.path like ?2", Integer.class)
                .setParameter(1, oldPath).setParameter(2, oldPath + "/%").getSingleResult();
        int shift = parent.depth + 1 - unit.depth;
        int newDeepest = (deepest == null ? unit.depth : deepest) + shift;
        if (!levels().allows(newDeepest)) {
            throw ApiException.unprocessable("parentCode", "under " + parent.code + " the subtree of " + unit.code + " would reach depth "
                    + newDeepest + ", deeper than the tree may go (asn.org.max-depth=" + config.maxDepth() + ")");
        }
        String newPath = parent.path + "/" + unit.code;
        units.flush();
        units.getEntityManager().unwrap(Session.class).doWork(c -> {
            // the moved unit's own version goes up with its entity below; every unit under it changes here
            try (PreparedStatement ps = c.prepareStatement("""
                    update org_unit set path = ? || substr(path, ?), depth = depth + ?,
                        level = coalesce((?::text[])[depth + ?], 'LEVEL_' || (depth + ?)),
                        parent_code = case when code = ? then ? else parent_code end,
                        version = case when code = ? then version else version + 1 end,
                        updated_at = now()
                    where path = ? or path like ?""")) {
                ps.setString(1, newPath);
                ps.setInt(2, oldPath.length() + 1);
                ps.setInt(3, shift);
                ps.setArray(4, c.createArrayOf("text", OrgLevels.namedLabels().toArray()));
                ps.setInt(5, shift);
                ps.setInt(6, shift);
                ps.setString(7, unit.code);
                ps.setString(8, parent.code);
                ps.setString(9, unit.code);
                ps.setString(10, oldPath);
                ps.setString(11, oldPath + "/%");
                ps.executeUpdate();
            }
        });
        units.getEntityManager().refresh(unit);
    }

    private long activeMembers(OrgUnit unit) {
        String where = " in (select u.code from OrgUnit u where u.path = ?1 or u.path like ?2)";
        return Employee.count("status = ?3 and orgUnitCode" + where, unit.path, unit.path + "/%", EmployeeStatus.ACTIVE)
                + Position.count("active = true and orgUnitCode" + where, unit.path, unit.path + "/%");
    }

    public OrgUnitView get(String code) {
        return OrgUnitView.of(require(code));
    }

    /** The children of {@code parentCode} (the roots when null), by code. */
    public PageResponse<OrgUnitView> children(String parentCode, PageRequest paging) {
        PanacheQuery<OrgUnit> q = parentCode == null
                ? units.find("parentCode is null", Sort.ascending("code"))
                : units.find("parentCode", Sort.ascending("code"), parentCode);
        return page(q, paging);
    }

    /** The unit and every unit below it, by path (so a parent comes before its children), then code. */
    public PageResponse<OrgUnitView> subtree(String code, PageRequest paging) {
        OrgUnit root = require(code);
        return page(units.find("path = ?1 or path like ?2", Sort.ascending("path", "code"), root.path, root.path + "/%"), paging);
    }

    private static PageResponse<OrgUnitView> page(PanacheQuery<OrgUnit> q, PageRequest paging) {
        List<OrgUnitView> items = q.page(paging.page(), paging.size()).list().stream().map(OrgUnitView::of).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), q.count());
    }

    public OrgUnit require(String code) {
        OrgUnit unit = units.findById(code);
        if (unit == null) {
            throw ApiException.notFound("org unit", code);
        }
        return unit;
    }
}
