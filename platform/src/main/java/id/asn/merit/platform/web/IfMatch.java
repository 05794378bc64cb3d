package id.asn.merit.platform.web;

import id.asn.merit.platform.problem.ApiException;

/** The {@code If-Match} header of a PUT/PATCH: the version the caller read (the ETag), or null when not sent. */
public final class IfMatch {
    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    public static Long parse(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(header.trim().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(HEADER, "must be the ETag of the resource, e.g. \"3\"");
        }
    }
}
