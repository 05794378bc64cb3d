package id.asn.merit.competency.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * competency-service's copy of a position (jabatan), written only by {@code messaging.OrgReplicaConsumer} from
 * {@code asn.org.position-changed.v1}. {@code type} and {@code functionalLevel} pick the default template when the
 * position has no standard of its own. {@code status} is ACTIVE or CLOSED.
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
    public String status;
    @Column(name = "source_version")
    public long sourceVersion;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
