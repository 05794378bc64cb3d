package id.asn.merit.competency.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.platform.outbox.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The JSON {@code data} of one consumed CloudEvent, read field by field (the producer's classes are never used,
 * ENGINEERING.md). Every reader throws {@link IllegalArgumentException} naming the field on anything malformed, so
 * the record goes to the dead-letter topic with that reason.
 */
final class EventPayload {
    /** employee-service's unit and position codes (OrgUnitRequest, PositionRequest). */
    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,49}");
    static final Pattern NIP = Pattern.compile("\\d{18}");

    private final JsonNode data;

    private EventPayload(JsonNode data) {
        this.data = data;
    }

    static EventPayload of(ObjectMapper json, ConsumerRecord<String, String> record) throws IOException {
        if (record.value() == null) {
            throw new IllegalArgumentException("the record has no value");
        }
        JsonNode data = json.readTree(record.value());
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("event data is not a JSON object");
        }
        return new EventPayload(data);
    }

    /** The CloudEvents type of the record, or an error when it has none. */
    static String type(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("the record has no ce_type");
        }
        return type;
    }

    /** The record key must name what the data is about: per-key order means nothing otherwise. */
    static void requireKey(ConsumerRecord<String, String> record, String expected, String field) {
        if (!expected.equals(record.key())) {
            throw new IllegalArgumentException("record key " + record.key() + " differs from data." + field + " " + expected);
        }
    }

    /** A string field, null when absent or null. */
    String text(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("data." + field + " is not a string");
        }
        return node.asText();
    }

    /** A string field that must be present and match pattern. */
    String required(String field, Pattern pattern) {
        String value = text(field);
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("data." + field + " is missing or not valid: " + value);
        }
        return value;
    }

    /** A string field that may be absent, but when present must match pattern. */
    String optional(String field, Pattern pattern) {
        String value = text(field);
        if (value != null && !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("data." + field + " is not valid: " + value);
        }
        return value;
    }

    /** A string field holding one of allowed (an enum's names, a status); absent is an error only when required. */
    String oneOf(String field, Set<String> allowed, boolean required) {
        String value = text(field);
        if (value == null ? required : !allowed.contains(value)) {
            throw new IllegalArgumentException("data." + field + " is " + value + ", not one of " + new TreeSet<>(allowed));
        }
        return value;
    }

    static Set<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }

    /** The producer's version of the entity, for order per key: a whole number of at least 0. */
    long version() {
        JsonNode node = data.get("version");
        if (node == null || !node.canConvertToExactIntegral() || node.asLong() < 0) {
            throw new IllegalArgumentException("data.version is missing or not a whole number >= 0");
        }
        return node.asLong();
    }

    /** An array of codes (a unit path, root first), empty when absent or null. */
    List<String> codes(String field) {
        JsonNode node = data.get(field);
        List<String> codes = new ArrayList<>();
        if (node == null || node.isNull()) {
            return codes;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("data." + field + " is not an array");
        }
        for (JsonNode n : node) {
            if (!n.isTextual() || !CODE.matcher(n.asText()).matches()) {
                throw new IllegalArgumentException("data." + field + " holds an invalid code: " + n);
            }
            codes.add(n.asText());
        }
        return codes;
    }
}
