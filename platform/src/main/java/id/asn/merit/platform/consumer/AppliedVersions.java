package id.asn.merit.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Order by version per key for consumers (table {@code consumer_key_version}): events of one key arrive in order on
 * their partition, but a re-sent outbox row or a replay can bring an older version after a newer one. Call
 * {@link #advance} in the effect's transaction; it records the version and says whether to apply the event.
 */
@ApplicationScoped
public class AppliedVersions {
    @Inject
    EntityManager em;

    /**
     * @return true when version is at least the newest this consumer applied for key (it is now recorded as applied);
     *         false when it is older: skip the event, it would undo a newer state
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean advance(String consumer, String key, long version) {
        // the row lock of the upsert also serialises two deliveries of one key (a rebalance) until commit
        int changed = em.createNativeQuery("""
                insert into consumer_key_version (consumer, event_key, version) values (:consumer, :key, :version)
                on conflict (consumer, event_key) do update set version = excluded.version, applied_at = now()
                where consumer_key_version.version <= excluded.version""")
                .setParameter("consumer", consumer)
                .setParameter("key", key)
                .setParameter("version", version)
                .executeUpdate();
        return changed == 1;
    }

    /** The newest version this consumer applied for key, or null when it applied none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Long applied(String consumer, String key) {
        var rows = em.createNativeQuery("select version from consumer_key_version where consumer = :consumer and event_key = :key")
                .setParameter("consumer", consumer)
                .setParameter("key", key)
                .getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }
}
