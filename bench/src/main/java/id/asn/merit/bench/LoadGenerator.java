package id.asn.merit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An HTTP/1.1 load generator on loopback, bounded in count and time (it stops by itself).
 * <ul>
 * <li>Closed loop ({@link #run}, {@link #closedLoop}): {@code concurrency} workers each send the next request as soon
 * as the previous one answered, for a fixed time after a warm-up. Also drives non-HTTP calls (the raw SQL legs) with
 * the same clock and percentiles, so the two compare.</li>
 * <li>Open loop ({@link #openLoop}): requests are due at a fixed arrival rate whatever the answers do, and latency is
 * measured from the time a request was <em>due</em>, not from when it went out, so a stalled server shows as latency
 * instead of as fewer requests (no coordinated omission).</li>
 * </ul>
 * The JDK client is pinned to HTTP/1.1: its default (HTTP/2) would try an h2c upgrade on the first request of each
 * connection, which is not how the suite's clients talk to the gateway. It keeps a pool of persistent connections.
 */
final class LoadGenerator {
    record Result(String name, long requests, long errors, double seconds, double p50Millis, double p99Millis, double maxMillis) {
        double rps() {
            return requests / seconds;
        }

        /** Merges rounds of one leg measured at different times (alternated with other legs). */
        static Result merge(String name, List<Result> rounds, List<long[]> samples) {
            long requests = 0;
            long errors = 0;
            double seconds = 0;
            for (Result r : rounds) {
                requests += r.requests;
                errors += r.errors;
                seconds += r.seconds;
            }
            long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(name, requests, errors, seconds, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6,
                    all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6);
        }
    }

    /** One measured run: its summary and its latencies in nanoseconds (sorted). */
    record Run(Result result, long[] latencies) {
    }

    /** One worker's call; {@code seq} numbers the calls across workers. Answers whether the call succeeded. */
    interface Call {
        boolean call(int seq) throws Exception;
    }

    /** Makes one worker's call, with whatever the worker holds (a JDBC connection); closed after the run. */
    interface Worker extends Call, AutoCloseable {
        @Override
        default void close() throws Exception {
        }
    }

    interface WorkerFactory {
        Worker create() throws Exception;
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Duration requestTimeout;

    LoadGenerator() {
        this(Duration.ofSeconds(10));
    }

    LoadGenerator(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    Result run(String name, int concurrency, Duration warmUp, Duration measure, long maxRequests, String token,
            IntFunction<String> urlForRequest) throws Exception {
        return closedLoop(name, concurrency, warmUp, measure, maxRequests, http(token, urlForRequest)).result();
    }

    /** A factory of workers that GET {@code urlForRequest(seq)} with the token and expect 200. */
    WorkerFactory http(String token, IntFunction<String> urlForRequest) {
        return () -> seq -> client.send(request(token, urlForRequest.apply(seq)), HttpResponse.BodyHandlers.ofByteArray())
                .statusCode() == 200;
    }

    private HttpRequest request(String token, String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(requestTimeout).GET().build();
    }

    Run closedLoop(String name, int concurrency, Duration warmUp, Duration measure, long maxRequests, WorkerFactory workers)
            throws Exception {
        drive(concurrency, warmUp, maxRequests, workers); // JIT, pools, caches
        long start = System.nanoTime();
        List<long[]> perWorker = drive(concurrency, measure, maxRequests, workers);
        double seconds = (System.nanoTime() - start) / 1e9;
        long errors = 0;
        List<long[]> latencies = new ArrayList<>();
        for (long[] w : perWorker) {
            errors += w[0];
            latencies.add(Arrays.copyOfRange(w, 1, w.length));
        }
        long[] sorted = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Run(summary(name, sorted, errors, seconds), sorted);
    }

    private List<long[]> drive(int concurrency, Duration duration, long maxRequests, WorkerFactory workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long deadline = System.nanoTime() + duration.toNanos();
        long perWorkerMax = Math.max(1, maxRequests / concurrency);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[(int) Math.min(perWorkerMax, 2_000_000) + 1];
                int n = 0;
                long errors = 0;
                int seq = worker;
                try (Worker call = workers.create()) {
                    while (System.nanoTime() < deadline && n < latencies.length - 1) {
                        long t0 = System.nanoTime();
                        try {
                            if (!call.call(seq)) {
                                errors++;
                            }
                        } catch (Exception e) {
                            errors++;
                        }
                        latencies[++n] = System.nanoTime() - t0;
                        seq += concurrency;
                    }
                }
                long[] out = Arrays.copyOf(latencies, n + 1);
                out[0] = errors;
                return out;
            }));
        }
        List<long[]> results = new ArrayList<>();
        try {
            for (Future<long[]> f : futures) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    /**
     * GETs at {@code ratePerSecond} for the warm-up, then again for the measured time; latency from the due time.
     * At most {@code maxInFlight} requests are outstanding (a sender over that waits, and its wait counts as latency).
     */
    Run openLoop(String name, int ratePerSecond, Duration warmUp, Duration measure, int maxInFlight, String token,
            IntFunction<String> urlForRequest) throws Exception {
        arrivals(ratePerSecond, warmUp, maxInFlight, token, urlForRequest, 0);
        return arrivals(ratePerSecond, measure, maxInFlight, token, urlForRequest, 1_000_000_000).withName(name);
    }

    private OpenRun arrivals(int ratePerSecond, Duration duration, int maxInFlight, String token, IntFunction<String> urls,
            int seqBase) throws Exception {
        int total = (int) Math.min(10_000_000, ratePerSecond * duration.toNanos() / 1_000_000_000L);
        long period = 1_000_000_000L / ratePerSecond;
        long[] latencies = new long[total];
        boolean[] failed = new boolean[total];
        Semaphore inFlight = new Semaphore(maxInFlight);
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        long start = System.nanoTime() + 10_000_000;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            int index = i;
            pending.add(client.sendAsync(request(token, urls.apply(seqBase + i)), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((response, error) -> {
                        latencies[index] = System.nanoTime() - due;
                        failed[index] = error != null || response.statusCode() != 200;
                        inFlight.release();
                    }));
        }
        CompletableFuture.allOf(pending.stream().map(f -> f.exceptionally(e -> null)).toArray(CompletableFuture[]::new))
                .get(requestTimeout.toSeconds() + 30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long errors = 0;
        for (boolean f : failed) {
            if (f) {
                errors++;
            }
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new OpenRun(sorted, errors, seconds);
    }

    private record OpenRun(long[] sorted, long errors, double seconds) {
        Run withName(String name) {
            return new Run(summary(name, sorted, errors, seconds), sorted);
        }
    }

    /**
     * Workers that each hold one {@link Http11} connection to {@code base} and GET {@code pathFor(seq)} with the
     * token; a 200 is a success. One worker is one connection, kept alive for the whole run.
     */
    static WorkerFactory raw(String base, String token, IntFunction<String> pathFor) {
        return () -> {
            Http11 http = new Http11(base);
            return new Worker() {
                @Override
                public boolean call(int seq) throws Exception {
                    return http.get(pathFor.apply(seq), token).status() == 200;
                }

                @Override
                public void close() {
                    http.close();
                }
            };
        };
    }

    /**
     * Open loop over {@code connections} workers (each its own {@link Http11} connection): request i is due at
     * start + i / rate; a free worker takes the next due request, waits for its time and sends it; latency counts from
     * the due time, so when every connection is busy the wait shows as latency (no coordinated omission). The same
     * for the warm-up (same rate, not recorded). {@link Run#result()} errors include non-200 answers.
     */
    Run openLoopRaw(String name, int ratePerSecond, Duration warmUp, Duration measure, int connections, WorkerFactory workers)
            throws Exception {
        scheduled(ratePerSecond, warmUp, connections, workers);
        return scheduled(ratePerSecond, measure, connections, workers).withName(name);
    }

    /** How many requests of the last open-loop run started more than 1 ms after they were due (all connections busy). */
    volatile long lateStarts;

    private OpenRun scheduled(int ratePerSecond, Duration duration, int connections, WorkerFactory workers) throws Exception {
        int total = (int) Math.min(10_000_000, ratePerSecond * duration.toNanos() / 1_000_000_000L);
        long period = 1_000_000_000L / ratePerSecond;
        long[] latencies = new long[total];
        boolean[] failed = new boolean[total];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong late = new java.util.concurrent.atomic.AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime() + 20_000_000;
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            futures.add(pool.submit(() -> {
                try (Worker call = workers.create()) {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        long due = start + i * period;
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        if (-wait > 1_000_000) {
                            late.incrementAndGet();
                        }
                        boolean ok;
                        try {
                            ok = call.call(i);
                        } catch (Exception e) {
                            ok = false;
                        }
                        latencies[i] = System.nanoTime() - due;
                        failed[i] = !ok;
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        lateStarts = late.get();
        long errors = 0;
        for (boolean f : failed) {
            if (f) {
                errors++;
            }
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new OpenRun(sorted, errors, seconds);
    }

    private static Result summary(String name, long[] sorted, long errors, double seconds) {
        return new Result(name, sorted.length, errors, seconds, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6,
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))];
    }
}
