package id.asn.merit.employee.service;

import id.asn.merit.employee.domain.OrgUnit;
import id.asn.merit.employee.domain.Position;
import id.asn.merit.employee.domain.PositionType;
import id.asn.merit.employee.domain.Rank;
import id.asn.merit.employee.mapping.PositionEventData;
import id.asn.merit.employee.mapping.PositionRequest;
import id.asn.merit.employee.mapping.PositionView;
import id.asn.merit.employee.messaging.Events;
import id.asn.merit.employee.repository.OrgUnitRepository;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.outbox.Outbox;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class PositionService {
    @Inject
    OrgUnitRepository units;
    @Inject
    AuditLog audit;
    @Inject
    Outbox outbox;

    @Transactional
    public PositionView create(PositionRequest r) {
        validate(r);
        if (Position.findById(r.code()) != null) {
            throw ApiException.conflict("position " + r.code() + " exists already");
        }
        Position p = new Position();
        p.code = r.code();
        apply(p, r);
        p.createdAt = OffsetDateTime.now();
        p.updatedAt = p.createdAt;
        p.persistAndFlush();
        PositionView view = PositionView.of(p);
        audit.record("CREATE", "Position", p.code, null, view);
        outbox.publish(Events.ORG_TOPIC, p.code, Events.ORG_POSITION_CHANGED, PositionEventData.of(p));
        return view;
    }

    @Transactional
    public PositionView update(String code, Long ifMatch, PositionRequest r) {
        Position p = require(code);
        if (!code.equals(r.code())) {
            throw ApiException.badRequest("code", "must equal the code in the path (" + code + ")");
        }
        if (ifMatch != null && ifMatch != p.version) {
            throw ApiException.preconditionFailed("position " + code + " is at version " + p.version + ", not " + ifMatch);
        }
        validate(r);
        PositionView before = PositionView.of(p);
        apply(p, r);
        p.updatedAt = OffsetDateTime.now();
        Position.getEntityManager().flush();
        PositionView after = PositionView.of(p);
        audit.record("UPDATE", "Position", code, before, after);
        if (!after.equals(before)) {
            outbox.publish(Events.ORG_TOPIC, code, Events.ORG_POSITION_CHANGED, PositionEventData.of(p));
        }
        return after;
    }

    public Position require(String code) {
        Position p = Position.findById(code);
        if (p == null) {
            throw ApiException.notFound("position", code);
        }
        return p;
    }

    public PageResponse<PositionView> search(String orgUnitPath, String orgUnit, PositionType type, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (orgUnitPath != null) {
            where.append(" and orgUnitCode in (select u.code from OrgUnit u where u.path = :path or u.path like :prefix)");
            params.and("path", orgUnitPath).and("prefix", orgUnitPath + "/%");
        } else if (orgUnit != null) {
            where.append(" and orgUnitCode = :unit");
            params.and("unit", orgUnit);
        }
        if (type != null) {
            where.append(" and type = :type");
            params.and("type", type);
        }
        PanacheQuery<Position> q = Position.find(where.toString(), Sort.ascending("code"), params);
        return new PageResponse<>(q.page(paging.page(), paging.size()).list().stream().map(PositionView::of).toList(),
                paging.page(), paging.size(), q.count());
    }

    private void validate(PositionRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.type() == PositionType.FUNGSIONAL && r.functionalLevel() == null) {
            errors.add(new Problem.FieldError("functionalLevel", "is required for a FUNGSIONAL position"));
        }
        if (r.type() != PositionType.FUNGSIONAL && r.functionalLevel() != null) {
            errors.add(new Problem.FieldError("functionalLevel", "is only for FUNGSIONAL positions, not " + r.type()));
        }
        if (r.minRank() != null && Rank.pns(r.minRank()).isEmpty()) {
            errors.add(new Problem.FieldError("minRank", r.minRank() + " is not a golongan/ruang (I/a to IV/e)"));
        }
        OrgUnit unit = units.findById(r.orgUnitCode());
        if (unit == null || !unit.active) {
            errors.add(new Problem.FieldError("orgUnitCode", "org unit " + r.orgUnitCode() + (unit == null ? " does not exist" : " is closed")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void apply(Position p, PositionRequest r) {
        p.title = r.title().trim();
        p.orgUnitCode = r.orgUnitCode();
        p.type = r.type();
        p.functionalLevel = r.functionalLevel();
        p.grade = r.grade();
        p.minRank = r.minRank();
        p.minEducationLevel = r.minEducationLevel();
        p.requiredLeadershipTraining = r.requiredLeadershipTraining() != null
                ? r.requiredLeadershipTraining() : r.type().requiredLeadershipTraining();
    }
}
