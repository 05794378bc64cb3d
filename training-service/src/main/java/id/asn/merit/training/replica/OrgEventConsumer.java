package id.asn.merit.training.replica;

import id.asn.merit.platform.consumer.EventData;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.platform.consumer.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Keeps {@code org_unit_replica} and {@code position_replica} from {@code asn.org.v1} (employee-service's
 * OrgUnitEventData and PositionEventData) through platform's {@link IdempotentConsumer}: the processed-event row and
 * the change commit together, so a redelivered ce_id changes nothing. Unit and position codes share the topic, so the
 * order by {@code version} is kept per {@code unit:CODE} and {@code position:CODE}; an older version is not applied.
 * An event for a unit or position not seen yet creates its row. {@code path} may come as an array of codes (what
 * employee-service sends) or as a string "A/B/C"; it is stored as "A/B/C", what subtree scopes match on. A record it
 * cannot read (not JSON, another type, no valid code, a key other than the code, an unknown type or status, no
 * version) goes to {@code asn.org.v1.dlq.training-service} and consumption goes on.
 */
@ApplicationScoped
public class OrgEventConsumer extends IdempotentConsumer {
    public static final String CONSUMER = "training-service.org-replica";
    public static final String UNIT_CHANGED = "asn.org.unit-changed.v1";
    public static final String POSITION_CHANGED = "asn.org.position-changed.v1";
    private static final Logger LOG = Logger.getLogger(OrgEventConsumer.class);
    private static final Set<String> UNIT_STATUSES = Set.of("ACTIVE", "CLOSED", "DELETED");
    private static final Set<String> POSITION_STATUSES = Set.of("ACTIVE", "CLOSED");
    static final Set<String> POSITION_TYPES = Set.of("JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS",
            "PELAKSANA", "FUNGSIONAL");
    private static final Set<String> FUNCTIONAL_LEVELS = Set.of("AHLI_UTAMA", "AHLI_MADYA", "AHLI_MUDA", "AHLI_PERTAMA",
            "PENYELIA", "MAHIR", "TERAMPIL", "PEMULA");
    static final Set<String> LEADERSHIP_TRAININGS = Set.of("PKP", "PKA", "PKN_II", "PKN_I");

    @Inject
    ObjectMapper json;

    public OrgEventConsumer() {
        super(CONSUMER, "training-service");
    }

    @Incoming("org-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        handle(record);
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) throws IOException {
        String type = EventData.type(record);
        switch (type) {
            case UNIT_CHANGED -> unitChanged(record, EventData.of(json, record));
            case POSITION_CHANGED -> positionChanged(record, EventData.of(json, record));
            default -> throw new IllegalArgumentException("ce_type " + type + " is not an asn.org event");
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
        OrgUnitReplica unit = OrgUnitReplica.findById(code);
        if (unit == null) {
            unit = new OrgUnitReplica();
            unit.code = code;
        }
        if (path == null) {
            // no path in the event: below the parent when the parent is known, else the unit alone
            OrgUnitReplica parent = parentCode == null ? null : OrgUnitReplica.findById(parentCode);
            path = parent != null && parent.path != null ? parent.path + "/" + code : code;
        }
        unit.name = data.text("name");
        unit.parentCode = parentCode;
        unit.path = path;
        unit.level = data.text("level");
        unit.status = status;
        unit.lastEventId = EventData.eventId(record);
        unit.updatedAt = OffsetDateTime.now();
        unit.persist();
    }

    private void positionChanged(ConsumerRecord<String, String> record, EventData data) {
        String code = data.required("code", EventData.CODE);
        EventData.requireKey(record, code, "code");
        long version = data.version();
        String orgUnitCode = data.optional("orgUnitCode", EventData.CODE);
        String positionType = data.oneOf("type", POSITION_TYPES, true);
        String functionalLevel = data.oneOf("functionalLevel", FUNCTIONAL_LEVELS, false);
        String leadership = data.oneOf("requiredLeadershipTraining", LEADERSHIP_TRAININGS, false);
        String status = data.oneOf("status", POSITION_STATUSES, true);
        Integer grade = data.integer("grade");
        if (!isCurrent("position:" + code, version)) {
            LOG.infof("position %s: version %d is older than the one applied: not applied", code, version);
            return;
        }
        PositionReplica position = PositionReplica.findById(code);
        if (position == null) {
            position = new PositionReplica();
            position.code = code;
        }
        position.title = data.text("title");
        position.orgUnitCode = orgUnitCode;
        position.type = positionType;
        position.functionalLevel = functionalLevel;
        position.grade = grade == null || grade == 0 ? null : grade;
        position.minRank = data.text("minRank");
        position.minEducationLevel = data.text("minEducationLevel");
        position.requiredLeadershipTraining = leadership;
        position.status = status;
        position.lastEventId = EventData.eventId(record);
        position.updatedAt = OffsetDateTime.now();
        position.persist();
    }
}
