package id.asn.merit.platform.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.concurrent.TimeUnit;

/**
 * Deletes expired {@code Idempotency-Key} records, in short batches so that a large backlog never holds one long
 * transaction. An expired record that is not deleted yet already acts as new ({@link Idempotency}); this job only
 * keeps the table small.
 */
@ApplicationScoped
public class IdempotencyCleanup {
    private static final Logger LOG = Logger.getLogger(IdempotencyCleanup.class);

    @Inject
    IdempotencyConfig config;
    @Inject
    EntityManager em;

    @Scheduled(every = "${asn.idempotency.cleanup-every:1h}", delay = 1, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deleteExpired();
    }

    /** Deletes every record expired by now; returns how many. */
    public long deleteExpired() {
        int batch = Math.max(1, config.cleanupBatchSize());
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from idempotency_record where (scope, idem_key) in (
                        select scope, idem_key from idempotency_record where expires_at <= now() limit :batch)""")
                    .setParameter("batch", batch).executeUpdate());
            total += deleted;
        } while (deleted == batch);
        if (total > 0) {
            LOG.debugf("deleted %d expired idempotency keys", total);
        }
        return total;
    }
}
