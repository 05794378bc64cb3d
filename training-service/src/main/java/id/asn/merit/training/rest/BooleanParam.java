package id.asn.merit.training.rest;

import id.asn.merit.platform.problem.ApiException;

/** A boolean query parameter ({@code subtree}, {@code includeInactive}): true or false, absent = false; else a 400 naming it. */
public final class BooleanParam {
    private BooleanParam() {
    }

    public static boolean parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(name, "must be true or false");
        };
    }
}
