package id.asn.merit.employee.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.employee.domain.Assignment;
import id.asn.merit.employee.domain.EducationEntry;
import id.asn.merit.employee.domain.EducationLevel;
import id.asn.merit.employee.domain.EffectiveHistory;
import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.domain.Placement;
import id.asn.merit.employee.domain.Position;
import id.asn.merit.employee.domain.RankEntry;
import id.asn.merit.employee.mapping.EmployeeEventData;
import id.asn.merit.employee.mapping.EmployeeView;
import id.asn.merit.platform.audit.AuditEntry;
import id.asn.merit.platform.outbox.Outbox;
import id.asn.merit.platform.web.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps an employee's current position (and unit), rank and education equal to the history entries in force today
 * ({@link EffectiveHistory}), never to the last row written. Registration, PATCH and import record their values as
 * entries dated today; an entry dated later waits in {@code employee.next_history_date} and is applied on its date
 * by {@link HistoryInForceJob} or by the first read of the employee, whichever comes first.
 */
@ApplicationScoped
public class HistoryInForce {
    /** The actor of changes the service makes by itself when an entry's date has come. */
    public static final String SYSTEM_ACTOR = "system:history-in-force";

    @Inject
    Clock clock;
    @Inject
    Outbox outbox;
    @Inject
    EmployeeService employees;
    @Inject
    ObjectMapper json;

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The entries that changed the employee's current values (null where nothing changed). */
    public record Applied(Placement placement, RankEntry rank, EducationEntry education) {
        public boolean any() {
            return placement != null || rank != null || education != null;
        }
    }

    /**
     * Sets the employee's current values to the entries in force today and the date of the next pending entry.
     * Acting assignments (PLT/PLH) are history only: the own position is the definitive placement in force.
     */
    public Applied apply(Employee e) {
        LocalDate today = today();
        List<Placement> definitive = Placement.list("nip = ?1 and assignment = ?2", e.nip, Assignment.DEFINITIF);
        List<RankEntry> ranks = RankEntry.list("nip", e.nip);
        List<EducationEntry> educations = EducationEntry.list("nip", e.nip);
        Placement placed = EffectiveHistory.inForce(definitive, x -> x.effectiveDate, x -> x.id, today)
                .filter(p -> !p.positionCode.equals(e.positionCode) || !p.orgUnitCode.equals(e.orgUnitCode)).orElse(null);
        if (placed != null) {
            e.positionCode = placed.positionCode;
            e.orgUnitCode = placed.orgUnitCode;
        }
        RankEntry ranked = EffectiveHistory.inForce(ranks, x -> x.effectiveDate, x -> x.id, today)
                .filter(r -> !r.rank.equals(e.rank)).orElse(null);
        if (ranked != null) {
            e.rank = ranked.rank;
        }
        EducationEntry educated = EffectiveHistory.inForce(educations, x -> x.graduatedOn, x -> x.id, today)
                .filter(x -> x.level != e.educationLevel || !Objects.equals(x.field, e.educationField)).orElse(null);
        if (educated != null) {
            e.educationLevel = educated.level;
            e.educationField = educated.field;
        }
        e.nextHistoryDate = EffectiveHistory.earliest(EffectiveHistory.earliest(
                EffectiveHistory.nextChange(definitive, x -> x.effectiveDate, today),
                EffectiveHistory.nextChange(ranks, x -> x.effectiveDate, today)),
                EffectiveHistory.nextChange(educations, x -> x.graduatedOn, today)).orElse(null);
        return new Applied(placed, ranked, educated);
    }

    /**
     * The TMT of the employee's current rank: the effective date of the rank entry in force today (null when the rank
     * has no entry, e.g. set before rank history was kept). Merit-service breaks promotion ties by time in rank.
     */
    public LocalDate rankSince(Employee e) {
        if (e.rank == null) {
            return null;
        }
        return EffectiveHistory.inForce(RankEntry.<RankEntry>list("nip", e.nip), x -> x.effectiveDate, x -> x.id, today())
                .filter(r -> r.rank.equals(e.rank)).map(r -> r.effectiveDate).orElse(null);
    }

