package id.asn.merit.employee.service;

import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.EmploymentType;
import id.asn.merit.employee.domain.FixedByNip;
import id.asn.merit.employee.domain.NipValidator;
import id.asn.merit.employee.domain.OrgUnit;
import id.asn.merit.employee.domain.Position;
import id.asn.merit.employee.domain.Rank;
import id.asn.merit.employee.mapping.EmployeeEventData;
import id.asn.merit.employee.mapping.EmployeeListRow;
import id.asn.merit.employee.mapping.EmployeePatch;
import id.asn.merit.employee.mapping.EmployeeRequest;
import id.asn.merit.employee.mapping.EmployeeView;
import id.asn.merit.employee.messaging.Events;
import id.asn.merit.employee.repository.EmployeeRepository;
import id.asn.merit.employee.repository.OrgUnitRepository;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.outbox.Outbox;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Employee use cases. Each change writes its audit entry and its event in the same transaction. */
@ApplicationScoped
public class EmployeeService {
    public static final String TOPIC = Events.EMPLOYEE_TOPIC;
    public static final String REGISTERED = Events.EMPLOYEE_REGISTERED;
    public static final String UPDATED = Events.EMPLOYEE_UPDATED;
    public static final String RETIRED = Events.EMPLOYEE_RETIRED;

    @Inject
    EmployeeRepository employees;
    @Inject
    OrgUnitRepository units;
    @Inject
    AuditLog audit;
    @Inject
    Outbox outbox;
    @Inject
    HistoryInForce history;
    @Inject
    Caller caller;

