package id.asn.merit.platform.outbox;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/** CloudEvents 1.0 Kafka binary mode: the attributes travel as {@code ce_*} headers, the value is the data. */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    public static Headers of(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, event.id.toString());
        add(headers, TYPE, event.type);
        add(headers, SOURCE, event.source);
        add(headers, SUBJECT, event.key);
        add(headers, TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredAt));
        add(headers, CONTENT_TYPE, "application/json");
        return headers;
    }

    /** The header's value as text, or null when absent. */
    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
