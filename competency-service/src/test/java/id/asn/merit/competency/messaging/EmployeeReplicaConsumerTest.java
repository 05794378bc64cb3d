package id.asn.merit.competency.messaging;

import id.asn.merit.competency.domain.EmployeeReplica;
import id.asn.merit.competency.service.GapInputsChanged;
import id.asn.merit.competency.testing.Broker;
import id.asn.merit.competency.testing.GapInputsRecorder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static id.asn.merit.competency.testing.Broker.await;
import static id.asn.merit.competency.testing.Broker.find;
import static id.asn.merit.competency.testing.Broker.header;
import static id.asn.merit.competency.testing.Broker.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The employee replica kept from asn.employee.v1, on the real broker and database. */
@QuarkusTest
class EmployeeReplicaConsumerTest {
    static final String TOPIC = CompetencyEvents.EMPLOYEE_TOPIC;
    static final String DLQ = "asn.employee.v1.dlq.competency-service";
    static final String REGISTERED = "asn.employee.registered.v1";
    static final String UPDATED = "asn.employee.updated.v1";
    static final String PLACED = "asn.employee.placed.v1";

    @Inject
    EntityManager em;
    @Inject
    GapInputsRecorder gapInputs;

    /** An employee event's data as employee-service writes it (EmployeeEventData): the whole state. */
    static String employee(String nip, String name, String positionCode, String positionType, String status, long version, String... path) {
        String pathJson = path.length == 0 ? "[]" : "[\"" + String.join("\",\"", path) + "\"]";
        String unit = path.length == 0 ? null : path[path.length - 1];
        return """
                {"nip":"%s","name":"%s","employmentType":"PNS","rank":"III/a","positionCode":"%s","positionType":"%s",
                 "orgUnitCode":%s,"orgUnitPath":%s,"status":"%s","version":%d}"""
                .formatted(nip, name, positionCode, positionType, unit == null ? "null" : "\"" + unit + "\"", pathJson, status, version);
    }

    EmployeeReplica replica(String nip) {
        return EmployeeReplica.findById(nip);
    }

    long processed(String eventId) {
        return Broker.processed(em, eventId);
    }

    /** Sends a later event on the same key (same partition, so consumed after everything before it) and waits for it. */
    void drain(String nip) {
        String marker = send(TOPIC, nip, UPDATED, "{\"nip\":\"" + nip + "\",\"version\":0}");
        assertEquals(1, await(() -> processed(marker), n -> n == 1), "the marker event was consumed");
    }

    @Test
    void aPlacementMovesTheReplicaToTheNewPositionUnitAndPath() {
        String nip = "199002142015032101";
        send(TOPIC, nip, REGISTERED, employee(nip, "Fransina Wanma", "DPMPTSP-PELAKSANA", "PELAKSANA", "ACTIVE", 1,
                "KOTA-SORONG", "DPMPTSP", "DPMPTSP-SEKRE"));
        send(TOPIC, nip, PLACED, employee(nip, "Fransina Wanma", "DPMPTSP-KASI-IZIN", "PENGAWAS", "ACTIVE", 2,
                "KOTA-SORONG", "DPMPTSP", "DPMPTSP-PERIZINAN", "DPMPTSP-SEKSI-IZIN"));

        EmployeeReplica r = await(() -> replica(nip), e -> e != null && e.sourceVersion == 2);
        assertEquals("DPMPTSP-KASI-IZIN", r.positionCode);
        assertEquals("PENGAWAS", r.positionType);
        assertEquals("DPMPTSP-SEKSI-IZIN", r.orgUnitCode);
        assertEquals("KOTA-SORONG/DPMPTSP/DPMPTSP-PERIZINAN/DPMPTSP-SEKSI-IZIN", r.orgUnitPath);
        assertEquals("Fransina Wanma", r.name);
        assertEquals("PNS", r.employmentType);
        assertEquals("ACTIVE", r.status);
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        String nip = "199002142015032102";
        String id = UUID.randomUUID().toString();
        send(TOPIC, nip, REGISTERED, id, employee(nip, "Yohanes Kambu", "DINKES-ANALIS", "PELAKSANA", "ACTIVE", 1, "KOTA-SORONG", "DINKES"));
        // a redelivery (same ce_id) with another body, even a newer version, must change nothing
        send(TOPIC, nip, REGISTERED, id, employee(nip, "Changed By Redelivery", "DINKES-KABID", "ADMINISTRATOR", "ACTIVE", 5, "KOTA-SORONG"));
        drain(nip);

        EmployeeReplica r = QuarkusTransaction.requiringNew().call(() -> replica(nip));
        assertEquals("Yohanes Kambu", r.name);
        assertEquals("DINKES-ANALIS", r.positionCode);
        assertEquals("KOTA-SORONG/DINKES", r.orgUnitPath);
        assertEquals(1, r.sourceVersion);
        assertEquals(1, processed(id));
    }

