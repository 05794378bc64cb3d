package id.asn.merit.merit.talent;

import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.web.QueryParams;

/** The query parameters the talent reports share, read from text so a wrong value is a 400 naming it. */
final class TalentParams {
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private TalentParams() {
    }

    static int year(String value, int currentYear) {
        Integer year = QueryParams.integer("year", value);
        if (year == null) {
            return currentYear;
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw ApiException.badRequest("year", "must be between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return year;
    }

    /** Default true: a unit's report includes the units below it unless asked not to. */
    static boolean subtree(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("subtree", "value '" + value + "' is not true or false");
        };
    }

    static String orgUnit(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
