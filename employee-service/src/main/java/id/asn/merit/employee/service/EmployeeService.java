package id.asn.merit.employee.service;

import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.NipValidator;
import id.asn.merit.employee.domain.OrgUnit;
import id.asn.merit.employee.domain.Position;
import id.asn.merit.employee.domain.Rank;
import id.asn.merit.employee.mapping.EmployeeEventData;
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
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
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
        e.positionCode = r.positionCode();
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
        if (p.rank() != null) {
            Rank.problem(p.rank(), e.employmentType).ifPresent(m -> errors.add(new Problem.FieldError("rank", m)));
        }
        OrgUnit unit = units.findById(p.orgUnitCode() != null ? p.orgUnitCode() : e.orgUnitCode);
        if (p.orgUnitCode() != null && (unit == null || !unit.active)) {
            errors.add(new Problem.FieldError("orgUnitCode", "org unit " + p.orgUnitCode() + (unit == null ? " does not exist" : " is closed")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (p.name() != null) {
            e.name = p.name().trim();
        }
        if (p.rank() != null) {
            e.rank = p.rank();
        }
        if (p.positionCode() != null) {
            e.positionCode = p.positionCode();
        }
        if (p.orgUnitCode() != null) {
            e.orgUnitCode = p.orgUnitCode();
        }
        if (p.education() != null) {
            e.educationLevel = p.education().level();
            e.educationField = p.education().field();
        }
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
                position == null ? null : position.type.name());
    }

    public Employee require(String nip) {
        Employee e = employees.findById(nip);
        if (e == null) {
            throw ApiException.notFound("employee", nip);
        }
        return e;
    }

    public PageResponse<Employee> search(EmployeeRepository.Filter filter, PageRequest paging) {
        return employees.search(filter, paging);
    }
}
