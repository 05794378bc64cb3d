package id.asn.merit.employee.service;

import id.asn.merit.employee.domain.Assignment;
import id.asn.merit.employee.domain.DisciplinaryRecord;
import id.asn.merit.employee.domain.EducationEntry;
import id.asn.merit.employee.domain.EffectiveHistory;
import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.domain.PerformanceRating;
import id.asn.merit.employee.domain.Placement;
import id.asn.merit.employee.domain.Position;
import id.asn.merit.employee.domain.Rank;
import id.asn.merit.employee.domain.RankEntry;
import id.asn.merit.employee.domain.SkpMatrix;
import id.asn.merit.employee.domain.SkpRating;
import id.asn.merit.employee.mapping.EmployeeEventData;
import id.asn.merit.employee.mapping.EmployeeView;
import id.asn.merit.employee.mapping.HistoryRequests.DisciplinaryRecordRequest;
import id.asn.merit.employee.mapping.HistoryRequests.EducationRequest;
import id.asn.merit.employee.mapping.HistoryRequests.PerformanceRatingRequest;
import id.asn.merit.employee.mapping.HistoryRequests.PlacementRequest;
import id.asn.merit.employee.mapping.HistoryRequests.RankRequest;
import id.asn.merit.employee.mapping.HistoryViews.DisciplinaryRecordView;
import id.asn.merit.employee.mapping.HistoryViews.EducationEntryView;
import id.asn.merit.employee.mapping.HistoryViews.PerformanceRatingView;
import id.asn.merit.employee.mapping.HistoryViews.PlacementView;
import id.asn.merit.employee.mapping.HistoryViews.RankView;
import id.asn.merit.employee.messaging.Events;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.outbox.Outbox;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Placements, ranks, educations, SKP ratings and disciplinary records. The employee's current position, rank and
 * education are derived from the entry in force ({@link EffectiveHistory}), so a back-dated entry never overwrites
 * a later one. Every entry is audited and published through the outbox in the same transaction.
 */
@ApplicationScoped
public class EmployeeHistoryService {
    public static final String PLACED = Events.EMPLOYEE_PLACED;
    public static final String RANK_CHANGED = Events.EMPLOYEE_RANK_CHANGED;
    public static final String PERFORMANCE_RATED = Events.EMPLOYEE_PERFORMANCE_RATED;
    public static final String DISCIPLINED = Events.EMPLOYEE_DISCIPLINED;

    @Inject
    EmployeeService employees;
    @Inject
    AuditLog audit;
    @Inject
    Outbox outbox;
    @Inject
    Caller caller;
    @Inject
    HistoryInForce inForce;

    @Transactional
    public PlacementView place(String nip, PlacementRequest r) {
        Employee e = employees.require(nip);
        Position position = Position.findById(r.positionCode());
        if (position == null || !position.active) {
            throw ApiException.badRequest("positionCode", "position " + r.positionCode() + (position == null ? " does not exist" : " is closed"));
        }
        if (r.effectiveDate().isBefore(e.birthDate.plusYears(18))) {
            throw ApiException.badRequest("effectiveDate", "is before the employee turned 18");
        }
        EmployeeView before = EmployeeView.of(e);
        Placement p = new Placement();
        p.nip = nip;
        p.positionCode = position.code;
        p.orgUnitCode = position.orgUnitCode;
        p.effectiveDate = r.effectiveDate();
        p.assignment = r.assignment() == null ? Assignment.DEFINITIF : r.assignment();
        p.decreeNumber = r.decreeNumber();
        p.recordedBy = caller.subject();
        p.recordedAt = OffsetDateTime.now();
        p.persist();
        // acting assignments (PLT/PLH) are history; the employee's own position is the definitive one in force
        inForce.apply(e);
        Employee changed = touch(e);
        audit.record("PLACE", "Employee", nip, before, EmployeeView.of(changed));
        outbox.publish(EmployeeService.TOPIC, nip, PLACED, employees.eventData(changed).with(
                new EmployeeEventData.PlacementDetail(p.positionCode, p.orgUnitCode, p.effectiveDate, p.assignment)));
        return PlacementView.of(p, currentPlacement(nip).map(c -> c.id.equals(p.id)).orElse(false));
    }

    /** Newest first (effective date, then the order recorded): a stable order for paging. */
    public PageResponse<PlacementView> placements(String nip, PageRequest paging) {
        employees.require(nip);
        Optional<Placement> current = currentPlacement(nip);
        return page(Placement.<Placement>find("nip", Sort.descending("effectiveDate", "id"), nip), paging)
                .map(p -> PlacementView.of(p, current.map(c -> c.id.equals(p.id)).orElse(false)));
    }

