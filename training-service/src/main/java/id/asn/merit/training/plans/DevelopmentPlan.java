package id.asn.merit.training.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A unit's development plan for a year. {@code version} is kept by {@link DevelopmentPlans} (1 when created, +1 on every
 * change of the plan or its items) under a row lock, so the ETag a client read is the state it changes.
 */
@Entity
@Table(name = "development_plan")
public class DevelopmentPlan extends PanacheEntityBase {
    public enum Status { DRAFT, APPROVED, SUPERSEDED }

    @Id
    public UUID id;
    public int year;
    @Column(name = "org_unit_code")
    public String orgUnitCode;
    @Column(name = "org_unit_path")
    public String orgUnitPath;
    public String title;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    public int revision;
    @Column(name = "revision_of")
    public UUID revisionOf;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
    @Column(name = "created_by")
    public String createdBy;
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
