package id.asn.merit.employee.repository;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * What a list filter matched, counted once and reused while the data it was counted on is unchanged.
 * <ul>
 * <li>An entry holds the change generation read just before it was counted, and is used only at that same
 * generation: any write moves the generation, so the next request counts again.</li>
 * <li>An entry is also recounted once it is {@code maxAgeNanos} old, because a write whose transaction was still open
 * when the count was taken moved the generation before the count and commits after it. The request that finds it old
 * recounts; requests arriving meanwhile keep the previous count, so a recount never stalls a burst of requests.</li>
 * <li>Requests that find no count for their filter and generation wait for one count, not one each.</li>
 * </ul>
 * The first generation seen that is newer than the entries' drops them all; when full (by entries, or by the summed
 * weight of the values: a value that holds a filter's ordered matches weighs as many as it holds), it starts over.
 * Time is passed in (nanoseconds of one monotonic clock), so this is plain logic, tested without waiting.
 */
final class CountedFilters<K, V> {
    /** A count, which may fail with a runtime exception. */
    interface Count<V> {
        V run();
    }

    private static final class Entry<V> {
        final long generation;
        final long countedAtNanos;
        final CompletableFuture<V> value = new CompletableFuture<>();
        final AtomicBoolean recounting = new AtomicBoolean();

        Entry(long generation, long countedAtNanos) {
            this.generation = generation;
            this.countedAtNanos = countedAtNanos;
        }
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final int maxEntries;
    private final long maxWeight;
    private final ToLongFunction<V> weigher;
    /** The weight of the values counted since the last start-over (a replaced value's weight stays until then). */
    private final AtomicLong weight = new AtomicLong();
    private volatile long newestGeneration = Long.MIN_VALUE;

    CountedFilters(long maxAgeNanos, int maxEntries) {
        this(maxAgeNanos, maxEntries, Long.MAX_VALUE, v -> 0);
    }

    CountedFilters(long maxAgeNanos, int maxEntries, long maxWeight, ToLongFunction<V> weigher) {
        this.maxAgeNanos = maxAgeNanos;
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    /** Drops every entry; the weight starts again from 0. */
    private void startOver() {
        entries.clear();
        weight.set(0);
    }

    private V weighed(V value) {
        weight.addAndGet(weigher.applyAsLong(value));
        return value;
    }

    /**
     * The count for {@code key} at {@code generation} (read before calling), counted now by {@code count} when there is
     * none usable.
     */
    V get(K key, long generation, long nowNanos, Count<V> count) {
        if (maxAgeNanos <= 0) {
            return count.run();
        }
        if (generation > newestGeneration) {
            newestGeneration = generation;
            startOver();
        }
        Entry<V> e = entries.get(key);
        if (e != null && e.generation == generation) {
            if (!e.value.isDone() || e.value.isCompletedExceptionally()) {
                return join(e, key, generation, nowNanos, count);
            }
            if (nowNanos - e.countedAtNanos < maxAgeNanos || !e.recounting.compareAndSet(false, true)) {
                return e.value.join();
            }
            Entry<V> fresh = new Entry<>(generation, nowNanos);
            try {
                fresh.value.complete(weighed(count.run()));
            } catch (RuntimeException failed) {
                e.recounting.set(false);
                throw failed;
            }
            entries.replace(key, e, fresh);
            return fresh.value.join();
        }
        return join(null, key, generation, nowNanos, count);
    }

    /** Waits for the count of this generation another request is making, or makes it. */
    private V join(Entry<V> seen, K key, long generation, long nowNanos, Count<V> count) {
        if (seen != null && seen.value.isCompletedExceptionally()) {
            entries.remove(key, seen);
        }
        if (entries.size() >= maxEntries || weight.get() >= maxWeight) {
            startOver();
        }
        Entry<V> mine = new Entry<>(generation, nowNanos);
        Entry<V> e = entries.compute(key, (k, old) -> old != null && old.generation == generation && !old.value.isCompletedExceptionally()
                ? old : mine);
        if (e == mine) {
            try {
                mine.value.complete(weighed(count.run()));
            } catch (RuntimeException failed) {
                entries.remove(key, mine);
                mine.value.completeExceptionally(failed);
                throw failed;
            }
        }
        try {
            return e.value.join();
        } catch (CompletionException failed) {
            // the request that counted failed (and told its caller); this one counts for itself
            return count.run();
        }
    }

    int size() {
        return entries.size();
    }

    long weight() {
        return weight.get();
    }
}
