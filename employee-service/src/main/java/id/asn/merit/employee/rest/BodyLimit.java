package id.asn.merit.employee.rest;

import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.web.RequestIds;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * quarkus.http.limits.max-body-size is raised for employee-imports (a 1 000 000-row file is streamed to disk); the
 * JSON endpoints, whose bodies are read into memory, keep a small limit: a larger Content-Length is a 413.
 */
public class BodyLimit {
    static final String IMPORTS = "/api/v1/employee-imports";

    @ConfigProperty(name = "asn.http.max-json-body-size", defaultValue = "10M")
    MemorySize maxJsonBody;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith(IMPORTS) || request.getLength() <= maxJsonBody.asLongValue()) {
            return null;
        }
        Problem problem = new Problem("urn:asn:problem:too-large", "Payload too large", 413,
                "the body has " + request.getLength() + " bytes; at most " + maxJsonBody.asLongValue() + " are accepted here",
                request.getUriInfo().getPath(), RequestIds.current(), List.of());
        return Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
