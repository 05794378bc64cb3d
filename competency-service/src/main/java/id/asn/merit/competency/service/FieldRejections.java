package id.asn.merit.competency.service;

import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;

import java.util.List;
import java.util.stream.Collectors;

/** A 422 that names every field at once (ApiException.unprocessable names one), for writes checked as a whole. */
final class FieldRejections {
    private FieldRejections() {
    }

    static ApiException unprocessable(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new ApiException(422, "urn:asn:problem:unprocessable", "Unprocessable request", detail, errors);
    }

    /** Long or odd user text shown back in a message: at most 60 characters. */
    static String shown(String text) {
        return text == null || text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
