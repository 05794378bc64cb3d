package id.asn.merit.competency.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Drops a cached reader (templates, gap policy) when its table is written: at once, so that observers of
 * {@link GapInputsChanged} recomputing inside the writing transaction read the new version, and again when the
 * transaction ends, so that nothing read meanwhile (by this transaction or another) outlives the commit or rollback.
 */
@ApplicationScoped
class ReaderCacheEviction {
    @Inject
    TransactionSynchronizationRegistry transactions;

    void nowAndAfterCompletion(Runnable evict) {
        evict.run();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                evict.run();
            }
        });
    }
}
