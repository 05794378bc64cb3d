package id.asn.merit.employee.history;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static id.asn.merit.employee.history.HistoryFixtures.ANALIS;
import static id.asn.merit.employee.history.HistoryFixtures.DINAS;
import static id.asn.merit.employee.history.HistoryFixtures.as;
import static id.asn.merit.employee.history.HistoryFixtures.employee;
import static id.asn.merit.employee.history.HistoryFixtures.nip;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 6: every history POST takes an Idempotency-Key and answers 201 with a Location that resolves; lists are pages (SYSTEM.md §4). */
@QuarkusTest
class HistoryEntriesApiTest {
    static final String BIRTH = "1977-08-09";
    static final String NIP = nip(BIRTH, "M", 721);
    static final String BASE = "/api/v1/employees/" + NIP;

    @BeforeEach
    void data() {
        HistoryFixtures.ensure();
        if (as("ADMIN").get(BASE).statusCode() == 404) {
            as("HR_OFFICER").body(employee(NIP, BIRTH, "M", "PNS", "III/d", DINAS, null)).post("/api/v1/employees").then().statusCode(201);
        }
    }

    /** Posts twice with one key: one entry, the same Location and body, the replay marked; another body under the key is a 422. */
    static void createdOnceWithLocation(String collection, Map<String, Object> body, Map<String, Object> otherBody) {
        String key = "hist-" + collection;
        Response first = as("HR_OFFICER").header("Idempotency-Key", key).body(body).post(BASE + "/" + collection);
        first.then().statusCode(201);
        String location = first.header("Location");
        long id = first.jsonPath().getLong("id");
        assertEquals(BASE + "/" + collection + "/" + id, location.substring(location.indexOf("/api/")), collection);
        long total = as("ADMIN").get(BASE + "/" + collection).jsonPath().getLong("total");

        as("HR_OFFICER").header("Idempotency-Key", key).body(body).post(BASE + "/" + collection).then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true")).header("Location", equalTo(location)).body("id", equalTo((int) id));
        as("ADMIN").get(BASE + "/" + collection).then().body("total", equalTo((int) total));
        as("ADMIN").get(location).then().statusCode(200).body("id", equalTo((int) id));
        as("HR_OFFICER").header("Idempotency-Key", key).body(otherBody).post(BASE + "/" + collection).then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void placementsRanksAndEducations() {
        createdOnceWithLocation("placements", Map.of("positionCode", ANALIS, "effectiveDate", "2019-01-02"),
                Map.of("positionCode", ANALIS, "effectiveDate", "2019-01-03"));
        createdOnceWithLocation("ranks", Map.of("rank", "III/c", "effectiveDate", "2019-04-01"),
                Map.of("rank", "III/b", "effectiveDate", "2019-04-01"));
        createdOnceWithLocation("educations", Map.of("level", "S2", "graduatedOn", "2016-09-01"),
                Map.of("level", "S2", "graduatedOn", "2016-09-02"));
    }

    @Test
    void ratingsAndDisciplinaryRecords() {
        int year = LocalDate.now().getYear() - 2;
        createdOnceWithLocation("performance-ratings", Map.of("year", year, "period", "ANNUAL", "workResult", "ABOVE", "workBehaviour", "ABOVE"),
                Map.of("year", year, "period", "Q1", "workResult", "ABOVE", "workBehaviour", "ABOVE"));
        createdOnceWithLocation("disciplinary-records", Map.of("level", "LIGHT", "decidedOn", "2020-05-06"),
                Map.of("level", "LIGHT", "decidedOn", "2020-05-07"));
        as("ADMIN").get(BASE + "/disciplinary-records/999999999").then().statusCode(404);
    }

    @Test
    void historyListsArePagesInAStableOrder() {
        String nip = nip("1978-08-09", "F", 722);
        String base = "/api/v1/employees/" + nip;
        as("HR_OFFICER").body(employee(nip, "1978-08-09", "F", "PNS", "III/a", DINAS, null)).post("/api/v1/employees").then().statusCode(201);
        for (String tmt : new String[] {"2012-04-01", "2016-04-01", "2014-04-01"}) {
            as("HR_OFFICER").body(Map.of("rank", "II/d", "effectiveDate", tmt)).post(base + "/ranks").then().statusCode(201);
        }
        as("ADMIN").get(base + "/ranks?size=2").then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(2))
                .body("total", equalTo(4)).body("items", hasSize(2))
                .body("items.effectiveDate", contains(HistoryFixtures.today().toString(), "2016-04-01"));
        as("ADMIN").get(base + "/ranks?page=1&size=2").then().body("items.effectiveDate", contains("2014-04-01", "2012-04-01"));
        as("ADMIN").get(base + "/ranks?size=501").then().statusCode(400).body("errors[0].field", equalTo("size"));
        for (String list : new String[] {"placements", "educations", "performance-ratings", "disciplinary-records"}) {
            as("ADMIN").get(base + "/" + list).then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(50));
        }
    }
}
