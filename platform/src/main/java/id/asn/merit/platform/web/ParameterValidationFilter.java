package id.asn.merit.platform.web;

import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.DateFormat;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks the path and query parameters of every request once, before any resource code, conversion or body read:
 * <ul>
 * <li>no control characters (NUL, U+0001…, DEL): they are never part of a code, NIP or search text, and PostgreSQL
 * refuses a NUL outright, which used to surface as a 500;</li>
 * <li>a typed query parameter ({@code Integer page}, {@code LocalDate from}, an enum …) whose text does not convert:
 * JAX-RS would answer a bare 404 for it.</li>
 * </ul>
 * Both answer 400 problem+json naming the parameter. It runs after matching (so a path parameter is named by its
 * template name) and after the security check (so an anonymous caller still gets 401, not a hint about the input).
 */
public class ParameterValidationFilter {
    /** The typed query parameters of each resource method, found once by reflection. */
    private final Map<Method, List<TypedQuery>> typedQueries = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void validate(UriInfo uri, ResourceInfo resource) {
        List<Problem.FieldError> errors = new ArrayList<>();
        controlCharacters(uri.getPathParameters(), errors);
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        controlCharacters(query, errors);
        if (errors.isEmpty() && resource != null && resource.getResourceMethod() != null) {
            for (TypedQuery typed : typedQueries.computeIfAbsent(resource.getResourceMethod(), ParameterValidationFilter::typedQueries)) {
                List<String> values = query.get(typed.name());
                if (values == null) {
                    continue;
                }
                for (String value : values) {
                    String error = typed.check().apply(value);
                    if (error != null) {
                        errors.add(new Problem.FieldError(typed.name(), error));
                        break;
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void controlCharacters(MultivaluedMap<String, String> parameters, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            int bad = firstControlCharacter(parameter.getKey());
            String name = bad < 0 ? parameter.getKey() : printable(parameter.getKey());
            if (bad < 0) {
                for (String value : parameter.getValue()) {
                    bad = value == null ? -1 : firstControlCharacter(value);
                    if (bad >= 0) {
                        errors.add(new Problem.FieldError(name, "must not contain control characters (U+%04X at position %d)"
                                .formatted((int) value.charAt(bad), bad)));
                        break;
                    }
                }
            } else {
                errors.add(new Problem.FieldError(name, "the parameter name must not contain control characters"));
            }
        }
    }

    /** The index of the first C0/C1 control character (including TAB, CR, LF and DEL), or -1. */
    static int firstControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String printable(String text) {
        StringBuilder b = new StringBuilder();
        text.chars().forEach(c -> b.append(Character.isISOControl(c) ? "\\u%04X".formatted(c) : String.valueOf((char) c)));
        return b.toString();
    }

    private record TypedQuery(String name, Function<String, String> check) {
    }

    private static List<TypedQuery> typedQueries(Method method) {
        List<TypedQuery> typed = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            String name = queryName(parameter);
            if (name == null) {
                continue;
            }
            if (parameter.isAnnotationPresent(DateFormat.class)) {
                continue; // its own pattern: left to the converter
            }
            Function<String, String> check = check(elementType(parameter));
            if (check != null) {
                typed.add(new TypedQuery(name, check));
            }
        }
        return List.copyOf(typed);
    }

    private static String queryName(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (annotation instanceof QueryParam q) {
                return q.value();
            }
            if (annotation instanceof RestQuery q) {
                return q.value().isEmpty() ? parameter.getName() : q.value();
            }
        }
        return null;
    }

    /** The type of one value: {@code List<LocalDate>} → LocalDate. */
    private static Class<?> elementType(Parameter parameter) {
        Class<?> type = parameter.getType();
        if (Collection.class.isAssignableFrom(type) && parameter.getParameterizedType() instanceof ParameterizedType p) {
            Type element = p.getActualTypeArguments()[0];
            return element instanceof Class<?> c ? c : Object.class;
        }
        return type;
    }

    /** How a value of the type is checked: null for types that cannot fail to convert (String, boolean). */
    private static Function<String, String> check(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class) {
            return value -> {
                try {
                    BigInteger number = new BigInteger(value);
                    if (type != BigInteger.class && number.bitLength() > bits(type) - 1) {
                        return "value '" + shorten(value) + "' is out of range";
                    }
                    return null;
                } catch (NumberFormatException e) {
                    return "value '" + shorten(value) + "' is not a whole number";
                }
            };
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return value -> parses(value, Double::valueOf) ? null : "value '" + shorten(value) + "' is not a number";
        }
        if (type == BigDecimal.class) {
            return value -> parses(value, BigDecimal::new) ? null : "value '" + shorten(value) + "' is not a number";
        }
        if (type == LocalDate.class) {
            return value -> parses(value, LocalDate::parse) ? null
                    : "value '" + shorten(value) + "' is not a date (yyyy-MM-dd)";
        }
        if (type == LocalDateTime.class) {
            return value -> parses(value, LocalDateTime::parse) ? null
                    : "value '" + shorten(value) + "' is not a local date-time (yyyy-MM-ddTHH:mm:ss)";
        }
        if (type == OffsetDateTime.class) {
            return value -> parses(value, OffsetDateTime::parse) ? null
                    : "value '" + shorten(value) + "' is not a date-time with offset (yyyy-MM-ddTHH:mm:ssZ)";
        }
        if (type == Instant.class) {
            return value -> parses(value, Instant::parse) ? null
                    : "value '" + shorten(value) + "' is not an instant (yyyy-MM-ddTHH:mm:ssZ)";
        }
        if (type == UUID.class) {
            return value -> parses(value, UUID::fromString) ? null : "value '" + shorten(value) + "' is not a UUID";
        }
        if (type.isEnum() && !hasStaticFromString(type)) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            return value -> names.contains(value) ? null
                    : "value '" + shorten(value) + "' is not one of " + names.stream().collect(Collectors.joining(", "));
        }
        return null;
    }

    /** JAX-RS prefers an enum's own {@code fromString(String)} (maybe lenient) to {@code valueOf}: leave those alone. */
    private static boolean hasStaticFromString(Class<?> type) {
        try {
            return java.lang.reflect.Modifier.isStatic(type.getMethod("fromString", String.class).getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static int bits(Class<?> type) {
        if (type == long.class || type == Long.class) {
            return 64;
        }
        if (type == short.class || type == Short.class) {
            return 16;
        }
        if (type == byte.class || type == Byte.class) {
            return 8;
        }
        return 32;
    }

    private static boolean parses(String value, Function<String, ?> parser) {
        try {
            parser.apply(value);
            return true;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
