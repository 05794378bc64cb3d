package id.asn.merit.employee.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static id.asn.merit.employee.messaging.EmployeeEventsTest.header;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Org units and positions reach asn.org.v1 on the real broker, keyed by their code; a move re-publishes its subtree. */
@QuarkusTest
class OrgEventsTest {
    final ObjectMapper json = new ObjectMapper();

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    /** level given (not derived) so the set-up is the same on a tree that still needs it. */
    static void unit(String code, String parent, String level) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Unit " + code, "level", level));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        as("HR_OFFICER").body(body).post("/api/v1/org-units").then().statusCode(201);
    }

    @Test
    void everyCreateRenameCloseAndDeleteOfAUnitIsPublished() throws Exception {
        unit("EV-ROOT", null, "INSTANSI");
        unit("EV-DINAS", "EV-ROOT", "PERANGKAT_DAERAH");
        unit("EV-BIDANG", "EV-DINAS", "BIDANG");
        as("HR_OFFICER").body(Map.of("name", "Dinas Baru")).patch("/api/v1/org-units/EV-DINAS").then().statusCode(200);
        as("HR_OFFICER").body(Map.of("active", false)).patch("/api/v1/org-units/EV-DINAS").then().statusCode(200);
        List<ConsumerRecord<String, String>> dinas = read("asn.org.v1", r -> r.key().equals("EV-DINAS"), 3);
        assertEquals(List.of("asn.org.unit-changed.v1", "asn.org.unit-changed.v1", "asn.org.unit-changed.v1"),
                dinas.stream().map(r -> header(r, "ce_type")).toList());
        assertEquals("EV-DINAS", header(dinas.get(0), "ce_subject"));
        assertEquals("/employee-service", header(dinas.get(0), "ce_source"));
        JsonNode created = json.readTree(dinas.get(0).value());
        assertEquals("Unit EV-DINAS", created.get("name").asText());
        assertEquals("EV-ROOT", created.get("parentCode").asText());
        assertEquals(List.of("EV-ROOT", "EV-DINAS"), json.convertValue(created.get("path"), List.class));
        assertEquals("PERANGKAT_DAERAH", created.get("level").asText());
        assertEquals("ACTIVE", created.get("status").asText());
        assertEquals("Dinas Baru", json.readTree(dinas.get(1).value()).get("name").asText());
        assertEquals("CLOSED", json.readTree(dinas.get(2).value()).get("status").asText());
        // closing closes the subtree: the unit below gets its event too
        List<ConsumerRecord<String, String>> bidang = read("asn.org.v1", r -> r.key().equals("EV-BIDANG"), 2);
        assertEquals(List.of("ACTIVE", "CLOSED"), bidang.stream().map(r -> text(r, "status")).toList());
    }

    @Test
    void aDeletedUnitIsPublishedAsDeleted() throws Exception {
        unit("EV-DEL-ROOT", null, "INSTANSI");
        unit("EV-DEL", "EV-DEL-ROOT", "PERANGKAT_DAERAH");
        as("HR_OFFICER").delete("/api/v1/org-units/EV-DEL").then().statusCode(204);
        List<ConsumerRecord<String, String>> events = read("asn.org.v1", r -> r.key().equals("EV-DEL"), 2);
        assertEquals(List.of("ACTIVE", "DELETED"), events.stream().map(r -> text(r, "status")).toList());
        assertEquals("EV-DEL-ROOT", json.readTree(events.get(1).value()).get("parentCode").asText());
    }

    @Test
    void aMoveRepublishesEveryUnitAndEveryEmployeeOfTheSubtreeWithTheNewPath() throws Exception {
        unit("MV-ROOT", null, "INSTANSI");
        unit("MV-OLD", "MV-ROOT", "PERANGKAT_DAERAH");
        unit("MV-NEW", "MV-ROOT", "PERANGKAT_DAERAH");
        unit("MV-BID", "MV-OLD", "BIDANG");
        unit("MV-SEK1", "MV-BID", "SEKSI");
        unit("MV-SEK2", "MV-BID", "SEKSI");
        unit("MV-STAY", "MV-OLD", "BIDANG");
        // five people in the moved subtree (more than one batch of asn.org.event-batch-size=2 in tests), one outside
        List<String> moved = List.of("198001012005011011", "198102022006021012", "198203032007031013", "198304042008041014", "198405052009051015");
        String[] units = {"MV-BID", "MV-SEK1", "MV-SEK1", "MV-SEK2", "MV-BID"};
        for (int i = 0; i < moved.size(); i++) {
            String nip = moved.get(i);
            as("HR_OFFICER").body(Map.of("nip", nip, "name", "Pegawai " + i, "gender", "M",
                    "birthDate", nip.substring(0, 4) + "-" + nip.substring(4, 6) + "-" + nip.substring(6, 8),
                    "employmentType", "PNS", "rank", "III/a", "orgUnitCode", units[i])).post("/api/v1/employees").then().statusCode(201);
        }
        String outside = "198506062010061016";
        as("HR_OFFICER").body(Map.of("nip", outside, "name", "Pegawai Tetap", "gender", "M", "birthDate", "1985-06-06",
                "employmentType", "PNS", "rank", "III/a", "orgUnitCode", "MV-STAY")).post("/api/v1/employees").then().statusCode(201);

        as("HR_OFFICER").body(Map.of("parentCode", "MV-NEW")).patch("/api/v1/org-units/MV-BID").then().statusCode(200);

        // every unit of the subtree: its create event, then one with the new path
        for (String code : List.of("MV-BID", "MV-SEK1", "MV-SEK2")) {
            List<ConsumerRecord<String, String>> events = read("asn.org.v1", r -> r.key().equals(code), 2);
            JsonNode after = json.readTree(events.get(1).value());
            List<?> path = json.convertValue(after.get("path"), List.class);
            assertEquals(List.of("MV-ROOT", "MV-NEW"), path.subList(0, 2), code + " has the new path");
            assertEquals(code, path.get(path.size() - 1));
            assertTrue(after.get("version").asLong() > json.readTree(events.get(0).value()).get("version").asLong(), code + " version grew");
        }
        assertEquals(1, read("asn.org.v1", r -> r.key().equals("MV-STAY"), 1).size(), "a unit outside the subtree is not re-published");

        // every employee of the subtree: registered, then updated with the new orgUnitPath and a newer version
        for (int i = 0; i < moved.size(); i++) {
            String nip = moved.get(i);
            List<ConsumerRecord<String, String>> events = read("asn.employee.v1", r -> r.key().equals(nip), 2);
            assertEquals("asn.employee.updated.v1", header(events.get(1), "ce_type"));
            JsonNode updated = json.readTree(events.get(1).value());
            List<?> path = json.convertValue(updated.get("orgUnitPath"), List.class);
            assertEquals(List.of("MV-ROOT", "MV-NEW", "MV-BID"), path.subList(0, 3), nip);
            assertEquals(units[i], updated.get("orgUnitCode").asText());
            assertEquals("Pegawai " + i, updated.get("name").asText(), "the whole replica state, as every employee event");
            assertTrue(updated.get("version").asLong() > json.readTree(events.get(0).value()).get("version").asLong());
        }
        assertEquals(1, read("asn.employee.v1", r -> r.key().equals(outside), 1).size(), "someone outside the subtree is not re-published");
        as("ADMIN").get("/api/v1/employees/" + moved.get(1)).then().statusCode(200);
    }

    @Test
    void everyCreateAndChangeOfAPositionIsPublishedWithItsMinimumEducation() throws Exception {
        unit("EV-POS-ROOT", null, "INSTANSI");
        unit("EV-POS-UNIT", "EV-POS-ROOT", "PERANGKAT_DAERAH");
        as("HR_OFFICER").body(Map.of("code", "EV-POS-ANALIS", "title", "Analis Kebijakan", "orgUnitCode", "EV-POS-UNIT",
                "type", "FUNGSIONAL", "functionalLevel", "AHLI_MUDA", "grade", 9, "minRank", "III/c", "minEducationLevel", "S1"))
                .post("/api/v1/positions").then().statusCode(201).body("minEducationLevel", org.hamcrest.Matchers.equalTo("S1"));
        as("HR_OFFICER").body(Map.of("code", "EV-POS-ANALIS", "title", "Analis Kebijakan Ahli Muda", "orgUnitCode", "EV-POS-UNIT",
                "type", "FUNGSIONAL", "functionalLevel", "AHLI_MUDA", "grade", 9, "minRank", "III/c", "minEducationLevel", "S2"))
                .put("/api/v1/positions/EV-POS-ANALIS").then().statusCode(200).body("minEducationLevel", org.hamcrest.Matchers.equalTo("S2"));
        as("ADMIN").get("/api/v1/positions/EV-POS-ANALIS").then().body("minEducationLevel", org.hamcrest.Matchers.equalTo("S2"));
        as("HR_OFFICER").body(Map.of("code", "EV-POS-BAD", "title", "X", "orgUnitCode", "EV-POS-UNIT", "type", "PELAKSANA", "grade", 5,
                "minEducationLevel", "S4")).post("/api/v1/positions").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("minEducationLevel"));

        List<ConsumerRecord<String, String>> events = read("asn.org.v1", r -> r.key().equals("EV-POS-ANALIS"), 2);
        assertEquals(Set.of("asn.org.position-changed.v1"), Set.copyOf(events.stream().map(r -> header(r, "ce_type")).toList()));
        assertEquals("EV-POS-ANALIS", header(events.get(0), "ce_subject"));
        JsonNode created = json.readTree(events.get(0).value());
        assertEquals("Analis Kebijakan", created.get("title").asText());
        assertEquals("EV-POS-UNIT", created.get("orgUnitCode").asText());
        assertEquals("FUNGSIONAL", created.get("type").asText());
        assertEquals("AHLI_MUDA", created.get("functionalLevel").asText());
        assertEquals(9, created.get("grade").asInt());
        assertEquals("III/c", created.get("minRank").asText());
        assertEquals("S1", created.get("minEducationLevel").asText());
        assertTrue(created.has("requiredLeadershipTraining"));
        assertEquals("ACTIVE", created.get("status").asText());
        JsonNode changed = json.readTree(events.get(1).value());
        assertEquals("Analis Kebijakan Ahli Muda", changed.get("title").asText());
        assertEquals("S2", changed.get("minEducationLevel").asText());
    }

    private String text(ConsumerRecord<String, String> r, String field) {
        try {
            return json.readTree(r.value()).get(field).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Exactly {@code expected} events of {@code topic} that match, in partition order (waits for late ones briefly).
     * Delivery is at least once: a record the relay sent again (same ce_id) counts once, as for any consumer.
     */
    static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> match, int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            // assigned, not subscribed: no group to join, so a read takes milliseconds once the events are there
            List<TopicPartition> partitions = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long settle = 0;
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && match.test(r) && seen.add(header(r, "ce_id"))) {
                        found.add(r);
                    }
                }
                if (found.size() >= expected) {
                    if (settle == 0) {
                        settle = System.nanoTime() + Duration.ofMillis(500).toNanos(); // one more look for unexpected extra records
                    } else if (System.nanoTime() > settle) {
                        break;
                    }
                }
            }
        }
        assertEquals(expected, found.size(), "records on " + topic);
        return found;
    }
}
