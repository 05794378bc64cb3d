package id.asn.merit.competency.rest;

import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.web.PageRequest;

/**
 * {@code ?page=&size=} read as text, so a non-number is a 400 naming the parameter (JAX-RS would answer an
 * unconvertible {@code Integer} query parameter with a bare 404).
 */
final class Paging {
    private Paging() {
    }

    static PageRequest of(String page, String size) {
        return PageRequest.of(number("page", page), number("size", size));
    }

    private static Integer number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "must be a whole number, not '" + value + "'");
        }
    }
}
