package id.asn.merit.competency.rest;

import id.asn.merit.platform.problem.ApiException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query parameters taken as text and parsed here, so a bad value is a 400 naming the parameter, never a 404 or 500. */
final class RequestParams {
    private RequestParams() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "must be a date YYYY-MM-DD, not " + value);
        }
    }

    static boolean bool(String name, String value, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(name, "must be true or false, not " + value);
        };
    }

    static String nip(String name, String value) {
        if (value == null || !value.matches("\\d{18}")) {
            throw ApiException.badRequest(name, "must be an 18-digit NIP");
        }
        return value;
    }
}
