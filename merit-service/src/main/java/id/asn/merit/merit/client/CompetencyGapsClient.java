package id.asn.merit.merit.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * competency-service's {@code POST /api/v1/competency-gaps:batch} (SYSTEM.md §3): many people's gap against one
 * position, so the JPM for a promotion target is computed by the one rule that owns it. Use it through
 * {@link CompetencyGaps}, which adds the timeout, retries, circuit breaker and chunking.
 */
@RegisterRestClient(configKey = "competency")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CompetencyGapsClient {
    /** The largest batch competency-service takes. */
    int MAX_BATCH = 500;

    /** @param authorization the caller's own bearer token (the batch is for ADMIN and HR_OFFICER) */
    @POST
    @Path("/competency-gaps:batch")
    GapBatch batch(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, GapBatchRequest request);

    /** @param purpose MAPPING or SELECTION; @param on the date the match is for */
    record GapBatchRequest(String positionCode, List<String> nips, String purpose, LocalDate on) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GapBatch(String positionCode, Integer standardVersion, String standardSource, Integer policyVersion, String purpose,
                    LocalDate on, List<Gap> items) {
    }

    /** One person's match; jpm null when the standard has no items. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Gap(String nip, BigDecimal jpm, String category, BigDecimal coverage) {
    }
}
