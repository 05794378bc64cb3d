package id.asn.merit.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** training-service's copy of an employee, kept from asn.employee.v1 events only (no calls back). */
@Entity
@Table(name = "employee_replica")
public class EmployeeReplica extends PanacheEntityBase {
    @Id
    public String nip;
    public String name;
    public String gender;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Column(name = "employment_type")
    public String employmentType;
    public String rank;
    @Column(name = "position_code")
    public String positionCode;
    @Column(name = "position_type")
    public String positionType;
    @Column(name = "org_unit_code")
    public String orgUnitCode;
    @Column(name = "org_unit_path")
    public String orgUnitPath;
    public String status;
    @Column(name = "source_version")
    public long sourceVersion;
    @Column(name = "last_event_id")
    public String lastEventId;
    @Column(name = "last_event_type")
    public String lastEventType;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
