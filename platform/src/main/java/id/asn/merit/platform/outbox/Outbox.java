package id.asn.merit.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.platform.imports.CopyRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records an event in the outbox table inside the caller's transaction: the change and its event commit
 * together or not at all. {@link OutboxRelay} publishes it afterwards.
 *
 * <p>Per-key order follows commit order. {@code seq} is drawn at insert, so two transactions writing one key could
 * otherwise commit in the other order than their seqs (T1 draws 10, T2 draws 11 and commits, the relay sends 11,
 * then T1 commits 10). Before inserting, a writer therefore takes a transaction-scoped advisory lock on the key
 * ({@code pg_advisory_xact_lock} on the hash of topic and key): writers of one key take their seqs one transaction
 * after the other, so a smaller seq of a key is always committed (or rolled back) before a larger one exists. We chose
 * this over recording the xid and relaying only rows older than the snapshot's xmin because it keeps the relay's claim
 * simple and index-friendly, costs nothing across keys, and only makes concurrent writers of the same key (which
 * mostly already wait for each other on the entity's row) queue a little earlier. A hash collision between two keys
 * only makes their writers queue too. The lock is released at commit or rollback.
 */
@ApplicationScoped
public class Outbox {
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    @ConfigProperty(name = "asn.events.source")
    String source;

    /** The first key of the two-int advisory lock: the outbox's own space, apart from any other advisory lock. */
    static final int LOCK_SPACE = 0x0b0c5e9;

    /** An event for {@link #publishAll}. */
    public record Pending(String topic, String key, String type, Object data) {
    }

    /**
     * Batch form for bulk jobs that write with plain JDBC: inserts the events on the caller's connection, so they
     * commit with the rows written on it. The rows go in with one {@code COPY} (seq is drawn in list order, so the
     * events of a key keep the order of the list), each payload serialised once.
     */
    public void publishAll(java.sql.Connection connection, java.util.List<Pending> events) throws java.sql.SQLException {
        if (events.isEmpty()) {
            return;
        }
        lockKeys(connection, events);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CopyRows rows = new CopyRows(events.size());
        for (Pending e : events) {
            String payload;
            try {
                payload = json.writeValueAsString(e.data());
            } catch (JsonProcessingException ex) {
                throw new IllegalArgumentException("event data is not serialisable: " + e.type(), ex);
            }
            rows.add(UUID.randomUUID()).add(e.topic()).add(e.key()).add(e.type()).add(source).add(now).add(payload).add(now)
                    .add(now).end();
        }
        rows.copy(connection, "outbox_event", "id, topic, event_key, type, source, occurred_at, payload, created_at, next_attempt_at");
    }

    /** Locks every key of a batch in one statement, in one (sorted) order, so two bulk writers cannot deadlock. */
    private static void lockKeys(java.sql.Connection connection, java.util.List<Pending> events) throws java.sql.SQLException {
        try (java.sql.PreparedStatement lock = connection.prepareStatement("""
                select count(*) from (select distinct unnest(?::text[]) as k order by 1) keys,
                       lateral pg_advisory_xact_lock(?, hashtext(keys.k))""")) {
            lock.setArray(1, connection.createArrayOf("text", events.stream().map(e -> lockKey(e.topic(), e.key())).toArray()));
            lock.setInt(2, LOCK_SPACE);
            lock.executeQuery().close();
        }
    }

    /** @return the event id ({@code ce_id}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, Object data) {
        em.createNativeQuery("select count(*) from pg_advisory_xact_lock(:space, hashtext(:key))")
                .setParameter("space", LOCK_SPACE)
                .setParameter("key", lockKey(topic, key))
                .getSingleResult();
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

    private static String lockKey(String topic, String key) {
        return topic + " " + key;
    }
}
