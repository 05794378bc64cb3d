package id.asn.merit.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records an event in the outbox table inside the caller's transaction: the change and its event commit
 * together or not at all. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {
    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "asn.events.source")
    String source;

    /** An event for {@link #publishAll}. */
    public record Pending(String topic, String key, String type, Object data) {
    }

    /**
     * Batch form for bulk jobs that write with plain JDBC: inserts the events on the caller's connection, so they
     * commit with the rows written on it.
     */
    public void publishAll(java.sql.Connection connection, java.util.List<Pending> events) throws java.sql.SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (java.sql.PreparedStatement ps = connection.prepareStatement("""
                insert into outbox_event (id, topic, event_key, type, source, occurred_at, payload, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (Pending e : events) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, e.topic());
                ps.setString(3, e.key());
                ps.setString(4, e.type());
                ps.setString(5, source);
                ps.setObject(6, now);
                try {
                    ps.setString(7, json.writeValueAsString(e.data()));
                } catch (JsonProcessingException ex) {
                    throw new IllegalArgumentException("event data is not serialisable: " + e.type(), ex);
                }
                ps.setObject(8, now);
                ps.setObject(9, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** @return the event id ({@code ce_id}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.key = key;
        event.type = type;
        event.source = source;
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        event.createdAt = event.occurredAt;
        event.nextAttemptAt = event.occurredAt;
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable: " + type, e);
        }
        event.persist();
        return event.id;
    }
}