    public PlacementView placement(String nip, long id) {
        employees.require(nip);
        Placement p = Placement.find("nip = ?1 and id = ?2", nip, id).firstResult();
        if (p == null) {
            throw ApiException.notFound("placement", nip + "/" + id);
        }
        return PlacementView.of(p, currentPlacement(nip).map(c -> c.id.equals(p.id)).orElse(false));
    }

    private Optional<Placement> currentPlacement(String nip) {
        return inForce.inForce(Placement.list("nip = ?1 and assignment = ?2", nip, Assignment.DEFINITIF), x -> x.effectiveDate, x -> x.id);
    }

    private static <T extends io.quarkus.hibernate.orm.panache.PanacheEntityBase> PageResponse<T> page(
            io.quarkus.hibernate.orm.panache.PanacheQuery<T> query, PageRequest paging) {
        return new PageResponse<>(query.page(paging.page(), paging.size()).list(), paging.page(), paging.size(), query.count());
    }

    @Transactional
    public RankView addRank(String nip, RankRequest r) {
        Employee e = employees.require(nip);
        Rank.problem(r.rank(), e.employmentType).ifPresent(m -> {
            throw ApiException.badRequest("rank", m);
        });
        EmployeeView before = EmployeeView.of(e);
        RankEntry entry = new RankEntry();
        entry.nip = nip;
        entry.rank = r.rank();
        entry.effectiveDate = r.effectiveDate();
        entry.decreeNumber = r.decreeNumber();
        entry.recordedBy = caller.subject();
        entry.recordedAt = OffsetDateTime.now();
        entry.persist();
        inForce.apply(e);
        Employee changed = touch(e);
        audit.record("RANK", "Employee", nip, before, EmployeeView.of(changed));
        outbox.publish(EmployeeService.TOPIC, nip, RANK_CHANGED, employees.eventData(changed).with(
                new EmployeeEventData.RankDetail(entry.rank, entry.effectiveDate)));
        return RankView.of(entry, currentRank(nip).map(c -> c.id.equals(entry.id)).orElse(false));
    }

    public PageResponse<RankView> ranks(String nip, PageRequest paging) {
        employees.require(nip);
        Optional<RankEntry> current = currentRank(nip);
        return page(RankEntry.<RankEntry>find("nip", Sort.descending("effectiveDate", "id"), nip), paging)
                .map(r -> RankView.of(r, current.map(c -> c.id.equals(r.id)).orElse(false)));
    }

    public RankView rank(String nip, long id) {
        employees.require(nip);
        RankEntry r = RankEntry.find("nip = ?1 and id = ?2", nip, id).firstResult();
        if (r == null) {
            throw ApiException.notFound("rank entry", nip + "/" + id);
        }
        return RankView.of(r, currentRank(nip).map(c -> c.id.equals(r.id)).orElse(false));
    }

    private Optional<RankEntry> currentRank(String nip) {
        return inForce.inForce(RankEntry.list("nip", nip), x -> x.effectiveDate, x -> x.id);
    }

    @Transactional
    public EducationEntryView addEducation(String nip, EducationRequest r) {
        Employee e = employees.require(nip);
        EmployeeView before = EmployeeView.of(e);
        EducationEntry entry = new EducationEntry();
        entry.nip = nip;
        entry.level = r.level();
        entry.field = r.field();
        entry.institution = r.institution();
        entry.graduatedOn = r.graduatedOn();
        entry.recordedBy = caller.subject();
        entry.recordedAt = OffsetDateTime.now();
        entry.persist();
        inForce.apply(e);
        Employee changed = touch(e);
        audit.record("EDUCATION", "Employee", nip, before, EmployeeView.of(changed));
        outbox.publish(EmployeeService.TOPIC, nip, EmployeeService.UPDATED, employees.eventData(changed));
        return EducationEntryView.of(entry, currentEducation(nip).map(c -> c.id.equals(entry.id)).orElse(false));
    }

    public PageResponse<EducationEntryView> educations(String nip, PageRequest paging) {
        employees.require(nip);
        Optional<EducationEntry> current = currentEducation(nip);
        return page(EducationEntry.<EducationEntry>find("nip", Sort.descending("graduatedOn", "id"), nip), paging)
                .map(x -> EducationEntryView.of(x, current.map(c -> c.id.equals(x.id)).orElse(false)));
    }

    public EducationEntryView education(String nip, long id) {
        employees.require(nip);
        EducationEntry x = EducationEntry.find("nip = ?1 and id = ?2", nip, id).firstResult();
        if (x == null) {
            throw ApiException.notFound("education entry", nip + "/" + id);
        }
        return EducationEntryView.of(x, currentEducation(nip).map(c -> c.id.equals(x.id)).orElse(false));
    }

