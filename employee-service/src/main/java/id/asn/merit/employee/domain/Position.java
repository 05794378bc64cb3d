package id.asn.merit.employee.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** A jabatan in an org unit. */
@Entity
@Table(name = "position")
public class Position extends PanacheEntityBase {
    @Id
    public String code;
    public String title;
    @Column(name = "org_unit_code")
    public String orgUnitCode;
    @Enumerated(EnumType.STRING)
    public PositionType type;
    @Enumerated(EnumType.STRING)
    @Column(name = "functional_level")
    public FunctionalLevel functionalLevel;
    public int grade;
    @Column(name = "min_rank")
    public String minRank;
    @Enumerated(EnumType.STRING)
    @Column(name = "required_leadership_training")
    public LeadershipTraining requiredLeadershipTraining;
    /** The lowest education (SD … S3) the position asks for; null when it asks for none. */
    @Enumerated(EnumType.STRING)
    @Column(name = "min_education_level")
    public EducationLevel minEducationLevel;
    public boolean active = true;
    @Version
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
