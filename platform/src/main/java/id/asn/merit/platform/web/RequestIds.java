package id.asn.merit.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;

/**
 * {@code X-Request-Id}: taken from the request (the gateway sets it) or generated, logged through the MDC,
 * written into audit entries and problems, and returned on the response.
 */
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String PROPERTY = "asn.requestId";

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id == null || id.isBlank() || id.length() > 100) {
            id = UUID.randomUUID().toString();
        }
        request.setProperty(PROPERTY, id);
        MDC.put("requestId", id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        MDC.remove("requestId");
    }

    /** The current request id, or null outside a request. */
    public static String current() {
        Object id = MDC.get("requestId");
        return id == null ? null : id.toString();
    }
}
