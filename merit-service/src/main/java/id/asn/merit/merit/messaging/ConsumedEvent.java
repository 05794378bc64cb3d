package id.asn.merit.merit.messaging;

import id.asn.merit.platform.consumer.EventData;
import id.asn.merit.platform.outbox.CloudEventHeaders;
import id.asn.merit.merit.service.MeritProfiles;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The CloudEvent attributes a read-model row records about the event that wrote it: the ce_id and ce_type a profile
 * cites as its input, the ce_time as a timestamp and as the order of events whose data carries no version.
 *
 * @param id         ce_id
 * @param type       ce_type
 * @param at         ce_time, null when absent
 * @param timeVersion ce_time in microseconds since the epoch (0 when absent), {@link EventData#timeVersion}
 */
record ConsumedEvent(String id, String type, OffsetDateTime at, long timeVersion) {
    /** The id of a producer's record (a UUID: an assessment, a training record), as the replica columns hold it. */
    static final java.util.regex.Pattern RECORD_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    static ConsumedEvent of(ConsumerRecord<String, String> record) {
        long micros = EventData.timeVersion(record);
        String time = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TIME);
        OffsetDateTime at = time == null || time.isBlank() ? null
                : OffsetDateTime.ofInstant(Instant.ofEpochSecond(0, micros * 1_000), ZoneOffset.UTC);
        return new ConsumedEvent(EventData.eventId(record), EventData.type(record), at, micros);
    }

    MeritProfiles.Cause cause() {
        return MeritProfiles.Cause.event(id, type);
    }

    /** A date field (yyyy-MM-dd) of data, null when absent; IllegalArgumentException naming the field otherwise. */
    static LocalDate date(EventData data, String field, String prefix, boolean required) {
        String text = data.text(field);
        if (text == null) {
            if (required) {
                throw new IllegalArgumentException(prefix + field + " is missing");
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(prefix + field + " is not a date (yyyy-MM-dd): " + text);
        }
    }

    /**
     * Reads a nested object of data with EventData's readers, which name a field "data.x": the error names it with
     * its parent instead ("data.rating.x"), so the dead letter says which field is wrong.
     */
    static <T> T nested(String parent, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(message.startsWith("data.") ? parent + message.substring(4) : parent + ": " + message, e);
        }
    }
}
