package id.asn.merit.platform.problem;

import java.util.List;

/** A client error with a status, a problem type and optionally the fields that are wrong. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "urn:asn:problem:validation", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ApiException invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
        return new ApiException(400, "urn:asn:problem:validation", "Invalid request", detail, errors);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "urn:asn:problem:not-found", "Not found", what + " " + id + " does not exist", null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "urn:asn:problem:conflict", "Conflict", detail, null);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "urn:asn:problem:stale-version", "Precondition failed", detail, null);
    }

    public static ApiException unprocessable(String field, String message) {
        return new ApiException(422, "urn:asn:problem:unprocessable", "Unprocessable request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "urn:asn:problem:forbidden", "Forbidden", detail, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
