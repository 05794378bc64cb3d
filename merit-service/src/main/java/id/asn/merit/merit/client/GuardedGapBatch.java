package id.asn.merit.merit.client;

import id.asn.merit.merit.client.CompetencyGapsClient.GapBatch;
import id.asn.merit.merit.client.CompetencyGapsClient.GapBatchRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * One call of the batch with the fault tolerance around it (values overridable in application.properties under
 * {@code quarkus.fault-tolerance."id.asn.merit.merit.client.GuardedGapBatch/batch"}). A 4xx is competency-service's
 * answer about the request, so it is neither retried nor counted against the service's health; 5xx, timeouts and
 * refused connections are.
 */
@ApplicationScoped
class GuardedGapBatch {
    @RestClient
    CompetencyGapsClient client;

    /** A 4xx from competency-service, with its status and body. */
    static final class Rejected extends RuntimeException {
        final int status;
        final String body;

        Rejected(int status, String body) {
            super("competency-service answered " + status);
            this.status = status;
            this.body = body;
        }
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = Rejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2, skipOn = Rejected.class)
    public GapBatch batch(String authorization, GapBatchRequest request) {
        try {
            return client.batch(authorization, request);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                String body = null;
                try {
                    body = e.getResponse().readEntity(String.class);
                } catch (RuntimeException unreadable) {
                    // the status says enough
                }
                throw new Rejected(status, body);
            }
            throw e;
        }
    }
}
