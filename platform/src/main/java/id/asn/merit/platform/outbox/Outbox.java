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
