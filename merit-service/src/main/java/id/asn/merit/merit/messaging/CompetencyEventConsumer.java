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
 * Keeps, from {@code asn.competency.v1} through platform's {@link IdempotentConsumer} (idempotent by ce_id; a record
 * it cannot read to {@code asn.competency.v1.dlq.merit-service}):
 * <ul>
 *   <li>{@code assessment_replica} from {@code assessment-recorded.v1} (key NIP), for the merit index's "assessed in
 *       the last 3 years";</li>
 *   <li>{@code competency_match}, the JPM against the current position (the competency part of potential), from
 *       {@code gap-changed.v1} and from an {@code assessment-recorded.v1} that carries the JPM. Their data has no
 *       version, so the newest {@code ce_time} wins per NIP (an older event arriving late is not applied); a null JPM
 *       is stored as such: the person has no gap any more;</li>
 *   <li>{@code position_standard} from {@code standard-published.v1} (key position code), the newest version wins.</li>
 * </ul>
 * competency-changed and any other asn.competency type are not for merit-service: consumed without effect, not
 * dead-lettered. A person not yet in employee_replica is stored anyway; the profile computes when they arrive.
 */
@ApplicationScoped
public class CompetencyEventConsumer extends IdempotentConsumer {
    public static final String CONSUMER = "merit-service.competency";
    public static final String PREFIX = "asn.competency.";
    public static final String ASSESSMENT_RECORDED = "asn.competency.assessment-recorded.v1";
    public static final String GAP_CHANGED = "asn.competency.gap-changed.v1";
    public static final String STANDARD_PUBLISHED = "asn.competency.standard-published.v1";
    private static final Logger LOG = Logger.getLogger(CompetencyEventConsumer.class);
    private static final Set<String> METHODS = Set.of("ASSESSMENT_CENTER", "UJI_KOMPETENSI", "SELF", "SUPERVISOR", "360");
    private static final Set<String> PURPOSES = Set.of("MAPPING", "SELECTION");
    private static final Set<String> CATEGORIES = Set.of("OPTIMAL", "CUKUP_OPTIMAL", "KURANG_OPTIMAL");

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    MeritProfiles profiles;

    public CompetencyEventConsumer() {
        super(CONSUMER, MeritConsumers.DEAD_LETTER_NAME);
    }

    @Incoming("competency-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        handle(record);
    }

    /** The JPM of a person against a position as an event stated it. */
    record Match(String nip, String positionCode, BigDecimal jpm, String category, BigDecimal coverage,
                 Integer standardVersion, Integer policyVersion) {
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) throws IOException {
        ConsumedEvent event = ConsumedEvent.of(record);
        switch (event.type()) {
            case ASSESSMENT_RECORDED -> assessmentRecorded(record, EventData.of(json, record), event);
            case GAP_CHANGED -> gapChanged(record, EventData.of(json, record), event);
            case STANDARD_PUBLISHED -> standardPublished(record, EventData.of(json, record), event);
            default -> {
                if (!event.type().startsWith(PREFIX)) {
                    throw new IllegalArgumentException("ce_type " + event.type() + " is not an asn.competency event");
                }
                LOG.debugf("%s: %s is not read by merit-service", CONSUMER, event.type());
            }
        }
    }

    private void assessmentRecorded(ConsumerRecord<String, String> record, EventData data, ConsumedEvent event) {
        String assessmentId = data.required("assessmentId", ConsumedEvent.RECORD_ID);
        String nip = data.required("nip", EventData.NIP);
        EventData.requireKey(record, nip, "nip");
        LocalDate assessedOn = ConsumedEvent.date(data, "assessedOn", "data.", true);
        String method = data.oneOf("method", METHODS, false);
        String purpose = data.oneOf("purpose", PURPOSES, false);
        String supersedes = data.optional("supersedes", ConsumedEvent.RECORD_ID);
        String positionCode = data.optional("positionCode", EventData.CODE);
        // the JPM travels with the assessment only when competency-service could compute it (the person is known)
        Match match = data.get("jpm") != null && positionCode != null ? match(data, nip, positionCode) : null;
        em.createNativeQuery("""
                insert into assessment_replica (assessment_id, nip, assessed_on, method, purpose, supersedes, event_id)
                values (:id, :nip, :on, :method, :purpose, :supersedes, :eventId)
                on conflict (assessment_id) do update set nip = excluded.nip, assessed_on = excluded.assessed_on,
                    method = excluded.method, purpose = excluded.purpose, supersedes = excluded.supersedes,
                    event_id = excluded.event_id""")
                .setParameter("id", assessmentId).setParameter("nip", nip).setParameter("on", assessedOn)
                .setParameter("method", method).setParameter("purpose", purpose).setParameter("supersedes", supersedes)
                .setParameter("eventId", event.id())
                .executeUpdate();
        if (match != null) {
            storeMatch(match, event);
        }
        profiles.recompute(nip, event.cause(), null);
    }

