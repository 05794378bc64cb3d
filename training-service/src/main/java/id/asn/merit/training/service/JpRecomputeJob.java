package id.asn.merit.training.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Works off {@code jp_recompute_pending} (person-years queued after a method's caps changed), 500 per transaction. */
@ApplicationScoped
public class JpRecomputeJob {
    static final int BATCH = 500;

    @Inject
    JpLedger ledger;

    @Scheduled(every = "${asn.training.recompute-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drain() {
        while (QuarkusTransaction.requiringNew().call(() -> ledger.drainPending(BATCH)) == BATCH) {
            // the next batch, each in its own transaction
        }
    }
}
