package id.asn.merit.merit.client;

import id.asn.merit.platform.problem.ProblemMappers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The platform's problem+json for a 503, with {@code Retry-After}: about when the circuit breaker tries again. */
public class CompetencyUnavailableMapper {
    @ServerExceptionMapper
    public Response unavailable(CompetencyServiceUnavailable e, UriInfo uri) {
        Response problem = ProblemMappers.respond(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
