package id.asn.merit.merit.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.merit.service.MeritProfiles;
import id.asn.merit.platform.consumer.EventData;
import id.asn.merit.platform.consumer.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * Keeps, from {@code asn.training.v1} (key NIP) through platform's {@link IdempotentConsumer} (idempotent by ce_id; a
 * record it cannot read to {@code asn.training.v1.dlq.merit-service}):
 * <ul>
 *   <li>{@code training_record_replica} from recorded / verified / rejected, in {@code version} order per
 *       {@code record:<recordId>} (leadership trainings for the promotion blocker, JP for the merit index);</li>
 *   <li>{@code jp_year}: the person's recognised JP of a year against the requirement, as training-service computed
 *       it (one rule, one place), from the same events ({@code recognisedJpOfYear}, {@code requiredJp}) and from
 *       jp-threshold-reached; the newest {@code ce_time} per person and year wins, whichever record it came with.</li>
 * </ul>
 * A person not yet in employee_replica is stored anyway; the profile computes when they arrive. Other
 * asn.training types are consumed without effect; a type outside asn.training goes to the dead-letter topic.
 */
@ApplicationScoped
public class TrainingEventConsumer extends IdempotentConsumer {
    public static final String CONSUMER = "merit-service.training";
    public static final String PREFIX = "asn.training.";
    public static final String RECORDED = "asn.training.recorded.v1";
    public static final String VERIFIED = "asn.training.verified.v1";
    public static final String REJECTED = "asn.training.rejected.v1";
    public static final String JP_THRESHOLD_REACHED = "asn.training.jp-threshold-reached.v1";
    private static final Logger LOG = Logger.getLogger(TrainingEventConsumer.class);
    private static final Set<String> STATUSES = Set.of("PENDING", "VERIFIED", "REJECTED");

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    MeritProfiles profiles;

    public TrainingEventConsumer() {
        super(CONSUMER, MeritConsumers.DEAD_LETTER_NAME);
    }

    @Incoming("training-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        handle(record);
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) throws IOException {
        ConsumedEvent event = ConsumedEvent.of(record);
        switch (event.type()) {
            case RECORDED, VERIFIED, REJECTED -> trainingRecord(record, EventData.of(json, record), event);
            case JP_THRESHOLD_REACHED -> thresholdReached(record, EventData.of(json, record), event);
            default -> {
                if (!event.type().startsWith(PREFIX)) {
                    throw new IllegalArgumentException("ce_type " + event.type() + " is not an asn.training event");
                }
                LOG.debugf("%s: %s is not read by merit-service", CONSUMER, event.type());
            }
        }
    }

    private void trainingRecord(ConsumerRecord<String, String> record, EventData data, ConsumedEvent event) {
        String recordId = data.required("recordId", ConsumedEvent.RECORD_ID);
        String nip = data.required("nip", EventData.NIP);
        EventData.requireKey(record, nip, "nip");
        int year = year(data);
        long version = data.version();
        String status = data.oneOf("status", STATUSES, true);
        String leadership = data.oneOf("leadershipLevel", OrgEventConsumer.LEADERSHIP_TRAININGS, false);
        LocalDate endDate = ConsumedEvent.date(data, "endDate", "data.", false);
        BigDecimal jp = nonNegative(data, "jp", false);
        BigDecimal recognisedJp = nonNegative(data, "recognisedJp", false);
        BigDecimal recognisedJpOfYear = nonNegative(data, "recognisedJpOfYear", true);
        BigDecimal requiredJp = nonNegative(data, "requiredJp", true);
        if (isCurrent("record:" + recordId, version)) {
            em.createNativeQuery("""
                    insert into training_record_replica (record_id, nip, year, method_code, title, end_date, jp,
                        recognised_jp, status, leadership_level, source_version, event_id, event_at)
                    values (:id, :nip, :year, :method, :title, :endDate, :jp, :recognisedJp, :status, :leadership,
                        :version, :eventId, :eventAt)
                    on conflict (record_id) do update set nip = excluded.nip, year = excluded.year,
                        method_code = excluded.method_code, title = excluded.title, end_date = excluded.end_date,
                        jp = excluded.jp, recognised_jp = excluded.recognised_jp, status = excluded.status,
                        leadership_level = excluded.leadership_level, source_version = excluded.source_version,
                        event_id = excluded.event_id, event_at = excluded.event_at""")
                    .setParameter("id", recordId).setParameter("nip", nip).setParameter("year", year)
                    .setParameter("method", data.text("methodCode")).setParameter("title", data.text("title"))
                    .setParameter("endDate", endDate).setParameter("jp", jp).setParameter("recognisedJp", recognisedJp)
                    .setParameter("status", status).setParameter("leadership", leadership)
                    .setParameter("version", version).setParameter("eventId", event.id())
                    .setParameter("eventAt", event.at())
                    .executeUpdate();
        } else {
            LOG.infof("training record %s: version %d is older than the one applied: not applied", recordId, version);
        }
        // the year's total has an order of its own (per person and year, by ce_time): an older record version can
        // still carry the newest total when other records of the year changed since
        storeJpYear(nip, year, recognisedJpOfYear, requiredJp, event);
        profiles.recompute(nip, event.cause(), year);
    }

    private void thresholdReached(ConsumerRecord<String, String> record, EventData data, ConsumedEvent event) {
        String nip = data.required("nip", EventData.NIP);
        EventData.requireKey(record, nip, "nip");
        int year = year(data);
        storeJpYear(nip, year, nonNegative(data, "recognisedJp", true), nonNegative(data, "requiredJp", true), event);
        profiles.recompute(nip, event.cause(), year);
    }

    /**
     * The newest ce_time per person and year wins. Events of one time (a verification and the threshold it reached,
     * written in one transaction) say the same total; the greater ce_id is kept, so any order of arrival gives the
     * same row.
     */
    private void storeJpYear(String nip, int year, BigDecimal recognised, BigDecimal required, ConsumedEvent event) {
        em.createNativeQuery("""
                insert into jp_year (nip, year, recognised_jp, required_jp, event_id, event_at, event_time)
                values (:nip, :year, :recognised, :required, :eventId, :eventAt, :eventTime)
                on conflict (nip, year) do update set recognised_jp = excluded.recognised_jp,
                    required_jp = excluded.required_jp, event_id = excluded.event_id, event_at = excluded.event_at,
                    event_time = excluded.event_time
                where jp_year.event_time < excluded.event_time
                   or (jp_year.event_time = excluded.event_time and jp_year.event_id < excluded.event_id)""")
                .setParameter("nip", nip).setParameter("year", year).setParameter("recognised", recognised)
                .setParameter("required", required).setParameter("eventId", event.id())
                .setParameter("eventAt", event.at()).setParameter("eventTime", event.timeVersion())
                .executeUpdate();
    }

    private static int year(EventData data) {
        Integer year = data.integer("year");
        if (year == null || year < 1900 || year > 9999) {
            throw new IllegalArgumentException("data.year is missing or not a year: " + year);
        }
        return year;
    }

    private static BigDecimal nonNegative(EventData data, String field, boolean required) {
        BigDecimal value = data.decimal(field);
        if (value == null ? required : value.signum() < 0 || value.compareTo(BigDecimal.valueOf(999_999)) > 0) {
            throw new IllegalArgumentException("data." + field + " is " + (value == null ? "missing" : "not a JP amount: " + value));
        }
        return value;
    }
}