    private Optional<EducationEntry> currentEducation(String nip) {
        return inForce.inForce(EducationEntry.list("nip", nip), x -> x.graduatedOn, x -> x.id);
    }

    @Transactional
    public PerformanceRatingView rate(String nip, PerformanceRatingRequest r) {
        Employee e = employees.require(nip);
        if (r.year() > inForce.today().getYear()) {
            throw ApiException.badRequest("year", "cannot rate a year that has not started");
        }
        SkpRating derived = SkpMatrix.REGULATION.rate(r.workResult(), r.workBehaviour());
        SkpRating rating = r.rating() == null ? derived : r.rating();
        if (rating != derived && (r.overrideReason() == null || r.overrideReason().isBlank())) {
            throw ApiException.badRequest("overrideReason",
                    "is required to override the derived rating " + derived + " with " + rating);
        }
        PerformanceRating existing = PerformanceRating.find("nip = ?1 and year = ?2 and period = ?3", nip, r.year(), r.period()).firstResult();
        if (existing != null) {
            throw ApiException.conflict("employee " + nip + " is rated for " + r.year() + " " + r.period() + " already (rating " + existing.id + ")");
        }
        PerformanceRating pr = new PerformanceRating();
        pr.nip = nip;
        pr.year = r.year();
        pr.period = r.period();
        pr.workResult = r.workResult();
        pr.workBehaviour = r.workBehaviour();
        pr.derivedRating = derived;
        pr.rating = rating;
        pr.overrideReason = rating == derived ? null : r.overrideReason().trim();
        pr.rater = caller.subject();
        pr.raterNip = caller.nip();
        pr.recordedAt = OffsetDateTime.now();
        pr.persist();
        PerformanceRatingView view = PerformanceRatingView.of(pr);
        audit.record("RATE", "PerformanceRating", nip + "/" + pr.year + "/" + pr.period, null, view);
        outbox.publish(EmployeeService.TOPIC, nip, PERFORMANCE_RATED, employees.eventData(e).with(
                new EmployeeEventData.RatingDetail(pr.year, pr.period, pr.workResult, pr.workBehaviour, pr.rating, rating != derived)));
        return view;
    }

    /** Newest year first; within a year ANNUAL, Q1 … Q4 (unique per year and period, so the order is stable). */
    public PageResponse<PerformanceRatingView> ratings(String nip, PageRequest paging) {
        employees.require(nip);
        return page(PerformanceRating.<PerformanceRating>find("nip", Sort.descending("year").and("period").and("id"), nip), paging)
                .map(PerformanceRatingView::of);
    }

    public PerformanceRatingView rating(String nip, long id) {
        employees.require(nip);
        PerformanceRating r = PerformanceRating.find("nip = ?1 and id = ?2", nip, id).firstResult();
        if (r == null) {
            throw ApiException.notFound("performance rating", nip + "/" + id);
        }
        return PerformanceRatingView.of(r);
    }

    @Transactional
    public DisciplinaryRecordView discipline(String nip, DisciplinaryRecordRequest r) {
        Employee e = employees.require(nip);
        DisciplinaryRecord d = new DisciplinaryRecord();
        d.nip = nip;
        d.level = r.level();
        d.decidedOn = r.decidedOn();
        d.description = r.description();
        d.recordedBy = caller.subject();
        d.recordedAt = OffsetDateTime.now();
        d.persist();
        DisciplinaryRecordView view = DisciplinaryRecordView.of(d);
        audit.record("DISCIPLINE", "DisciplinaryRecord", nip + "/" + d.id, null, view);
        outbox.publish(EmployeeService.TOPIC, nip, DISCIPLINED, employees.eventData(e).with(
                new EmployeeEventData.DisciplineDetail(d.level, d.decidedOn)));
        return view;
    }

    public PageResponse<DisciplinaryRecordView> disciplinaryRecords(String nip, PageRequest paging) {
        employees.require(nip);
        return page(DisciplinaryRecord.<DisciplinaryRecord>find("nip", Sort.descending("decidedOn", "id"), nip), paging)
                .map(DisciplinaryRecordView::of);
    }

    public DisciplinaryRecordView disciplinaryRecord(String nip, long id) {
        employees.require(nip);
        DisciplinaryRecord d = DisciplinaryRecord.find("nip = ?1 and id = ?2", nip, id).firstResult();
        if (d == null) {
            throw ApiException.notFound("disciplinary record", nip + "/" + id);
        }
        return DisciplinaryRecordView.of(d);
    }

    /** Flushes so that the version in the event is the one stored. */
    private static Employee touch(Employee e) {
        e.updatedAt = OffsetDateTime.now();
        Employee.getEntityManager().flush();
        return e;
    }
}
