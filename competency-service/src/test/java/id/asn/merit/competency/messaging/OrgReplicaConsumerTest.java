package id.asn.merit.competency.messaging;

import id.asn.merit.competency.domain.OrgUnitReplica;
import id.asn.merit.competency.domain.PositionReplica;
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

/** The unit and position replicas kept from asn.org.v1, on the real broker and database. */
@QuarkusTest
class OrgReplicaConsumerTest {
    static final String TOPIC = CompetencyEvents.ORG_TOPIC;
    static final String DLQ = "asn.org.v1.dlq.competency-service";
    static final String UNIT = CompetencyEvents.ORG_UNIT_CHANGED;
    static final String POSITION = CompetencyEvents.ORG_POSITION_CHANGED;

    @Inject
    EntityManager em;
    @Inject
    GapInputsRecorder gapInputs;

    /** unit-changed data as employee-service writes it (OrgUnitEventData). */
    static String unit(String code, String name, String status, long version, String... path) {
        String parent = path.length < 2 ? "null" : "\"" + path[path.length - 2] + "\"";
        return """
                {"code":"%s","name":"%s","parentCode":%s,"path":["%s"],"level":"BIDANG","depth":%d,"status":"%s","version":%d}"""
                .formatted(code, name, parent, String.join("\",\"", path), path.length, status, version);
    }

    /** position-changed data as employee-service writes it (PositionEventData). */
    static String position(String code, String title, String type, String functionalLevel, long version) {
        return """
                {"code":"%s","title":"%s","orgUnitCode":"DPMPTSP","type":"%s","functionalLevel":%s,"grade":8,"minRank":"III/a",
                 "minEducationLevel":"S1","requiredLeadershipTraining":null,"status":"ACTIVE","version":%d}"""
                .formatted(code, title, type, functionalLevel == null ? "null" : "\"" + functionalLevel + "\"", version);
    }

    OrgUnitReplica unit(String code) {
        return OrgUnitReplica.findById(code);
    }

    PositionReplica position(String code) {
        return PositionReplica.findById(code);
    }

    long processed(String eventId) {
        return Broker.processed(em, eventId);
    }

    @Test
    void aUnitIsCreatedMovedAndDeletedInTheReplica() {
        send(TOPIC, "ORG-SEKSI-A", UNIT, unit("ORG-SEKSI-A", "Seksi Perizinan", "ACTIVE", 1, "KOTA-SORONG", "DPMPTSP", "ORG-SEKSI-A"));
        OrgUnitReplica created = await(() -> unit("ORG-SEKSI-A"), u -> u != null);
        assertEquals("KOTA-SORONG/DPMPTSP/ORG-SEKSI-A", created.path);
        assertEquals("DPMPTSP", created.parentCode);
        assertEquals("Seksi Perizinan", created.name);
        assertEquals("BIDANG", created.level);
        assertEquals("ACTIVE", created.status);

        send(TOPIC, "ORG-SEKSI-A", UNIT, unit("ORG-SEKSI-A", "Seksi Perizinan", "ACTIVE", 2, "KOTA-SORONG", "BKPSDM", "ORG-SEKSI-A"));
        OrgUnitReplica moved = await(() -> unit("ORG-SEKSI-A"), u -> u.sourceVersion == 2);
        assertEquals("KOTA-SORONG/BKPSDM/ORG-SEKSI-A", moved.path);
        assertEquals("BKPSDM", moved.parentCode);

        send(TOPIC, "ORG-SEKSI-A", UNIT, unit("ORG-SEKSI-A", "Seksi Perizinan", "DELETED", 3, "KOTA-SORONG", "BKPSDM", "ORG-SEKSI-A"));
        OrgUnitReplica deleted = await(() -> unit("ORG-SEKSI-A"), u -> u.sourceVersion == 3);
        assertEquals("DELETED", deleted.status, "a deleted unit keeps its row, marked DELETED");
        assertEquals("KOTA-SORONG/BKPSDM/ORG-SEKSI-A", deleted.path);
    }

    @Test
    void aPositionIsAppliedAndATypeChangeFiresGapInputsChanged() {
        String code = "ORG-JF-ANALIS";
        send(TOPIC, code, POSITION, position(code, "Analis Kebijakan Ahli Pertama", "FUNGSIONAL", "AHLI_PERTAMA", 1));
        send(TOPIC, code, POSITION, position(code, "Analis Kebijakan (Ahli Pertama)", "FUNGSIONAL", "AHLI_PERTAMA", 2));
        send(TOPIC, code, POSITION, position(code, "Analis Kebijakan Ahli Muda", "FUNGSIONAL", "AHLI_MUDA", 3));
        PositionReplica p = await(() -> position(code), r -> r != null && r.sourceVersion == 3);
        assertEquals("Analis Kebijakan Ahli Muda", p.title);
        assertEquals("FUNGSIONAL", p.type);
        assertEquals("AHLI_MUDA", p.functionalLevel);
        assertEquals("DPMPTSP", p.orgUnitCode);
        assertEquals("ACTIVE", p.status);

        List<GapInputsChanged> fired = gapInputs.about(code);
        assertEquals(2, fired.size(), "one for the new position, one for the level change, none for the new title: " + fired);
        for (GapInputsChanged e : fired) {
            assertEquals(GapInputsChanged.Scope.POSITION, e.scope());
            assertEquals("POSITION", e.cause());
        }
    }

