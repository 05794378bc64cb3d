package id.asn.merit.platform.consumer;

import id.asn.merit.platform.outbox.CloudEventHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The idempotent-consumer table: a consumer calls {@link #firstDelivery} in the same transaction as its effect;
 * a redelivered event (same {@code ce_id}) returns false and must be skipped.
 */
@ApplicationScoped
public class ProcessedEvents {
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, ConsumerRecord<?, ?> record) {
        String id = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("the record has no ce_id header: not a CloudEvent");
        }
        return firstDelivery(consumer, id, CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId, String eventType) {
        int inserted = em.createNativeQuery("""
                insert into processed_event (consumer, event_id, event_type) values (:consumer, :id, :type)
                on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .setParameter("type", eventType)
                .executeUpdate();
        return inserted == 1;
    }
}
