package id.asn.merit.platform.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.platform.outbox.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The JSON {@code data} of one consumed CloudEvent, read field by field (the producer's classes are never used):
 * every reader throws {@link IllegalArgumentException} naming the field on anything malformed, so the record goes to
 * the dead-letter topic with that reason.
 */
public final class EventData {
    /** employee-service's unit and position codes as its requests allow them (upper case). */
    public static final Pattern UNIT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,49}");
    /** Any code a consumer reads, including competency-service's competency codes (either case). */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,49}");
    public static final Pattern NIP = Pattern.compile("\\d{18}");

    private final JsonNode node;

    private EventData(JsonNode node) {
        this.node = node;
    }

    public static EventData of(ObjectMapper json, ConsumerRecord<String, String> record) throws IOException {
        if (record.value() == null) {
            throw new IllegalArgumentException("the record has no value");
        }
        JsonNode data = json.readTree(record.value());
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("event data is not a JSON object");
        }
        return new EventData(data);
    }

    public static EventData wrap(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return new EventData(node);
    }

    public static String type(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("the record has no ce_type");
        }
        return type;
    }

    public static String eventId(ConsumerRecord<String, String> record) {
        return CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID);
    }

    /**
     * The event's ce_time as microseconds since the epoch, for order per key of events whose data carries no version;
     * 0 when absent (such an event never overrides a dated one).
     */
    public static long timeVersion(ConsumerRecord<String, String> record) {
        String time = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TIME);
        if (time == null || time.isBlank()) {
            return 0;
        }
        try {
            var instant = OffsetDateTime.parse(time).toInstant();
            return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ce_time is not an RFC 3339 time: " + time);
        }
    }

    public static void requireKey(ConsumerRecord<String, String> record, String expected, String field) {
        if (!expected.equals(record.key())) {
            throw new IllegalArgumentException("record key " + record.key() + " differs from data." + field + " " + expected);
        }
    }

    public String text(String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("data." + field + " is not a string");
        }
        return n.asText();
    }

    public String required(String field, Pattern pattern) {
        String value = text(field);
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("data." + field + " is missing or not valid: " + value);
        }
        return value;
    }

    public String optional(String field, Pattern pattern) {
        String value = text(field);
        if (value != null && !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("data." + field + " is not valid: " + value);
        }
        return value;
    }

    public String oneOf(String field, Set<String> allowed, boolean required) {
        String value = text(field);
        if (value == null ? required : !allowed.contains(value)) {
            throw new IllegalArgumentException("data." + field + " is " + value + ", not one of " + new TreeSet<>(allowed));
        }
        return value;
    }

    /** The producer's version of the entity: a whole number of at least 0. */
    public long version() {
        JsonNode n = node.get("version");
        if (n == null || !n.canConvertToExactIntegral() || n.asLong() < 0) {
            throw new IllegalArgumentException("data.version is missing or not a whole number >= 0");
        }
        return n.asLong();
    }

    public Integer integer(String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToExactIntegral() || !n.canConvertToInt()) {
            throw new IllegalArgumentException("data." + field + " is not a whole number");
        }
        return n.asInt();
    }

    public BigDecimal decimal(String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new IllegalArgumentException("data." + field + " is not a number");
        }
        return n.decimalValue();
    }

    public boolean bool(String field, boolean absent) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return absent;
        }
        if (!n.isBoolean()) {
            throw new IllegalArgumentException("data." + field + " is not true or false");
        }
        return n.asBoolean();
    }

    /** A unit path: an array of codes root first, or a string "A/B/C"; returned as "A/B/C", null when absent. */
    public String path(String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        if (n.isArray()) {
            for (JsonNode c : n) {
                if (!c.isTextual() || !CODE.matcher(c.asText()).matches()) {
                    throw new IllegalArgumentException("data." + field + " holds an invalid code: " + c);
                }
                path.append(path.isEmpty() ? "" : "/").append(c.asText());
            }
        } else if (n.isTextual()) {
            for (String c : n.asText().split("/", -1)) {
                if (!CODE.matcher(c).matches()) {
                    throw new IllegalArgumentException("data." + field + " holds an invalid code: " + c);
                }
            }
            path.append(n.asText());
        } else {
            throw new IllegalArgumentException("data." + field + " is neither an array of codes nor a string");
        }
        return path.isEmpty() ? null : path.toString();
    }

    /** The raw node of a field (null when absent), for nested objects and arrays read with {@link #wrap}. */
    public JsonNode get(String field) {
        return node.get(field);
    }

    /** An array of unit codes ({@link #UNIT_CODE}, a unit path root first), empty when absent or null. */
    public List<String> codes(String field) {
        JsonNode n = node.get(field);
        List<String> codes = new ArrayList<>();
        if (n == null || n.isNull()) {
            return codes;
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException("data." + field + " is not an array");
        }
        for (JsonNode c : n) {
            if (!c.isTextual() || !UNIT_CODE.matcher(c.asText()).matches()) {
                throw new IllegalArgumentException("data." + field + " holds an invalid code: " + c);
            }
            codes.add(c.asText());
        }
        return codes;
    }

    /** The names of an enum, for {@link #oneOf}. */
    public static Set<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