    @Test
    void anOlderVersionArrivingLateDoesNotUndoTheNewer() {
        String nip = "199002142015032103";
        send(TOPIC, nip, PLACED, employee(nip, "Petrus Mambrasar", "BKPSDM-KABID", "ADMINISTRATOR", "ACTIVE", 3, "KOTA-SORONG", "BKPSDM"));
        String older = send(TOPIC, nip, UPDATED, employee(nip, "Petrus (old)", "BKPSDM-STAF", "PELAKSANA", "ACTIVE", 2,
                "KOTA-SORONG", "BKPSDM", "BKPSDM-SEKRE"));
        assertEquals(1, await(() -> processed(older), n -> n == 1), "the older event counts as processed");

        EmployeeReplica r = QuarkusTransaction.requiringNew().call(() -> replica(nip));
        assertEquals(3, r.sourceVersion);
        assertEquals("Petrus Mambrasar", r.name);
        assertEquals("BKPSDM-KABID", r.positionCode);
        assertEquals("KOTA-SORONG/BKPSDM", r.orgUnitPath);
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String nip = "199002142015032104";
        String notJson = send(TOPIC, nip, UPDATED, "{not json");
        String wrongType = send(TOPIC, nip, "asn.org.unit-changed.v1", employee(nip, "X", "P", "PELAKSANA", "ACTIVE", 1, "KOTA-SORONG"));
        String badNip = send(TOPIC, "12345", UPDATED, employee("12345", "X", "P", "PELAKSANA", "ACTIVE", 1, "KOTA-SORONG"));
        String otherKey = send(TOPIC, "199002142015032199", UPDATED, employee(nip, "X", "P", "PELAKSANA", "ACTIVE", 1, "KOTA-SORONG"));
        send(TOPIC, nip, REGISTERED, employee(nip, "Maria Rumbiak", "DISDIK-GURU", "FUNGSIONAL", "ACTIVE", 1, "KOTA-SORONG", "DISDIK"));

        EmployeeReplica r = await(() -> replica(nip), e -> e != null);
        assertNotNull(r, "the good event after the poison ones is applied");
        assertEquals("Maria Rumbiak", r.name);
        assertEquals("KOTA-SORONG/DISDIK", r.orgUnitPath);

        ConsumerRecord<String, String> dead = find(DLQ, notJson);
        assertNotNull(dead, "the record that is not JSON is on " + DLQ);
        assertEquals("{not json", dead.value(), "the record is kept unchanged");
        assertEquals(nip, dead.key());
        assertEquals(UPDATED, header(dead, "ce_type"), "the original headers are kept");
        assertEquals(TOPIC, header(dead, "dead-letter-topic"));
        assertEquals("competency-service", header(dead, "dead-letter-consumer"));
        assertNotNull(header(dead, "dead-letter-offset"));
        assertNotNull(header(dead, "dead-letter-exception-class-name"));
        assertTrue(header(dead, "dead-letter-reason").length() > 0);

        assertTrue(header(find(DLQ, wrongType), "dead-letter-reason").contains("asn.org.unit-changed.v1"));
        assertTrue(header(find(DLQ, badNip), "dead-letter-reason").contains("nip"));
        assertTrue(header(find(DLQ, otherKey), "dead-letter-reason").contains("differs"));
        assertEquals(0, processed(notJson), "nothing of a dead-lettered record stays");
        QuarkusTransaction.requiringNew().run(() -> assertNull(replica("12345")));
    }

    @Test
    void aNewEmployeeAndAPlacementFireGapInputsChangedButANameChangeDoesNot() {
        String nip = "199002142015032105";
        send(TOPIC, nip, REGISTERED, employee(nip, "Agustina Yoku", "DINSOS-STAF", "PELAKSANA", "ACTIVE", 1, "KOTA-SORONG", "DINSOS"));
        send(TOPIC, nip, UPDATED, employee(nip, "Agustina Yoku, S.E.", "DINSOS-STAF", "PELAKSANA", "ACTIVE", 2, "KOTA-SORONG", "DINSOS"));
        send(TOPIC, nip, PLACED, employee(nip, "Agustina Yoku, S.E.", "DINSOS-KASI", "PENGAWAS", "ACTIVE", 3, "KOTA-SORONG", "DINSOS"));
        await(() -> replica(nip), e -> e != null && e.sourceVersion == 3);

        List<GapInputsChanged> fired = gapInputs.about(nip);
        assertEquals(2, fired.size(), "one for the new row, one for the placement, none for the rename: " + fired);
        for (GapInputsChanged e : fired) {
            assertEquals(GapInputsChanged.Scope.NIPS, e.scope());
            assertEquals(List.of(nip), e.key());
            assertEquals("PLACEMENT", e.cause());
        }
    }

    @Test
    void retirementChangesTheStatusAndFiresGapInputsChanged() {
        String nip = "199002142015032106";
        send(TOPIC, nip, REGISTERED, employee(nip, "Daud Ayomi", "DISHUB-STAF", "PELAKSANA", "ACTIVE", 1, "KOTA-SORONG", "DISHUB"));
        send(TOPIC, nip, "asn.employee.retired.v1", employee(nip, "Daud Ayomi", "DISHUB-STAF", "PELAKSANA", "RETIRED", 2, "KOTA-SORONG", "DISHUB"));
        EmployeeReplica r = await(() -> replica(nip), e -> e != null && e.sourceVersion == 2);
        assertEquals("RETIRED", r.status);
        assertEquals(2, gapInputs.about(nip).size());
    }
}
