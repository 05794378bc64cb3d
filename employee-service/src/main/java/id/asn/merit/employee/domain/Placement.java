package id.asn.merit.employee.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

@Entity
@Table(name = "placement")
public class Placement extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String nip;
    @Column(name = "position_code")
    public String positionCode;
    @Column(name = "org_unit_code")
    public String orgUnitCode;
    @Column(name = "effective_date")
    public LocalDate effectiveDate;
    @Enumerated(EnumType.STRING)
    public Assignment assignment;
    @Column(name = "decree_number")
    public String decreeNumber;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
