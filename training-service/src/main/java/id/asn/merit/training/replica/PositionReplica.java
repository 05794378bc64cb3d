package id.asn.merit.training.replica;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A position (jabatan) as training-service knows it from {@code asn.org.position-changed.v1}: what leadership-training
 * compliance needs (type, unit, the required leadership training) and the rest of the event for plans.
 */
@Entity
@Table(name = "position_replica")
public class PositionReplica extends PanacheEntityBase {
    @Id
    public String code;
    public String title;
    @Column(name = "org_unit_code")
    public String orgUnitCode;
    public String type;
    @Column(name = "functional_level")
    public String functionalLevel;
    public Integer grade;
    @Column(name = "min_rank")
    public String minRank;
    @Column(name = "min_education_level")
    public String minEducationLevel;
    /** PKP, PKA, PKN_II or PKN_I, or null: then the position type decides (domain.md §5.4). */
    @Column(name = "required_leadership_training")
    public String requiredLeadershipTraining;
    public String status;
    @Column(name = "last_event_id")
    public String lastEventId;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
