package id.asn.merit.merit.client;

import id.asn.merit.platform.problem.ApiException;

/**
 * competency-service could not answer (down, unreachable, too slow, a 5xx, or the circuit is open): whatever needed
 * its JPM is not made, and says so with a 503 rather than going on with a silent zero.
 */
public class CompetencyServiceUnavailable extends ApiException {
    public static final String TYPE = "urn:asn:problem:dependency-unavailable";
    private final int retryAfterSeconds;

    public CompetencyServiceUnavailable(String detail, int retryAfterSeconds, Throwable cause) {
        super(503, TYPE, "Service unavailable", detail, null);
        this.retryAfterSeconds = retryAfterSeconds;
        initCause(cause);
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
