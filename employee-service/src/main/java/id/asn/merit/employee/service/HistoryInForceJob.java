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
 * so an entry takes effect within the first hour of its date whatever the server's time zone; several replicas share
 * the work through {@code for update skip locked}.
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

    /** @return how many employees changed */
    public int applyAllDue() {
        int changed = 0;
        int[] batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::applyBatch);
            changed += batch[1];
        } while (batch[0] == BATCH);
        return changed;
    }

    /** @return {employees looked at, employees changed} */
    private int[] applyBatch() {
        @SuppressWarnings("unchecked")
        List<String> nips = em.createNativeQuery("""
                select nip from employee where next_history_date <= :today
                order by next_history_date, nip limit :limit for update skip locked""")
                .setParameter("today", history.today()).setParameter("limit", BATCH).getResultList();
        int changed = 0;
        for (String nip : nips) {
            if (history.applyDue(nip)) {
                changed++;
            }
        }
        return new int[] {nips.size(), changed};
    }
}
