package id.asn.merit.employee.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Applies the history entries whose date has come (a rank with a TMT of today, a placement from today), so that the
 * employee record and its event follow on the day even when nobody reads that employee. Runs every hour by default
 * so an entry takes effect within the first hour of its date whatever the server's time zone; several replicas may run
 * it at once (each employee is applied under its row lock, once).
 */
@ApplicationScoped
public class HistoryInForceJob {
    private static final Logger LOG = Logger.getLogger(HistoryInForceJob.class);
    private static final int BATCH = 200;

    @Inject
    HistoryInForce history;
    @Inject
    EntityManager em;

    @Scheduled(identity = "history-in-force", cron = "{asn.history.apply-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int applied = applyAllDue();
        if (applied > 0) {
            LOG.infof("history in force: %d employees changed", applied);
        }
    }

    /**
     * Each employee is applied in a transaction of its own, under its row lock ({@link HistoryInForce#applyDue}), so one
     * that fails is logged and retried on the next run without holding up the others, and two replicas never publish
     * the same change twice (the second finds nothing due).
     *
     * @return how many employees changed
     */
    public int applyAllDue() {
        int changed = 0;
        String after = "";
        while (true) {
            String from = after;
            @SuppressWarnings("unchecked")
            List<String> nips = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    select nip from employee where next_history_date <= :today and nip > :after order by nip limit :limit""")
                    .setParameter("today", history.today()).setParameter("after", from).setParameter("limit", BATCH).getResultList());
            for (String nip : nips) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> history.applyDue(nip))) {
                        changed++;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "history in force: cannot apply the entries of %s; retried on the next run", nip);
                }
            }
            if (nips.size() < BATCH) {
                return changed;
            }
            after = nips.get(nips.size() - 1);
        }
    }
}
