package id.asn.merit.competency.messaging;

import id.asn.merit.platform.consumer.EventData;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.competency.domain.FunctionalLevel;
import id.asn.merit.competency.domain.OrgUnitReplica;
import id.asn.merit.competency.domain.PositionReplica;
import id.asn.merit.competency.domain.PositionType;
import id.asn.merit.competency.service.GapInputsChanged;
import id.asn.merit.platform.consumer.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps {@code org_unit_replica} and {@code position_replica} from {@code asn.org.v1} through platform's
 * {@link IdempotentConsumer} (one transaction for the processed-event row and the change; a redelivery changes
 * nothing). Unit and position codes share the topic, so the per-key version order is kept under {@code unit:CODE}
 * and {@code position:CODE}. An event for a unit or position not seen yet creates the row. A DELETED unit keeps its
 * row with status DELETED (see {@link OrgUnitReplica}). A record it cannot read (not JSON, another type, no valid
 * code, position type or status, key other than the code, a path that does not end with the unit, no version) goes to
 * {@code asn.org.v1.dlq.competency-service}.
 *
 * <p>A new position, or one whose type or functional level changed, can change which default template applies to
 * its holders: {@link GapInputsChanged} is fired for the position (cause POSITION) inside the same transaction.
 */
@ApplicationScoped
public class OrgReplicaConsumer extends IdempotentConsumer {
    public static final String CONSUMER = "competency-service.org-replica";
    private static final Logger LOG = Logger.getLogger(OrgReplicaConsumer.class);
    private static final Set<String> UNIT_STATUSES = Set.of("ACTIVE", "CLOSED", "DELETED");
    private static final Set<String> POSITION_STATUSES = Set.of("ACTIVE", "CLOSED");
    private static final Set<String> POSITION_TYPES = EventData.names(PositionType.class);
    private static final Set<String> FUNCTIONAL_LEVELS = EventData.names(FunctionalLevel.class);

    @Inject
    ObjectMapper json;
    @Inject
    Event<GapInputsChanged> gapInputs;

    public OrgReplicaConsumer() {
        super(CONSUMER, EmployeeReplicaConsumer.DEAD_LETTER_NAME);
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
            case CompetencyEvents.ORG_UNIT_CHANGED -> unitChanged(record, EventData.of(json, record));
            case CompetencyEvents.ORG_POSITION_CHANGED -> positionChanged(record, EventData.of(json, record));
            default -> throw new IllegalArgumentException("ce_type " + type + " is not an asn.org event");
        }
    }

    private void unitChanged(ConsumerRecord<String, String> record, EventData data) {
        String code = data.required("code", EventData.UNIT_CODE);
        EventData.requireKey(record, code, "code");
        long version = data.version();
        String parentCode = data.optional("parentCode", EventData.UNIT_CODE);
        List<String> path = data.codes("path");
        if (path.isEmpty() || !path.get(path.size() - 1).equals(code)) {
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
        } else if (version < unit.sourceVersion) {
            LOG.infof("unit %s: version %d, replica already at %d: not applied", code, version, unit.sourceVersion);
            return;
        }
        unit.name = data.text("name");
        unit.parentCode = parentCode;
        unit.path = String.join("/", path);
        unit.level = data.text("level");
        unit.status = status;
        unit.sourceVersion = version;
        unit.updatedAt = OffsetDateTime.now();
        unit.persist();
        // the people of a moved unit arrive as asn.employee.updated.v1 with their new path (employee-service re-publishes them)
    }

    private void positionChanged(ConsumerRecord<String, String> record, EventData data) {
        String code = data.required("code", EventData.UNIT_CODE);
        EventData.requireKey(record, code, "code");
        long version = data.version();
        String orgUnitCode = data.optional("orgUnitCode", EventData.UNIT_CODE);
        String positionType = data.oneOf("type", POSITION_TYPES, true);
        String functionalLevel = data.oneOf("functionalLevel", FUNCTIONAL_LEVELS, false);
        String status = data.oneOf("status", POSITION_STATUSES, true);
        if (!isCurrent("position:" + code, version)) {
            LOG.infof("position %s: version %d is older than the one applied: not applied", code, version);
            return;
        }
        PositionReplica position = PositionReplica.findById(code);
        boolean created = position == null;
        if (created) {
            position = new PositionReplica();
            position.code = code;
        } else if (version < position.sourceVersion) {
            LOG.infof("position %s: version %d, replica already at %d: not applied", code, version, position.sourceVersion);
            return;
        }
        String previousType = position.type;
        String previousLevel = position.functionalLevel;
        position.title = data.text("title");
        position.orgUnitCode = orgUnitCode;
        position.type = positionType;
        position.functionalLevel = functionalLevel;
        position.status = status;
        position.sourceVersion = version;
        position.updatedAt = OffsetDateTime.now();
        if (created || !Objects.equals(previousType, position.type) || !Objects.equals(previousLevel, position.functionalLevel)) {
            position.persistAndFlush();
            gapInputs.fire(GapInputsChanged.forPosition(code, "POSITION"));
        } else {
            position.persist();
        }
    }
}
