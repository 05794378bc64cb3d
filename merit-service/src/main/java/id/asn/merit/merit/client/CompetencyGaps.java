package id.asn.merit.merit.client;

import id.asn.merit.merit.client.CompetencyGapsClient.Gap;
import id.asn.merit.merit.client.CompetencyGapsClient.GapBatch;
import id.asn.merit.merit.client.CompetencyGapsClient.GapBatchRequest;
import id.asn.merit.platform.problem.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JPM of many people against one position, from competency-service (the one place that computes it), in batches
 * of {@value CompetencyGapsClient#MAX_BATCH} sent side by side. The batches run on a pool of this bean's own, not a
 * context-propagating one: the caller's transaction must stay on the caller's thread (a ranking stores in it, and a
 * failed batch must roll it back cleanly). Failing is loud: a competency-service that cannot
 * answer is a {@link CompetencyServiceUnavailable} (503); a position it does not know is a 422 naming the field the
 * caller gave.
 */
@ApplicationScoped
public class CompetencyGaps {
    private static final Logger LOG = Logger.getLogger(CompetencyGaps.class);
    public static final String SELECTION = "SELECTION";

    @Inject
    GuardedGapBatch batches;
    @ConfigProperty(name = "asn.merit.competency.retry-after-seconds", defaultValue = "10")
    int retryAfterSeconds;
    @ConfigProperty(name = "asn.merit.competency.parallel-batches", defaultValue = "4")
    int parallelBatches;
    private ExecutorService pool;

    @PostConstruct
    void start() {
        AtomicInteger serial = new AtomicInteger();
        pool = Executors.newFixedThreadPool(parallelBatches, r -> {
            Thread t = new Thread(r, "competency-gaps-" + serial.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Every person's match, by NIP, with the standard the matches were made against. */
    public record Matches(String positionCode, Integer standardVersion, String standardSource, Integer policyVersion,
                          Map<String, Gap> byNip) {
    }

    /** The batches under way; {@link #await} gives their matches or the failure. */
    public final class Pending {
        private final String positionCode;
        private final List<CompletableFuture<GapBatch>> calls;
        private final String positionField;
        private final String what;

        private Pending(String positionCode, List<CompletableFuture<GapBatch>> calls, String positionField, String what) {
            this.positionCode = positionCode;
            this.calls = calls;
            this.positionField = positionField;
            this.what = what;
        }

        public Matches await() {
            Map<String, Gap> byNip = new HashMap<>();
            GapBatch last = null;
            for (CompletableFuture<GapBatch> call : calls) {
                last = answer(call, positionCode, positionField, what);
                if (last.items() != null) {
                    last.items().forEach(g -> byNip.put(g.nip(), g));
                }
            }
            return last == null ? new Matches(positionCode, null, null, null, byNip)
                    : new Matches(positionCode, last.standardVersion(), last.standardSource(), last.policyVersion(), byNip);
        }
    }

    /**
     * Starts the batches and returns at once, so the caller can read its own data meanwhile.
     *
     * @param positionField the request field that named the position, for the 422 when competency-service does not know it
     * @param what          what is not made when it fails, e.g. "the promotion ranking was not made"
     * @param authorization the caller's Authorization header, passed on as it came
     */
    public Pending request(String positionCode, List<String> nips, String purpose, LocalDate on, String authorization,
                           String positionField, String what) {
        List<CompletableFuture<GapBatch>> calls = new ArrayList<>();
        for (int from = 0; from < nips.size(); from += CompetencyGapsClient.MAX_BATCH) {
            List<String> chunk = List.copyOf(nips.subList(from, Math.min(nips.size(), from + CompetencyGapsClient.MAX_BATCH)));
            GapBatchRequest request = new GapBatchRequest(positionCode, chunk, purpose, on);
            calls.add(CompletableFuture.supplyAsync(() -> batches.batch(authorization, request), pool));
        }
        return new Pending(positionCode, calls, positionField, what);
    }

    /** {@link #request} and wait. */
    public Matches against(String positionCode, List<String> nips, String purpose, LocalDate on, String authorization,
                           String positionField, String what) {
        return request(positionCode, nips, purpose, on, authorization, positionField, what).await();
    }

    private GapBatch answer(CompletableFuture<GapBatch> call, String positionCode, String positionField, String what) {
        Throwable failure;
        try {
            GapBatch answer = call.get();
            if (answer != null) {
                return answer;
            }
            throw unavailable("competency-service gave an empty answer", what, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (ExecutionException | CompletionException e) {
            failure = e.getCause() == null ? e : e.getCause();
        }
        if (failure instanceof GuardedGapBatch.Rejected rejected) {
            if (rejected.status == 422 || rejected.status == 404) {
                throw ApiException.unprocessable(positionField, "position " + positionCode
                        + " is not known to competency-service, so no JPM can be computed for it; " + what);
            }
            LOG.warnf("competency-service refused the gap batch with %d: %s", rejected.status, rejected.body);
            throw unavailable("competency-service refused the gap batch (HTTP " + rejected.status + ")", what, rejected);
        }
        LOG.warnf("competency-service unavailable for the gap batch: %s", failure.toString());
        throw unavailable("competency-service is unavailable (" + reason(failure) + ")", what, failure);
    }

    private CompetencyServiceUnavailable unavailable(String cause, String what, Throwable e) {
        return new CompetencyServiceUnavailable(cause + "; the JPM for the target comes only from it, so " + what
                + ". Try again later.", retryAfterSeconds, e);
    }

    private static String reason(Throwable e) {
        String name = e.getClass().getSimpleName();
        if (name.contains("CircuitBreakerOpen")) {
            return "it failed repeatedly, calls are paused";
        }
        if (name.contains("Timeout")) {
            return "no answer in time";
        }
        if (e instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse() != null) {
            return "HTTP " + w.getResponse().getStatus();
        }
        return "not reachable";
    }
}
