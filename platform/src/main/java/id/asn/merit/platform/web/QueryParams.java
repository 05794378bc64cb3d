package id.asn.merit.platform.web;

import id.asn.merit.platform.problem.ApiException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Typed query parameters read from text, so that a wrong value is a 400 naming the parameter (JAX-RS would answer a
 * failed conversion of a query parameter with a bare 404).
 */
public final class QueryParams {
    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, "value '" + value + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "value '" + value + "' is not a whole number");
        }
    }
}
