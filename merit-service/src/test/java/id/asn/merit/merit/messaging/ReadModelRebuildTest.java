package id.asn.merit.merit.messaging;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static id.asn.merit.merit.messaging.ReadModelEvents.COMPETENCY;
import static id.asn.merit.merit.messaging.ReadModelEvents.EMPLOYEE;
import static id.asn.merit.merit.messaging.ReadModelEvents.ORG;
import static id.asn.merit.merit.messaging.ReadModelEvents.T0;
import static id.asn.merit.merit.messaging.ReadModelEvents.TRAINING;
import static id.asn.merit.merit.messaging.ReadModelEvents.awaitProcessed;
import static id.asn.merit.merit.messaging.ReadModelEvents.position;
import static id.asn.merit.merit.messaging.ReadModelEvents.profiles;
import static id.asn.merit.merit.messaging.ReadModelEvents.readModel;
import static id.asn.merit.merit.messaging.ReadModelEvents.send;
import static id.asn.merit.merit.messaging.ReadModelEvents.standard;
import static id.asn.merit.merit.messaging.ReadModelEvents.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read model can be rebuilt from the topics alone (docs/architecture.md, "merit-service read model"): the rows
 * and the merit profiles of a few people are wiped with the consumers' processed-event and key-version rows, the same
 * records are read again from the earliest offset by a fresh consumer group (what a consumer-group reset does) and
 * handed to the consumers, and every row and profile comes back as it was.
 */
@QuarkusTest
class ReadModelRebuildTest {
    static final String ROOT = "RMR-ROOT";
    static final String BIDANG = "RMR-BID";
    static final String POSITION = "RMR-KASI";

    @Inject
    EntityManager em;
    @Inject
    EmployeeEventConsumer employees;
    @Inject
    OrgEventConsumer org;
    @Inject
    CompetencyEventConsumer competency;
    @Inject
    TrainingEventConsumer training;

    @Test
    void aRebuildFromTheTopicsGivesTheSameRowsAndProfiles() {
        // given: an org, a position with its standard, and three people with a year of events each
        List<String> ids = new ArrayList<>();
        ids.add(send(ORG, ROOT, "asn.org.unit-changed.v1", T0, unit(ROOT, null, ROOT, 0)).id());
        ids.add(send(ORG, BIDANG, "asn.org.unit-changed.v1", T0, unit(BIDANG, ROOT, ROOT + "/" + BIDANG, 0)).id());
        ids.add(send(ORG, POSITION, "asn.org.position-changed.v1", T0, position(POSITION, BIDANG, "PENGAWAS", "S1", "PKP", 0)).id());
        ids.add(send(ORG, POSITION, "asn.org.position-changed.v1", T0.plusSeconds(1), position(POSITION, BIDANG, "PENGAWAS", "S2", "PKP", 1)).id());
        ids.add(send(COMPETENCY, POSITION, "asn.competency.standard-published.v1", T0, standard(POSITION, 1, "2026-01-01")).id());
        List<ReadModelScenario> people = List.of(new ReadModelScenario(POSITION, ROOT + "/" + BIDANG),
                new ReadModelScenario(POSITION, ROOT + "/" + BIDANG), new ReadModelScenario(POSITION, ROOT + "/" + BIDANG));
        for (ReadModelScenario person : people) {
            person.send(person.steps);
            ids.addAll(person.ids());
        }
        // a redelivery on the topic: the rebuild skips it as the live consumer did
        ReadModelScenario.Step first = people.get(0).steps.get(0);
        send(first.topic(), people.get(0).nip, first.type(), first.id(), first.time(), first.value());
        awaitProcessed(em, ids);

        List<String> nips = people.stream().map(p -> p.nip).toList();
        List<String> units = List.of(ROOT, BIDANG);
        List<String> positions = List.of(POSITION);
        Map<String, List<List<Object>>> before = readModel(em, nips, units, positions);
        List<List<Object>> profilesBefore = profiles(em, nips);
        assertEquals(3, before.get("employee_replica").size());
        assertEquals(6, before.get("skp_rating").size());
        assertEquals(3, before.get("jp_year").size());

        // when: the read model of these people is wiped and the topics replayed from the earliest offset
        wipe(nips, units, positions, ids, people);
        assertTrue(readModel(em, nips, units, positions).values().stream().allMatch(List::isEmpty), "wiped");
        List<ConsumerRecord<String, String>> records = readBack(Set.copyOf(ids));
        for (ConsumerRecord<String, String> record : records) {
            assertTrue(consumerOf(record.topic()).handle(record), "replayed " + record.topic() + "@" + record.offset());
        }

        // then: the same rows, and the same profiles
        assertEquals(before, readModel(em, nips, units, positions));
        assertEquals(profilesBefore, profiles(em, nips));
    }

    private IdempotentConsumerRef consumerOf(String topic) {
        return switch (topic) {
            case EMPLOYEE -> employees::handle;
            case ORG -> org::handle;
            case COMPETENCY -> competency::handle;
            case TRAINING -> training::handle;
            default -> throw new AssertionError(topic);
        };
    }

    interface IdempotentConsumerRef {
        boolean handle(ConsumerRecord<String, String> record);
    }

    private void wipe(List<String> nips, List<String> units, List<String> positions, List<String> ids,
                      List<ReadModelScenario> people) {
        List<String> keys = new ArrayList<>(nips);
        units.forEach(u -> keys.add("unit:" + u));
        positions.forEach(p -> keys.add("position:" + p));
        people.forEach(p -> keys.add("record:" + p.recordId));
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("employee_replica", "skp_rating", "discipline_record", "competency_match",
                    "assessment_replica", "training_record_replica", "jp_year", "merit_profile", "merit_profile_history")) {
                em.createNativeQuery("delete from " + table + " where nip in (:nips)").setParameter("nips", nips).executeUpdate();
            }
            em.createNativeQuery("delete from org_unit_replica where code in (:c)").setParameter("c", units).executeUpdate();
            em.createNativeQuery("delete from position_replica where code in (:c)").setParameter("c", positions).executeUpdate();
            em.createNativeQuery("delete from position_standard where position_code in (:c)").setParameter("c", positions).executeUpdate();
            em.createNativeQuery("delete from processed_event where consumer in (:consumers) and event_id in (:ids)")
                    .setParameter("consumers", MeritConsumers.ALL).setParameter("ids", ids).executeUpdate();
            em.createNativeQuery("delete from consumer_key_version where consumer in (:consumers) and event_key in (:keys)")
                    .setParameter("consumers", MeritConsumers.ALL).setParameter("keys", keys).executeUpdate();
        });
    }

    /** The records of ids, read again from the earliest offset by a group of its own, in the order they were written. */
    private List<ConsumerRecord<String, String>> readBack(Set<String> ids) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "merit-service-rebuild-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(EMPLOYEE, ORG, COMPETENCY, TRAINING));
            Set<String> seen = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (seen.size() < ids.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    var h = r.headers().lastHeader("ce_id");
                    String id = h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
                    if (id != null && ids.contains(id)) {
                        seen.add(id);
                        records.add(r); // a redelivered one too: the rebuild gets what the live consumer got
                    }
                }
            }
        }
        assertEquals(ids.size(), records.stream().map(r -> new String(r.headers().lastHeader("ce_id").value(),
                StandardCharsets.UTF_8)).distinct().count(), "every event found on the topics");
        // per partition the topic order; across topics the order they were written in, as the live consumers saw it
        records.sort(Comparator.comparingLong((ConsumerRecord<String, String> r) -> r.timestamp())
                .thenComparing(ConsumerRecord::topic).thenComparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }
}
