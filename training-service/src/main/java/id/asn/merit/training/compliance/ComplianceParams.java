package id.asn.merit.training.compliance;

import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.web.QueryParams;
import jakarta.ws.rs.core.HttpHeaders;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Query parameters of the compliance API, read from text so that a bad value is a 400 naming it. */
final class ComplianceParams {
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final int MIN_YEAR = 1950;
    static final int MAX_YEAR = 2200;

    private ComplianceParams() {
    }

    static LocalDate today() {
        return LocalDate.now(JAKARTA);
    }

    /** The year asked for, or the current year (Asia/Jakarta). */
    static int year(String value) {
        Integer y = QueryParams.integer("year", value);
        if (y == null) {
            return today().getYear();
        }
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw ApiException.badRequest("year", "must be between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return y;
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "value '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    static boolean bool(String name, String value, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(name, "value '" + value + "' is not true or false");
        };
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static boolean wantsCsv(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(m -> m.getType().equals("text") && m.getSubtype().equals("csv")).orElse(false);
    }
}