    @Transactional
    public EmployeeView register(EmployeeRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        NipValidator.validate(r.nip(), new NipValidator.Expectation(r.employmentType(), r.gender(), r.birthDate()))
                .forEach(message -> errors.add(new Problem.FieldError("nip", message)));
        Rank.problem(r.rank(), r.employmentType()).ifPresent(message -> errors.add(new Problem.FieldError("rank", message)));
        OrgUnit unit = units.findById(r.orgUnitCode());
        if (unit == null) {
            errors.add(new Problem.FieldError("orgUnitCode", "org unit " + r.orgUnitCode() + " does not exist"));
        } else if (!unit.active) {
            errors.add(new Problem.FieldError("orgUnitCode", "org unit " + r.orgUnitCode() + " is closed"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Position position = r.positionCode() == null ? null : requirePosition(r.positionCode(), r.orgUnitCode());
        if (employees.findById(r.nip()) != null) {
            throw ApiException.conflict("employee " + r.nip() + " exists already");
        }
        Employee e = new Employee();
        e.nip = r.nip();
        e.name = r.name().trim();
        e.gender = r.gender();
        e.birthDate = r.birthDate();
        e.employmentType = r.employmentType();
        e.rank = r.rank();
        e.positionCode = position == null ? null : position.code;
        e.orgUnitCode = r.orgUnitCode();
        if (r.education() != null) {
            e.educationLevel = r.education().level();
            e.educationField = r.education().field();
        }
        e.status = r.status() == null ? EmployeeStatus.ACTIVE : r.status();
        e.tmtCpns = r.tmtCpns();
        e.createdAt = OffsetDateTime.now();
        e.updatedAt = e.createdAt;
        employees.persistAndFlush(e);
        // the values given are the first history entries, so a back-dated entry recorded later never replaces them
        if (r.rank() != null) {
            history.recordRank(e.nip, r.rank(), caller.subject());
        }
        if (position != null) {
            history.recordPlacement(e.nip, position, caller.subject());
        }
        if (r.education() != null) {
            history.recordEducation(e.nip, r.education().level(), r.education().field(), caller.subject());
        }
        EmployeeView view = EmployeeView.of(e);
        audit.record("CREATE", "Employee", e.nip, null, view);
        outbox.publish(TOPIC, e.nip, REGISTERED, eventData(e));
        return view;
    }

    @Transactional
    public EmployeeView patch(String nip, Long ifMatch, EmployeePatch p) {
        Employee e = require(nip);
        if (ifMatch != null && ifMatch != e.version) {
            throw ApiException.preconditionFailed("employee " + nip + " is at version " + e.version + ", not " + ifMatch);
        }
        EmployeeView before = EmployeeView.of(e);
        List<Problem.FieldError> errors = new ArrayList<>();
        EmploymentType type = p.employmentType() != null ? p.employmentType() : e.employmentType;
        if (p.rank() != null) {
            Rank.problem(p.rank(), type).ifPresent(m -> errors.add(new Problem.FieldError("rank", m)));
        }
        OrgUnit unit = units.findById(p.orgUnitCode() != null ? p.orgUnitCode() : e.orgUnitCode);
        if (p.orgUnitCode() != null && (unit == null || !unit.active)) {
            errors.add(new Problem.FieldError("orgUnitCode", "org unit " + p.orgUnitCode() + (unit == null ? " does not exist" : " is closed")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        FixedByNip.check(e.gender, e.birthDate, e.employmentType, p.gender(), p.birthDate(), p.employmentType()).ifPresent(v -> {
            throw ApiException.unprocessable(v.field(), v.message());
        });
        Position position = null;
        if (p.positionCode() != null) {
            position = requirePosition(p.positionCode(), p.orgUnitCode());
        } else if (p.orgUnitCode() != null && e.positionCode != null && !p.orgUnitCode().equals(e.orgUnitCode)) {
            Position held = Position.findById(e.positionCode);
            if (held != null && !held.orgUnitCode.equals(p.orgUnitCode())) {
                throw ApiException.unprocessable("positionCode", "the current position " + held.code + " belongs to org unit "
                        + held.orgUnitCode + ", not " + p.orgUnitCode() + "; give the positionCode in the new unit");
            }
            position = held; // moving into the unit of the position held: a placement in it
        }
        if (p.name() != null) {
            e.name = p.name().trim();
        }
        if (p.employmentType() != null) {
            e.employmentType = p.employmentType();
        }
        // rank, position and education changes are history entries dated today; the entry in force sets the record
        if (p.rank() != null && !p.rank().equals(e.rank)) {
            history.recordRank(nip, p.rank(), caller.subject());
        }
        if (position != null && (!position.code.equals(e.positionCode) || !position.orgUnitCode.equals(e.orgUnitCode))) {
            history.recordPlacement(nip, position, caller.subject());
        } else if (position == null && p.orgUnitCode() != null) {
            e.orgUnitCode = p.orgUnitCode(); // no position to place: the unit alone
        }
        if (p.education() != null && (p.education().level() != e.educationLevel
                || !java.util.Objects.equals(p.education().field(), e.educationField))) {
            history.recordEducation(nip, p.education().level(), p.education().field(), caller.subject());
        }
        history.apply(e);
        boolean retiring = p.status() == EmployeeStatus.RETIRED && e.status != EmployeeStatus.RETIRED;
        if (p.status() != null) {
            e.status = p.status();
        }
        EmployeeView after = EmployeeView.of(e);
        if (after.equals(before)) {
            return before;
        }
        e.updatedAt = OffsetDateTime.now();
        employees.flush();
        after = EmployeeView.of(e);
        audit.record("UPDATE", "Employee", nip, before, after);
        outbox.publish(TOPIC, nip, retiring ? RETIRED : UPDATED, eventData(e));
        return after;
    }

    /** The replica state every asn.employee.* event carries. */
    public EmployeeEventData eventData(Employee e) {
        OrgUnit unit = units.findById(e.orgUnitCode);
        Position position = e.positionCode == null ? null : Position.findById(e.positionCode);
        return EmployeeEventData.of(e, unit == null ? List.of(e.orgUnitCode) : unit.pathCodes(),
                position == null ? null : position.type.name(), history.rankSince(e));
    }

    public Employee require(String nip) {
        Employee e = employees.findById(nip);
        if (e == null) {
            throw ApiException.notFound("employee", nip);
        }
        if (history.isDue(e)) {
            // a read applies the entries whose date has come; the record returned is the one they changed (in the
            // caller's transaction, or in one of its own for a plain read)
            return QuarkusTransaction.joiningExisting().call(() -> {
                history.applyDue(nip);
                return employees.findById(nip);
            });
        }
        return e;
    }

    /**
     * The position an employee is put in: it must exist, be open and belong to the org unit given (when one is).
     * An unknown or mismatched position is a 422 naming positionCode.
     */
    public Position requirePosition(String code, String orgUnitCode) {
        Position position = Position.findById(code);
        if (position == null || !position.active) {
            throw ApiException.unprocessable("positionCode", "position " + code + (position == null ? " does not exist" : " is closed"));
        }
        if (orgUnitCode != null && !position.orgUnitCode.equals(orgUnitCode)) {
            throw ApiException.unprocessable("positionCode", "position " + code + " belongs to org unit " + position.orgUnitCode
                    + ", not " + orgUnitCode);
        }
        return position;
    }

    public PageResponse<EmployeeListRow> search(EmployeeRepository.Filter filter, PageRequest paging) {
        return employees.search(filter, paging);
    }
}
