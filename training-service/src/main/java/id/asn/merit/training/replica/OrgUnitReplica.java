package id.asn.merit.training.replica;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * An org unit as training-service knows it from {@code asn.org.unit-changed.v1}; {@code path} is the unit codes root
 * first joined by '/' (as {@code employee_replica.org_unit_path}), what subtree scopes match on. A deleted unit keeps
 * its row with status DELETED.
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
    @Column(name = "last_event_id")
    public String lastEventId;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
