package id.asn.merit.merit.client;

import id.asn.merit.merit.client.CompetencyGapsClient.Gap;
import id.asn.merit.merit.client.CompetencyGapsClient.GapBatch;
import id.asn.merit.merit.client.CompetencyGapsClient.GapBatchRequest;
import id.asn.merit.platform.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JPM of many people against one position, from competency-service (the one place that computes it), in batches
 * of {@value CompetencyGapsClient#MAX_BATCH}. Failing is loud: a competency-service that cannot answer is a
 * {@link CompetencyServiceUnavailable} (503); a position it does not know is a 422 naming the field the caller gave.
 */
@ApplicationScoped
public class CompetencyGaps {
    private static final Logger LOG = Logger.getLogger(CompetencyGaps.class);
    public static final String SELECTION = "SELECTION";

    @Inject
    GuardedGapBatch batches;
    @ConfigProperty(name = "asn.merit.competency.retry-after-seconds", defaultValue = "10")
    int retryAfterSeconds;

    /** Every person's match, by NIP, with the standard the matches were made against. */
    public record Matches(String positionCode, Integer standardVersion, String standardSource, Integer policyVersion,
                          Map<String, Gap> byNip) {
    }

    /**
     * @param positionField the request field that named the position, for the 422 when competency-service does not know it
     * @param what          what is not made when it fails, e.g. "the promotion ranking was not made"
     * @param authorization the caller's Authorization header, passed on as it came
     */
    public Matches against(String positionCode, List<String> nips, String purpose, LocalDate on, String authorization,
                           String positionField, String what) {
        Map<String, Gap> byNip = new HashMap<>(nips.size() * 2);
        GapBatch last = null;
        for (int from = 0; from < nips.size(); from += CompetencyGapsClient.MAX_BATCH) {
            List<String> chunk = nips.subList(from, Math.min(nips.size(), from + CompetencyGapsClient.MAX_BATCH));
            last = call(authorization, new GapBatchRequest(positionCode, List.copyOf(chunk), purpose, on), positionField, what);
            if (last.items() != null) {
                last.items().forEach(g -> byNip.put(g.nip(), g));
            }
        }
        return last == null ? new Matches(positionCode, null, null, null, byNip)
                : new Matches(positionCode, last.standardVersion(), last.standardSource(), last.policyVersion(), byNip);
    }

    private GapBatch call(String authorization, GapBatchRequest request, String positionField, String what) {
        try {
            GapBatch answer = batches.batch(authorization, request);
            if (answer == null) {
                throw unavailable("competency-service gave an empty answer", what, null);
            }
            return answer;
        } catch (GuardedGapBatch.Rejected e) {
            if (e.status == 422 || e.status == 404) {
                throw ApiException.unprocessable(positionField, "position " + request.positionCode()
                        + " is not known to competency-service, so no JPM can be computed for it; " + what);
            }
            LOG.warnf("competency-service refused the gap batch with %d: %s", e.status, e.body);
            throw unavailable("competency-service refused the gap batch (HTTP " + e.status + ")", what, e);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("competency-service unavailable for the gap batch: %s", e.toString());
            throw unavailable("competency-service is unavailable (" + reason(e) + ")", what, e);
        }
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