    private void gapChanged(ConsumerRecord<String, String> record, EventData data, ConsumedEvent event) {
        String nip = data.required("nip", EventData.NIP);
        EventData.requireKey(record, nip, "nip");
        storeMatch(match(data, nip, data.optional("positionCode", EventData.CODE)), event);
        profiles.recompute(nip, event.cause(), null);
    }

    private static Match match(EventData data, String nip, String positionCode) {
        BigDecimal jpm = data.decimal("jpm");
        if (jpm != null && (jpm.signum() < 0 || jpm.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("data.jpm is not between 0 and 100: " + jpm);
        }
        BigDecimal coverage = data.decimal("coverage");
        if (coverage != null && (coverage.signum() < 0 || coverage.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("data.coverage is not between 0 and 1: " + coverage);
        }
        return new Match(nip, positionCode, jpm, data.oneOf("category", CATEGORIES, false), coverage,
                data.integer("standardVersion"), data.integer("policyVersion"));
    }

    /**
     * The newest ce_time per NIP wins. Two events of one time (competency-service writes assessment-recorded and
     * gap-changed in one transaction) say the same JPM; the greater ce_id is kept, so any order of arrival gives the
     * same row.
     */
    private void storeMatch(Match m, ConsumedEvent event) {
        int changed = em.createNativeQuery("""
                insert into competency_match (nip, position_code, jpm, category, coverage, standard_version, policy_version,
                    event_id, event_type, event_at, event_time)
                values (:nip, :position, :jpm, :category, :coverage, :standardVersion, :policyVersion, :eventId,
                    :eventType, :eventAt, :eventTime)
                on conflict (nip) do update set position_code = excluded.position_code, jpm = excluded.jpm,
                    category = excluded.category, coverage = excluded.coverage,
                    standard_version = excluded.standard_version, policy_version = excluded.policy_version,
                    event_id = excluded.event_id, event_type = excluded.event_type, event_at = excluded.event_at,
                    event_time = excluded.event_time
                where competency_match.event_time < excluded.event_time
                   or (competency_match.event_time = excluded.event_time and competency_match.event_id < excluded.event_id)""")
                .setParameter("nip", m.nip()).setParameter("position", m.positionCode()).setParameter("jpm", m.jpm())
                .setParameter("category", m.category()).setParameter("coverage", m.coverage())
                .setParameter("standardVersion", m.standardVersion()).setParameter("policyVersion", m.policyVersion())
                .setParameter("eventId", event.id()).setParameter("eventType", event.type())
                .setParameter("eventAt", event.at()).setParameter("eventTime", event.timeVersion())
                .executeUpdate();
        if (changed == 0) {
            LOG.infof("%s for %s is older than the JPM stored: not applied", event.type(), m.nip());
        }
    }

    private void standardPublished(ConsumerRecord<String, String> record, EventData data, ConsumedEvent event) {
        String positionCode = data.required("positionCode", EventData.CODE);
        EventData.requireKey(record, positionCode, "positionCode");
        Integer version = data.integer("version");
        if (version == null || version < 0) {
            throw new IllegalArgumentException("data.version is missing or not a whole number >= 0");
        }
        LocalDate effectiveFrom = ConsumedEvent.date(data, "effectiveFrom", "data.", false);
        em.createNativeQuery("""
                insert into position_standard (position_code, version, effective_from, event_id, event_at)
                values (:position, :version, :from, :eventId, :eventAt)
                on conflict (position_code) do update set version = excluded.version,
                    effective_from = excluded.effective_from, event_id = excluded.event_id, event_at = excluded.event_at
                where position_standard.version <= excluded.version""")
                .setParameter("position", positionCode).setParameter("version", version).setParameter("from", effectiveFrom)
                .setParameter("eventId", event.id()).setParameter("eventAt", event.at())
                .executeUpdate();
    }
}
