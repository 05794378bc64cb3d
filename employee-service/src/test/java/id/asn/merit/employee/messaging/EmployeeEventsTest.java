package id.asn.merit.employee.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every change reaches asn.employee.v1 on the real broker, as a CloudEvent in binary mode. */
@QuarkusTest
class EmployeeEventsTest {
    static final String NIP = "198207172006042003";
    final ObjectMapper json = new ObjectMapper();

    @Test
    void registerUpdateAndRetireArePublishedInOrder() throws Exception {
        createUnit("PROV-PAPUA-BD", null, "INSTANSI");
        createUnit("PROV-BKD", "PROV-PAPUA-BD", "PERANGKAT_DAERAH");
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON)
                .body(Map.of("code", "BKD-KASUBBAG", "title", "Kepala Subbagian Umum", "orgUnitCode", "PROV-BKD",
                        "type", "PENGAWAS", "grade", 9))
                .post("/api/v1/positions");
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON)
                .body(Map.of("nip", NIP, "name", "Selvi Mambraku", "gender", "F", "birthDate", "1982-07-17",
                        "employmentType", "PNS", "rank", "III/d", "orgUnitCode", "PROV-BKD", "positionCode", "BKD-KASUBBAG",
                        "education", Map.of("level", "S1", "field", "Hukum")))
                .post("/api/v1/employees").then().statusCode(201);
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON)
                .body(Map.of("rank", "IV/a")).patch("/api/v1/employees/" + NIP).then().statusCode(200);
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON)
                .body(Map.of("status", "RETIRED")).patch("/api/v1/employees/" + NIP).then().statusCode(200);

        List<ConsumerRecord<String, String>> events = read(NIP, 3);
        assertEquals(List.of("asn.employee.registered.v1", "asn.employee.updated.v1", "asn.employee.retired.v1"),
                events.stream().map(r -> header(r, "ce_type")).toList());

        ConsumerRecord<String, String> registered = events.get(0);
        assertEquals("1.0", header(registered, "ce_specversion"));
        assertEquals("/employee-service", header(registered, "ce_source"));
        assertEquals(NIP, header(registered, "ce_subject"));
        assertEquals("application/json", header(registered, "content-type"));
        UUID.fromString(header(registered, "ce_id"));
        OffsetDateTime.parse(header(registered, "ce_time"));
        assertEquals(3, events.stream().map(r -> header(r, "ce_id")).distinct().count(), "ce_id is unique per event");

        JsonNode data = json.readTree(registered.value());
        assertEquals(NIP, data.get("nip").asText());
        assertEquals("Selvi Mambraku", data.get("name").asText());
        assertEquals("F", data.get("gender").asText());
        assertEquals("1982-07-17", data.get("birthDate").asText());
        assertEquals("PNS", data.get("employmentType").asText());
        assertEquals("III/d", data.get("rank").asText());
        assertEquals("BKD-KASUBBAG", data.get("positionCode").asText());
        assertEquals("PROV-BKD", data.get("orgUnitCode").asText());
        assertEquals(List.of("PROV-PAPUA-BD", "PROV-BKD"), json.convertValue(data.get("orgUnitPath"), List.class));
        assertEquals("ACTIVE", data.get("status").asText());
        assertEquals("S1", data.get("educationLevel").asText(), "merit-service scores the qualification on it");
        assertEquals("IV/a", json.readTree(events.get(1).value()).get("rank").asText());
        JsonNode retired = json.readTree(events.get(2).value());
        assertEquals("RETIRED", retired.get("status").asText());
        assertTrue(retired.get("version").asLong() > data.get("version").asLong());
    }

    @Test
    void historyEventsCarryTheirDetailAndNoDisciplineDescription() throws Exception {
        String nip = "197905052003121004";
        createUnit("PROV-PAPUA-BD", null, "INSTANSI");
        createUnit("PROV-BKD", "PROV-PAPUA-BD", "PERANGKAT_DAERAH");
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON)
                .body(Map.of("code", "BKD-KABID-MUTASI", "title", "Kepala Bidang Mutasi", "orgUnitCode", "PROV-BKD",
                        "type", "ADMINISTRATOR", "grade", 12))
                .post("/api/v1/positions");
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON)
                .body(Map.of("nip", nip, "name", "Otto Ayomi", "gender", "M", "birthDate", "1979-05-05",
                        "employmentType", "PNS", "orgUnitCode", "PROV-BKD"))
                .post("/api/v1/employees").then().statusCode(201);
        String base = "/api/v1/employees/" + nip;
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON)
                .body(Map.of("positionCode", "BKD-KABID-MUTASI", "effectiveDate", "2024-01-02")).post(base + "/placements").then().statusCode(201);
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON)
                .body(Map.of("rank", "IV/a", "effectiveDate", "2024-04-01")).post(base + "/ranks").then().statusCode(201);
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON)
                .body(Map.of("year", 2024, "period", "ANNUAL", "workResult", "ABOVE", "workBehaviour", "AS_EXPECTED"))
                .post(base + "/performance-ratings").then().statusCode(201);
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON)
                .body(Map.of("level", "MODERATE", "decidedOn", "2024-06-10", "description", "private detail"))
                .post(base + "/disciplinary-records").then().statusCode(201);

        List<ConsumerRecord<String, String>> events = read(nip, 5);
        assertEquals(List.of("asn.employee.registered.v1", "asn.employee.placed.v1", "asn.employee.rank-changed.v1",
                "asn.employee.performance-rated.v1", "asn.employee.disciplined.v1"), events.stream().map(r -> header(r, "ce_type")).toList());
        JsonNode placed = json.readTree(events.get(1).value());
        assertEquals("BKD-KABID-MUTASI", placed.get("positionCode").asText());
        assertEquals("ADMINISTRATOR", placed.get("positionType").asText());
        assertEquals("2024-01-02", placed.at("/placement/effectiveDate").asText());
        assertEquals("DEFINITIF", placed.at("/placement/assignment").asText());
        JsonNode rank = json.readTree(events.get(2).value());
        assertEquals("IV/a", rank.get("rank").asText());
        assertEquals("2024-04-01", rank.at("/rankChange/effectiveDate").asText());
        assertEquals("2024-04-01", rank.get("rankSince").asText(), "the TMT of the current rank travels in the state");
        assertEquals("2024-04-01", json.readTree(events.get(4).value()).get("rankSince").asText());
        JsonNode rated = json.readTree(events.get(3).value());
        assertEquals("BAIK", rated.at("/rating/rating").asText());
        assertEquals("ANNUAL", rated.at("/rating/period").asText());
        JsonNode disciplined = json.readTree(events.get(4).value());
        assertEquals("MODERATE", disciplined.at("/discipline/level").asText());
        assertTrue(disciplined.at("/discipline/description").isMissingNode());
        assertTrue(!events.get(4).value().contains("private detail"), "the description never leaves employee-service");
    }

    private static void createUnit(String code, String parent, String level) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", code, "level", level));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        given().auth().oauth2(TestInfra.token("ADMIN")).contentType(ContentType.JSON).body(body).post("/api/v1/org-units");
    }

    static List<ConsumerRecord<String, String>> read(String key, int expected) {
        return id.asn.merit.employee.history.EmployeeEvents.read(key, expected);
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        return id.asn.merit.employee.history.EmployeeEvents.header(r, name);
    }
}
