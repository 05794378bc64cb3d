package id.asn.merit.platform.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One row of the append-only audit log: who did what to which record, with the state before and after. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public OffsetDateTime at;
    public String actor;
    public String roles;
    public String action;
    public String entity;
    @Column(name = "entity_id")
    public String entityId;
    @Column(name = "before_json")
    public String beforeJson;
    @Column(name = "after_json")
    public String afterJson;
    @Column(name = "request_id")
    public String requestId;
}
