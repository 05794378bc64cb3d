package id.asn.merit.competency.messaging;

import id.asn.merit.platform.consumer.EventData;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.competency.domain.EmployeeReplica;
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
 * Keeps {@code employee_replica} from {@code asn.employee.v1} through platform's {@link IdempotentConsumer}: the
 * processed-event row (by ce_id) and the replica change commit in one transaction, so a redelivery changes nothing;
 * per NIP an older version than the one applied is recorded as processed and not applied. Every
 * {@code asn.employee.*} event carries the employee's whole state, so any of them (even one arriving before
 * "registered") creates or completes the row. A record it cannot read (not JSON, not an employee event, no valid
 * NIP, key other than the NIP, no version) goes to {@code asn.employee.v1.dlq.competency-service}.
 *
 * <p>A new row, or a changed position or status, can move the person's gap: {@link GapInputsChanged} is fired for
 * the NIP (cause PLACEMENT) inside the same transaction.
 */
@ApplicationScoped
public class EmployeeReplicaConsumer extends IdempotentConsumer {
    public static final String CONSUMER = "competency-service.employee-replica";
    public static final String DEAD_LETTER_NAME = "competency-service";
    private static final Set<String> POSITION_TYPES = EventData.names(PositionType.class);
    private static final Logger LOG = Logger.getLogger(EmployeeReplicaConsumer.class);

    @Inject
    ObjectMapper json;
    @Inject
    Event<GapInputsChanged> gapInputs;

    public EmployeeReplicaConsumer() {
        super(CONSUMER, DEAD_LETTER_NAME);
    }

    @Incoming("employee-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        handle(record);
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) throws IOException {
        String type = EventData.type(record);
        if (!type.startsWith(CompetencyEvents.EMPLOYEE_TYPE_PREFIX)) {
            throw new IllegalArgumentException("ce_type " + type + " is not an asn.employee event");
        }
        EventData data = EventData.of(json, record);
        String nip = data.required("nip", EventData.NIP);
        EventData.requireKey(record, nip, "nip");
        long version = data.version();
        String positionCode = data.optional("positionCode", EventData.UNIT_CODE);
        String orgUnitCode = data.optional("orgUnitCode", EventData.UNIT_CODE);
        String positionType = data.oneOf("positionType", POSITION_TYPES, false);
        List<String> path = data.codes("orgUnitPath");
        if (!isCurrent(nip, version)) {
            LOG.infof("%s for %s has version %d, older than the one applied: not applied", type, nip, version);
            return;
        }
        EmployeeReplica replica = EmployeeReplica.findById(nip);
        boolean created = replica == null;
        if (created) {
            replica = new EmployeeReplica();
            replica.nip = nip;
        } else if (version < replica.sourceVersion) {
            // a row written before consumer_key_version knew this NIP (a fixture, a restored database)
            LOG.infof("%s for %s has version %d, replica already at %d: not applied", type, nip, version, replica.sourceVersion);
            return;
        }
        String previousPosition = replica.positionCode;
        String previousStatus = replica.status;
        replica.name = data.text("name");
        replica.employmentType = data.text("employmentType");
        replica.positionCode = positionCode;
        replica.positionType = positionType;
        replica.orgUnitCode = orgUnitCode;
        replica.orgUnitPath = path.isEmpty() ? orgUnitCode : String.join("/", path);
        replica.status = data.text("status");
        replica.sourceVersion = version;
        replica.updatedAt = OffsetDateTime.now();
        if (created || !Objects.equals(previousPosition, replica.positionCode) || !Objects.equals(previousStatus, replica.status)) {
            // flushed first, so an observer that reads the replica with SQL sees the new row
            replica.persistAndFlush();
            gapInputs.fire(GapInputsChanged.forNips(List.of(nip), "PLACEMENT"));
        } else {
            replica.persist();
        }
    }
}
