package id.asn.merit.competency.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * competency-service's copy of an org unit, written only by {@code messaging.OrgReplicaConsumer} from
 * {@code asn.org.unit-changed.v1}. {@code path} is the unit codes root first joined by '/', ending with this unit's
 * code. {@code status} is ACTIVE, CLOSED or DELETED: a deleted unit keeps its row with status DELETED, so a late
 * event about it (or a person still pointing at it) finds what it was, and a re-created code simply overwrites it.
 */
@Entity
@Table(name = "org_unit_replica")
public class OrgUnitReplica extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Column(name = "parent_code")
    public String parentCode;
    public String path;
    public String level;
    public String status;
    @Column(name = "source_version")
    public long sourceVersion;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
