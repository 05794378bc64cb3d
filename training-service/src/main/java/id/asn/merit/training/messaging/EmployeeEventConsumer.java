package id.asn.merit.training.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.platform.consumer.IdempotentConsumer;
import id.asn.merit.platform.outbox.CloudEventHeaders;
import id.asn.merit.training.domain.EmployeeReplica;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code employee_replica} from {@code asn.employee.v1}, through platform's {@link IdempotentConsumer}: the
 * processed-event row (keyed by ce_id) and the replica change commit in one transaction, so a redelivered event
 * changes nothing. Events are applied in order per NIP (the partition key); an older version than the one applied is
 * recorded as processed but not applied. A record that cannot be processed goes to
 * {@code asn.employee.v1.dlq.training-service} with the reason in its headers, and consumption goes on.
 */
@ApplicationScoped
public class EmployeeEventConsumer extends IdempotentConsumer {
    public static final String CONSUMER = "training-service.employee-replica";
    private static final Logger LOG = Logger.getLogger(EmployeeEventConsumer.class);

    @Inject
    ObjectMapper json;

    public EmployeeEventConsumer() {
        super(CONSUMER, "training-service");
    }

    @Incoming("employee-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        handle(record);
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) throws IOException {
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        if (type == null || !type.startsWith("asn.employee.")) {
            throw new IllegalArgumentException("ce_type " + type + " is not an asn.employee event");
        }
        JsonNode data = json.readTree(record.value());
        String nip = text(data, "nip");
        if (nip == null || !nip.matches("\\d{18}")) {
            throw new IllegalArgumentException("event data has no valid nip");
        }
        if (record.key() != null && !record.key().equals(nip)) {
            throw new IllegalArgumentException("record key " + record.key() + " differs from data.nip " + nip);
        }
        long version = data.path("version").asLong(0);
        if (!isCurrent(nip, version)) {
            LOG.infof("event %s for %s has version %d, older than the one applied: not applied", type, nip, version);
            return;
        }
        EmployeeReplica replica = EmployeeReplica.findById(nip);
        if (replica == null) {
            replica = new EmployeeReplica();
            replica.nip = nip;
        } else if (version < replica.sourceVersion) {
            // a replica row written before platform's consumer_key_version recorded versions
            LOG.infof("event %s for %s has version %d, replica already at %d: not applied", type, nip, version, replica.sourceVersion);
            return;
        }
        // every asn.employee.* event carries the whole replica state, so any type (even one that arrives before
        // "registered") can create or complete the row
        replica.name = text(data, "name");
        replica.gender = text(data, "gender");
        String birthDate = text(data, "birthDate");
        replica.birthDate = birthDate == null ? null : LocalDate.parse(birthDate);
        replica.employmentType = text(data, "employmentType");
        replica.rank = text(data, "rank");
        replica.positionCode = text(data, "positionCode");
        replica.positionType = text(data, "positionType");
        replica.orgUnitCode = text(data, "orgUnitCode");
        List<String> path = new ArrayList<>();
        data.path("orgUnitPath").forEach(n -> path.add(n.asText()));
        replica.orgUnitPath = path.isEmpty() ? replica.orgUnitCode : String.join("/", path);
        replica.status = text(data, "status");
        replica.sourceVersion = version;
        replica.lastEventId = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID);
        replica.lastEventType = type;
        replica.updatedAt = OffsetDateTime.now();
        replica.persist();
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