    @Test
    void aUnitAndAPositionWithTheSameCodeKeepTheirOwnVersionOrder() {
        String code = "ORG-SAME-CODE";
        send(TOPIC, code, UNIT, unit(code, "Bidang Sama", "ACTIVE", 7, "KOTA-SORONG", code));
        String positionEvent = send(TOPIC, code, POSITION, position(code, "Kepala Bidang Sama", "ADMINISTRATOR", null, 1));
        assertEquals(1, await(() -> processed(positionEvent), n -> n == 1));

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(7, unit(code).sourceVersion);
            assertEquals(1, position(code).sourceVersion, "version 1 of the position is not 'older' than version 7 of the unit");
            assertEquals("ADMINISTRATOR", position(code).type);
            assertNull(position(code).functionalLevel);
        });
        List<?> keys = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select event_key from consumer_key_version where consumer = :c and event_key like :k order by event_key")
                .setParameter("c", OrgReplicaConsumer.CONSUMER).setParameter("k", "%" + code).getResultList());
        assertEquals(List.of("position:" + code, "unit:" + code), keys);
    }

    @Test
    void anOlderUnitVersionAndARedeliveryChangeNothing() {
        String code = "ORG-ORDER";
        String id = UUID.randomUUID().toString();
        send(TOPIC, code, UNIT, id, unit(code, "Bidang Tiga", "ACTIVE", 3, "KOTA-SORONG", code));
        send(TOPIC, code, UNIT, id, unit(code, "Redelivered", "CLOSED", 9, "KOTA-SORONG", code));
        String older = send(TOPIC, code, UNIT, unit(code, "Bidang Dua", "ACTIVE", 2, "KOTA-SORONG", "DPMPTSP", code));
        assertEquals(1, await(() -> processed(older), n -> n == 1));
        OrgUnitReplica u = QuarkusTransaction.requiringNew().call(() -> unit(code));
        assertEquals("Bidang Tiga", u.name);
        assertEquals("KOTA-SORONG/" + code, u.path);
        assertEquals("ACTIVE", u.status);
        assertEquals(3, u.sourceVersion);
    }

    @Test
    void aMalformedOrgEventGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String code = "ORG-AFTER-POISON";
        String badPath = send(TOPIC, code, UNIT, unit(code, "Path Of Another", "ACTIVE", 1, "KOTA-SORONG", "DPMPTSP"));
        String unknownType = send(TOPIC, code, "asn.org.region-changed.v1", unit(code, "X", "ACTIVE", 1, "KOTA-SORONG", code));
        String badStatus = send(TOPIC, code, POSITION, position(code, "X", "PELAKSANA", null, 1).replace("\"ACTIVE\"", "\"DELETED\""));
        String badPositionType = send(TOPIC, code, POSITION, position(code, "X", "ESELON_II", null, 1));
        String noCode = send(TOPIC, code, POSITION, "{\"title\":\"X\",\"type\":\"PELAKSANA\",\"status\":\"ACTIVE\",\"version\":1}");
        send(TOPIC, code, UNIT, unit(code, "Bidang Sesudah", "ACTIVE", 1, "KOTA-SORONG", code));

        OrgUnitReplica u = await(() -> unit(code), r -> r != null);
        assertNotNull(u, "the good event after the poison ones is applied");
        assertEquals("KOTA-SORONG/" + code, u.path);
        QuarkusTransaction.requiringNew().run(() -> assertNull(position(code)));

        ConsumerRecord<String, String> dead = find(DLQ, badPath);
        assertNotNull(dead, "the unit whose path does not end with it is on " + DLQ);
        assertEquals(code, dead.key());
        assertEquals(UNIT, header(dead, "ce_type"));
        assertEquals(TOPIC, header(dead, "dead-letter-topic"));
        assertEquals("competency-service", header(dead, "dead-letter-consumer"));
        assertTrue(header(dead, "dead-letter-reason").contains("path"));
        assertTrue(header(find(DLQ, unknownType), "dead-letter-reason").contains("asn.org.region-changed.v1"));
        assertTrue(header(find(DLQ, badStatus), "dead-letter-reason").contains("status"));
        assertTrue(header(find(DLQ, badPositionType), "dead-letter-reason").contains("type"));
        assertTrue(header(find(DLQ, noCode), "dead-letter-reason").contains("code"));
    }
}
