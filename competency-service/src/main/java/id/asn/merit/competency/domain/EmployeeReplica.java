package id.asn.merit.competency.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * competency-service's copy of an employee (SYSTEM.md §2: nip, position, unit, type), written only by
 * {@code messaging.EmployeeReplicaConsumer} from {@code asn.employee.v1}. {@code orgUnitPath} is the unit codes root
 * first joined by '/', so a subtree is {@code path = P or path like P || '/%'}.
 */
@Entity
@Table(name = "employee_replica")
public class EmployeeReplica extends PanacheEntityBase {
    @Id
    public String nip;
    public String name;
    @Column(name = "employment_type")
    public String employmentType;
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
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