    public boolean isDue(Employee e) {
        return e.nextHistoryDate != null && !e.nextHistoryDate.isAfter(today());
    }

    /**
     * Applies the entries of one employee whose date has come, under a row lock so that two replicas (or a read and
     * the job) never apply and publish the same change twice. Each change is audited and published: placed.v1 for a
     * position, rank-changed.v1 for a rank, updated.v1 for an education.
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean applyDue(String nip) {
        Employee e = Employee.findById(nip, LockModeType.PESSIMISTIC_WRITE);
        if (e == null || !isDue(e)) {
            return false;
        }
        EmployeeView before = EmployeeView.of(e);
        Applied applied = apply(e);
        if (!applied.any()) {
            return false; // only the next date moved on
        }
        e.updatedAt = OffsetDateTime.now(clock);
        Employee.getEntityManager().flush();
        audit(e.nip, before, EmployeeView.of(e));
        publish(e, applied);
        return true;
    }

    /** The events of changes applied when their date came (not of entries recorded by a request). */
    void publish(Employee e, Applied applied) {
        EmployeeEventData data = employees.eventData(e);
        if (applied.placement() != null) {
            Placement p = applied.placement();
            outbox.publish(EmployeeService.TOPIC, e.nip, EmployeeHistoryService.PLACED,
                    data.with(new EmployeeEventData.PlacementDetail(p.positionCode, p.orgUnitCode, p.effectiveDate, p.assignment)));
        }
        if (applied.rank() != null) {
            outbox.publish(EmployeeService.TOPIC, e.nip, EmployeeHistoryService.RANK_CHANGED,
                    data.with(new EmployeeEventData.RankDetail(applied.rank().rank, applied.rank().effectiveDate)));
        }
        if (applied.education() != null) {
            outbox.publish(EmployeeService.TOPIC, e.nip, EmployeeService.UPDATED, data);
        }
    }

    private void audit(String nip, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now(clock);
        entry.actor = SYSTEM_ACTOR;
        entry.roles = "";
        entry.action = "HISTORY_IN_FORCE";
        entry.entity = "Employee";
        entry.entityId = nip;
        entry.beforeJson = write(before);
        entry.afterJson = write(after);
        entry.requestId = RequestIds.current();
        entry.persist();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A definitive placement dated today: the position given at registration, by PATCH or by import. */
    public Placement recordPlacement(String nip, Position position, String recordedBy) {
        Placement p = new Placement();
        p.nip = nip;
        p.positionCode = position.code;
        p.orgUnitCode = position.orgUnitCode;
        p.effectiveDate = today();
        p.assignment = Assignment.DEFINITIF;
        p.recordedBy = recordedBy;
        p.recordedAt = OffsetDateTime.now(clock);
        p.persist();
        return p;
    }

    /** A rank entry dated today (TMT unknown: the rank as known on the day it was recorded). */
    public RankEntry recordRank(String nip, String rank, String recordedBy) {
        RankEntry r = new RankEntry();
        r.nip = nip;
        r.rank = rank;
        r.effectiveDate = today();
        r.recordedBy = recordedBy;
        r.recordedAt = OffsetDateTime.now(clock);
        r.persist();
        return r;
    }

    /** An education entry dated today (graduation date unknown: the education as known on the day it was recorded). */
    public EducationEntry recordEducation(String nip, EducationLevel level, String field, String recordedBy) {
        EducationEntry x = new EducationEntry();
        x.nip = nip;
        x.level = level;
        x.field = field;
        x.graduatedOn = today();
        x.recordedBy = recordedBy;
        x.recordedAt = OffsetDateTime.now(clock);
        x.persist();
        return x;
    }

    /** Whether an entry of this person is in force today, for the {@code inForce} flag of history views. */
    public <T> Optional<T> inForce(List<T> entries, java.util.function.Function<T, LocalDate> date, java.util.function.Function<T, Long> id) {
        return EffectiveHistory.inForce(entries, date, id, today());
    }
}
