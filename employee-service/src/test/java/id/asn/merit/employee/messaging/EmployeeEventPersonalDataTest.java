package id.asn.merit.employee.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static id.asn.merit.employee.messaging.EmployeeEventsTest.header;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the real broker: every asn.employee.v1 type carries what the suite's consumers need (gender and birth date for
 * merit's fairness report), and only asn.employee.disciplined.v1 carries discipline, as level and date.
 */
@QuarkusTest
class EmployeeEventPersonalDataTest {
    static final String NIP = "197303032000031031";
    final ObjectMapper json = new ObjectMapper();

    static RequestSpecification hr() {
        return given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON);
    }

    @Test
    void onlyTheDisciplinedTypeCarriesDisciplineAndOnlyItsLevelAndDate() throws Exception {
        OrgEventsTest.unit("PDE-ROOT", null, "INSTANSI");
        OrgEventsTest.unit("PDE-UNIT", "PDE-ROOT", "PERANGKAT_DAERAH");
        hr().body(Map.of("code", "PDE-POS", "title", "Pelaksana", "orgUnitCode", "PDE-UNIT", "type", "PELAKSANA", "grade", 6))
                .post("/api/v1/positions").then().statusCode(201);
        String base = "/api/v1/employees/" + NIP;
        hr().body(Map.of("nip", NIP, "name", "Markus Wonda", "gender", "M", "birthDate", "1973-03-03", "employmentType", "PNS",
                "rank", "III/b", "orgUnitCode", "PDE-UNIT")).post("/api/v1/employees").then().statusCode(201);
        hr().body(Map.of("level", "SEVERE", "decidedOn", "2024-02-01", "description", "rahasia: penurunan jabatan"))
                .post(base + "/disciplinary-records").then().statusCode(201);
        hr().body(Map.of("name", "Markus Wonda, S.E.")).patch(base).then().statusCode(200);
        hr().body(Map.of("positionCode", "PDE-POS", "effectiveDate", "2024-03-01")).post(base + "/placements").then().statusCode(201);
        hr().body(Map.of("rank", "III/c", "effectiveDate", "2024-04-01")).post(base + "/ranks").then().statusCode(201);
        hr().body(Map.of("year", LocalDate.now().getYear() - 1, "period", "ANNUAL", "workResult", "AS_EXPECTED", "workBehaviour", "AS_EXPECTED"))
                .post(base + "/performance-ratings").then().statusCode(201);

        List<ConsumerRecord<String, String>> events = OrgEventsTest.read("asn.employee.v1", r -> r.key().equals(NIP), 6);
        assertEquals(Set.of("asn.employee.registered.v1", "asn.employee.disciplined.v1", "asn.employee.updated.v1",
                "asn.employee.placed.v1", "asn.employee.rank-changed.v1", "asn.employee.performance-rated.v1"),
                Set.copyOf(events.stream().map(r -> header(r, "ce_type")).toList()));
        for (ConsumerRecord<String, String> r : events) {
            String type = header(r, "ce_type");
            JsonNode data = json.readTree(r.value());
            assertEquals("M", data.path("gender").asText(), type + " carries gender for merit's fairness report");
            assertEquals("1973-03-03", data.path("birthDate").asText(), type + " carries the birth date for age bands");
            assertFalse(r.value().contains("rahasia"), type + " never carries the description");
            if (type.equals("asn.employee.disciplined.v1")) {
                Set<String> fields = new HashSet<>();
                data.path("discipline").fieldNames().forEachRemaining(fields::add);
                assertEquals(Set.of("level", "decidedOn"), fields);
                assertEquals("SEVERE", data.at("/discipline/level").asText());
                assertEquals("2024-02-01", data.at("/discipline/decidedOn").asText());
            } else {
                assertTrue(data.path("discipline").isMissingNode(), type + " carries no discipline");
            }
        }
    }
}
