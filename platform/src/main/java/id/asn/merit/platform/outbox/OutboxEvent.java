package id.asn.merit.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event waiting in (or already relayed from) the outbox. Rows are never deleted. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    public UUID id;
    public String topic;
    @Column(name = "event_key")
    public String key;
    public String type;
    public String source;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    public String payload;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
    public int attempts;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
}
