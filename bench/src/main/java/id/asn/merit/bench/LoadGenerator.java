package id.asn.merit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load generator on loopback: {@code concurrency} workers each send the next request as soon as
 * the previous one answered, for a fixed time after a warm-up. Bounded in count and time; it stops by itself.
 */
final class LoadGenerator {
    record Result(String name, long requests, long errors, double seconds, double p50Millis, double p99Millis) {
        double rps() {
            return requests / seconds;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Result run(String name, int concurrency, Duration warmUp, Duration measure, long maxRequests, String token,
            IntFunction<String> urlForRequest) throws Exception {
        drive(concurrency, warmUp, maxRequests, token, urlForRequest); // JIT, pools, caches
        long start = System.nanoTime();
        List<long[]> perWorker = drive(concurrency, measure, maxRequests, token, urlForRequest);
        double seconds = (System.nanoTime() - start) / 1e9;
        long errors = 0;
        List<Long> all = new ArrayList<>();
        for (long[] w : perWorker) {
            errors += w[0];
            for (int i = 1; i < w.length; i++) {
                all.add(w[i]);
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Result(name, sorted.length, errors, seconds, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
    }

    private List<long[]> drive(int concurrency, Duration duration, long maxRequests, String token, IntFunction<String> urls)
            throws Exception {
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
                while (System.nanoTime() < deadline && n < latencies.length - 1) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(urls.apply(seq))).header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(10)).GET().build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors++;
                        }
                    } catch (Exception e) {
                        errors++;
                    }
                    latencies[++n] = System.nanoTime() - t0;
                    seq += concurrency;
                }
                long[] out = Arrays.copyOf(latencies, n + 1);
                out[0] = errors;
                return out;
            }));
        }
        List<long[]> results = new ArrayList<>();
        for (Future<long[]> f : futures) {
            results.add(f.get());
        }
        pool.shutdown();
        return results;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
