package id.asn.merit.employee.repository;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The reuse rules of a list's counted total; time is given, never waited for. */
class CountedFiltersTest {
    static final long SECOND = 1_000_000_000L;

    final AtomicInteger counts = new AtomicInteger();

    CountedFilters.Count<Long> counting(long value) {
        return () -> {
            counts.incrementAndGet();
            return value;
        };
    }

    @Test
    void aCountIsReusedAtTheSameGenerationWhileYoung() {
        CountedFilters<String, Long> f = new CountedFilters<>(5 * SECOND, 100);
        assertEquals(7L, f.get("q=a", 10, 0, counting(7)));
        assertEquals(7L, f.get("q=a", 10, 4 * SECOND, counting(8)));
        assertEquals(1, counts.get());
        assertEquals(9L, f.get("q=b", 10, 4 * SECOND, counting(9)), "another filter has its own count");
        assertEquals(2, counts.get());
    }

    @Test
    void anyWriteMovesTheGenerationAndTheNextRequestCountsAgain() {
        CountedFilters<String, Long> f = new CountedFilters<>(5 * SECOND, 100);
        f.get("q=a", 10, 0, counting(7));
        f.get("q=b", 10, 0, counting(3));
        assertEquals(8L, f.get("q=a", 11, SECOND, counting(8)));
        assertEquals(1, f.size(), "the counts of the older generation were dropped");
        assertEquals(8L, f.get("q=a", 11, 2 * SECOND, counting(99)));
        assertEquals(3, counts.get());
    }

    @Test
    void anOldCountIsRecountedOnceAndTheOldValueServesMeanwhile() {
        CountedFilters<String, Long> f = new CountedFilters<>(5 * SECOND, 100);
        f.get("q=a", 10, 0, counting(7));
        AtomicReference<Long> seenDuringRecount = new AtomicReference<>();
        // while the request that found it old recounts, another request for the filter arrives
        long recounted = f.get("q=a", 10, 5 * SECOND, () -> {
            seenDuringRecount.set(f.get("q=a", 10, 5 * SECOND, counting(100)));
            return 8L;
        });
        assertEquals(8L, recounted);
        assertEquals(7L, seenDuringRecount.get(), "the previous count, not a second recount");
        assertEquals(1, counts.get(), "only the first count ran through counting()");
        assertEquals(8L, f.get("q=a", 10, 6 * SECOND, counting(100)), "the recount is kept, dated when it was made");
        assertEquals(8L, f.get("q=a", 10, 9 * SECOND, counting(100)));
        assertEquals(1, counts.get());
    }

    @Test
    void requestsThatFindNoCountWaitForOneCount() throws Exception {
        CountedFilters<String, Long> f = new CountedFilters<>(5 * SECOND, 100);
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Long> first = new AtomicReference<>();
        Thread a = new Thread(() -> first.set(f.get("q=a", 10, 0, () -> {
            counts.incrementAndGet();
            counting.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return 7L;
        })));
        a.start();
        counting.await();
        AtomicReference<Long> second = new AtomicReference<>();
        Thread b = new Thread(() -> second.set(f.get("q=a", 10, 0, counting(100))));
        b.start();
        while (b.getState() != Thread.State.WAITING && b.isAlive()) {
            Thread.onSpinWait(); // b is parked on a's count
        }
        release.countDown();
        a.join();
        b.join();
        assertEquals(7L, first.get());
        assertEquals(7L, second.get());
        assertEquals(1, counts.get());
    }

    @Test
    void aFailedCountIsNotKept() {
        CountedFilters<String, Long> f = new CountedFilters<>(5 * SECOND, 100);
        assertThrows(IllegalStateException.class, () -> f.get("q=a", 10, 0, () -> {
            throw new IllegalStateException("database gone");
        }));
        assertEquals(7L, f.get("q=a", 10, 0, counting(7)));
        assertEquals(1, counts.get());
    }

    @Test
    void noReuseWhenTheBoundIsZero() {
        CountedFilters<String, Long> f = new CountedFilters<>(0, 100);
        f.get("q=a", 10, 0, counting(7));
        f.get("q=a", 10, 0, counting(7));
        assertEquals(2, counts.get());
    }

    @Test
    void aFullCacheStartsOver() {
        CountedFilters<String, Long> f = new CountedFilters<>(5 * SECOND, 2);
        f.get("q=a", 10, 0, counting(1));
        f.get("q=b", 10, 0, counting(2));
        f.get("q=c", 10, 0, counting(3));
        assertEquals(1, f.size());
    }

    @Test
    void whenTheKeptWeightIsReachedItStartsOver() {
        CountedFilters<String, Long> f = new CountedFilters<>(5 * SECOND, 100, 10, v -> v);
        f.get("q=a", 10, 0, counting(6));
        f.get("q=b", 10, 0, counting(3));
        assertEquals(9, f.weight());
        assertEquals(2, f.size());
        f.get("q=c", 10, 0, counting(4)); // 9 < 10: still room, now 13
        assertEquals(3, f.size());
        f.get("q=d", 10, 0, counting(1)); // 13 >= 10: started over before this one
        assertEquals(1, f.size());
        assertEquals(1, f.weight());
        assertEquals(1L, f.get("q=d", 10, 0, counting(99)), "kept after the start-over");
    }
}
