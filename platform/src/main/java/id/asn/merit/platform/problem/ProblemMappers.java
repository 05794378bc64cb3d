package id.asn.merit.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import id.asn.merit.platform.web.JsonControlCharacters;
import id.asn.merit.platform.web.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into {@code application/problem+json} (SYSTEM.md §4): bad input names the field and is a
 * 4xx, never a 500.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return respond(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(400, "urn:asn:problem:validation", "Invalid request", detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        String field = "body";
        String message = "is not valid JSON";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (e instanceof JsonControlCharacters.ControlCharacterException) {
                message = mapping.getOriginalMessage();
            } else if (e instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (e instanceof InvalidFormatException invalid) {
                message = "value '" + invalid.getValue() + "' is not a valid " + invalid.getTargetType().getSimpleName()
                        + enumValues(invalid.getTargetType());
            } else {
                message = "has the wrong type or format";
            }
        } else if (e instanceof JsonControlCharacters.ControlCharacterException) {
            message = ((JsonMappingException) e).getOriginalMessage();
        }
        return respond(400, "urn:asn:problem:validation", "Invalid request", field + ": " + message, uri,
                List.of(new Problem.FieldError(field, message)));
    }

    /** More specific than Quarkus' own mapper for this type, which answers without problem+json. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(respond(401, "urn:asn:problem:unauthenticated", "Unauthenticated",
                "a valid bearer token is required", uri, null)).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(new UnauthorizedException(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "urn:asn:problem:forbidden", "Forbidden", "your roles do not allow this", uri, null);
    }

    @ServerExceptionMapper
    public Response stale(OptimisticLockException e, UriInfo uri) {
        return respond(409, "urn:asn:problem:concurrent-change", "Concurrent change",
                "the resource was changed by someone else meanwhile; read it again", uri, null);
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        if (e.getKind() == ConstraintKind.UNIQUE) {
            return respond(409, "urn:asn:problem:conflict", "Conflict", "a record with the same key exists already", uri, null);
        }
        LOG.warnf("database constraint %s: %s", e.getConstraintName(), e.getMessage());
        return respond(422, "urn:asn:problem:unprocessable", "Unprocessable request",
                "the change breaks a data rule (" + e.getConstraintName() + ")", uri, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json(json, uri); // an unreadable body, reported with its field
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String title = Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = status == 404 ? "no resource at this path" : e.getMessage();
        return respond(status, status == 404 ? "urn:asn:problem:not-found" : "about:blank", title, detail, uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected failure", e);
        return respond(500, "urn:asn:problem:internal", "Internal error",
                "the request failed; quote the request id to the operator", uri, null);
    }

    public static Response respond(int status, String type, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        Problem problem = new Problem(type, title, status, detail, uri == null ? null : uri.getRequestUri().getPath(),
                RequestIds.current(), errors == null || errors.isEmpty() ? null : new ArrayList<>(errors));
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** "create.request.nip" → "nip", "list.size" → "size", "create.request.items[2].level" → "items[2].level". */
    static String fieldName(ConstraintViolation<?> violation) {
        String parameter = null;
        List<String> properties = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null && !properties.isEmpty()) {
                        int last = properties.size() - 1;
                        properties.set(last, properties.get(last) + "[" + node.getIndex() + "]");
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        properties.add(node.getName());
                    }
                }
                default -> {
                    // method, return value, bean: not part of the field name
                }
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return parameter != null ? parameter : "body";
    }

    private static String enumValues(Class<?> type) {
        if (type.isEnum()) {
            StringBuilder b = new StringBuilder(" (one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                b.append(i == 0 ? "" : ", ").append(constants[i]);
            }
            return b.append(')').toString();
        }
        return "";
    }
}
