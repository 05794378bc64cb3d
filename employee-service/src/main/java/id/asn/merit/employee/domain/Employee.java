package id.asn.merit.employee.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An ASN: PNS, CPNS or PPPK, keyed by NIP (or NI PPPK). */
@Entity
@Table(name = "employee")
public class Employee extends PanacheEntityBase {
    @Id
    public String nip;
    public String name;
    @Enumerated(EnumType.STRING)
    public Gender gender;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "employment_type")
    public EmploymentType employmentType;
    public String rank;
    @Column(name = "position_code")
    public String positionCode;
    @Column(name = "org_unit_code")
    public String orgUnitCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "education_level")
    public EducationLevel educationLevel;
    @Column(name = "education_field")
    public String educationField;
    @Enumerated(EnumType.STRING)
    public EmployeeStatus status;
    @Column(name = "tmt_cpns")
    public LocalDate tmtCpns;
    /** The first date after the last application on which a history entry of this person takes effect. */
    @Column(name = "next_history_date")
    public LocalDate nextHistoryDate;
    @Version
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
