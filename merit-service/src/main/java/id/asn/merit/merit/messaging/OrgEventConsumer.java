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
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps {@code org_unit_replica} and {@code position_replica} from {@code asn.org.v1} through platform's
 * {@link IdempotentConsumer} (idempotent by ce_id; a record it cannot read to {@code asn.org.v1.dlq.merit-service}).
 * Unit and position codes share the topic, so the {@code version} order is kept per {@code unit:CODE} and
 * {@code position:CODE}; an older version is not applied. A new position, or one whose type or minimum education
 * changed, recomputes the profiles of its holders (the qualification part of potential reads both).
 */
@ApplicationScoped
public class OrgEventConsumer extends IdempotentConsumer {
    public static final String CONSUMER = "merit-service.org";
    public static final String UNIT_CHANGED = "asn.org.unit-changed.v1";
    public static final String POSITION_CHANGED = "asn.org.position-changed.v1";
    private static final Logger LOG = Logger.getLogger(OrgEventConsumer.class);
    private static final Set<String> UNIT_STATUSES = Set.of("ACTIVE", "CLOSED", "DELETED");
    private static final Set<String> POSITION_STATUSES = Set.of("ACTIVE", "CLOSED");
    private static final Set<String> FUNCTIONAL_LEVELS = Set.of("AHLI_UTAMA", "AHLI_MADYA", "AHLI_MUDA", "AHLI_PERTAMA",
            "PENYELIA", "MAHIR", "TERAMPIL", "PEMULA");
    static final Set<String> LEADERSHIP_TRAININGS = Set.of("PKP", "PKA", "PKN_II", "PKN_I");

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    MeritProfiles profiles;

    public OrgEventConsumer() {
        super(CONSUMER, MeritConsumers.DEAD_LETTER_NAME);
    }

    @Incoming("org-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        handle(record);
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) throws IOException {
        ConsumedEvent event = ConsumedEvent.of(record);
        switch (event.type()) {
            case UNIT_CHANGED -> unitChanged(record, EventData.of(json, record));
            case POSITION_CHANGED -> positionChanged(record, EventData.of(json, record), event);
            default -> throw new IllegalArgumentException("ce_type " + event.type() + " is not an asn.org event");
        }
    }

    private void unitChanged(ConsumerRecord<String, String> record, EventData data) {
        String code = data.required("code", EventData.CODE);
        EventData.requireKey(record, code, "code");
        long version = data.version();
        String parentCode = data.optional("parentCode", EventData.CODE);
        String path = data.path("path");
        if (path != null && !(path.equals(code) || path.endsWith("/" + code))) {
            throw new IllegalArgumentException("data.path must be the unit codes root first, ending with " + code + ": " + path);
        }
        String status = data.oneOf("status", UNIT_STATUSES, true);
        if (!isCurrent("unit:" + code, version)) {
            LOG.infof("unit %s: version %d is older than the one applied: not applied", code, version);
            return;
        }
        em.createNativeQuery("""
                insert into org_unit_replica (code, name, parent_code, path, level, status, source_version, updated_at)
                values (:code, :name, :parent, :path, :level, :status, :version, now())
                on conflict (code) do update set name = excluded.name, parent_code = excluded.parent_code,
                    path = excluded.path, level = excluded.level, status = excluded.status,
                    source_version = excluded.source_version, updated_at = now()""")
                .setParameter("code", code).setParameter("name", data.text("name")).setParameter("parent", parentCode)
                .setParameter("path", path != null ? path : code).setParameter("level", data.text("level"))
                .setParameter("status", status).setParameter("version", version)
                .executeUpdate();
    }

    private void positionChanged(ConsumerRecord<String, String> record, EventData data, ConsumedEvent event) {
        String code = data.required("code", EventData.CODE);
        EventData.requireKey(record, code, "code");
        long version = data.version();
        String orgUnitCode = data.optional("orgUnitCode", EventData.CODE);
        String type = data.oneOf("type", EmployeeEventConsumer.POSITION_TYPES, true);
        String functionalLevel = data.oneOf("functionalLevel", FUNCTIONAL_LEVELS, false);
        String minEducation = data.oneOf("minEducationLevel", EmployeeEventConsumer.EDUCATION_LEVELS, false);
        String leadership = data.oneOf("requiredLeadershipTraining", LEADERSHIP_TRAININGS, false);
        String status = data.oneOf("status", POSITION_STATUSES, true);
        Integer grade = data.integer("grade");
        String minRank = data.text("minRank");
        if (!isCurrent("position:" + code, version)) {
            LOG.infof("position %s: version %d is older than the one applied: not applied", code, version);
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> before = em.createNativeQuery("select type, min_education_level from position_replica where code = :code")
                .setParameter("code", code).getResultList();
        em.createNativeQuery("""
                insert into position_replica (code, title, org_unit_code, type, functional_level, grade, min_rank,
                    min_education_level, required_leadership_training, status, source_version, last_event_id, last_event_at, updated_at)
                values (:code, :title, :unit, :type, :functional, :grade, :minRank, :minEducation, :leadership, :status,
                    :version, :eventId, :eventAt, now())
                on conflict (code) do update set title = excluded.title, org_unit_code = excluded.org_unit_code,
                    type = excluded.type, functional_level = excluded.functional_level, grade = excluded.grade,
                    min_rank = excluded.min_rank, min_education_level = excluded.min_education_level,
                    required_leadership_training = excluded.required_leadership_training, status = excluded.status,
                    source_version = excluded.source_version, last_event_id = excluded.last_event_id,
                    last_event_at = excluded.last_event_at, updated_at = now()""")
                .setParameter("code", code).setParameter("title", data.text("title")).setParameter("unit", orgUnitCode)
                .setParameter("type", type).setParameter("functional", functionalLevel)
                .setParameter("grade", grade == null || grade == 0 ? null : grade).setParameter("minRank", minRank)
                .setParameter("minEducation", minEducation).setParameter("leadership", leadership)
                .setParameter("status", status).setParameter("version", version).setParameter("eventId", event.id())
                .setParameter("eventAt", event.at())
                .executeUpdate();
        boolean scoringInputChanged = before.isEmpty() || !Objects.equals(before.get(0)[0], type)
                || !Objects.equals(before.get(0)[1], minEducation);
        if (scoringInputChanged) {
            profiles.recomputeHoldersOf(code, event.cause());
        }
    }
}
