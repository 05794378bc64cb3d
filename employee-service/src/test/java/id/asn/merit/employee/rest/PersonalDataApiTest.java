package id.asn.merit.employee.rest;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Personal data stays where it belongs (SYSTEM.md §7): no self-rating, no hidden fields for an INTEGRATOR, no existence probe. */
@QuarkusTest
class PersonalDataApiTest {
    static final String DINAS = "PD-DINAS";
    static final String BIDANG = "PD-BIDANG";
    static final String OTHER = "PD-OTHER";
    static final String HEAD = "197505052000031021";     // heads PD-DINAS and sits in it
    static final String STAFF = "198808082012122022";    // in PD-BIDANG, below the head
    static final String OUTSIDER = "198909092013031023"; // in PD-OTHER
    static final String NOBODY = "199111112015031099";   // a well-formed NIP nobody has

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    static RequestSpecification as(String role, String nip, String unit) {
        return given().auth().oauth2(TestInfra.token(role, nip, unit)).contentType(ContentType.JSON);
    }

    @BeforeEach
    void people() {
        EmployeeApiTest.ensureUnit("PD-ROOT", null, "INSTANSI", "Pemerintah Kabupaten");
        EmployeeApiTest.ensureUnit(DINAS, "PD-ROOT", "PERANGKAT_DAERAH", "Dinas");
        EmployeeApiTest.ensureUnit(BIDANG, DINAS, "BIDANG", "Bidang");
        EmployeeApiTest.ensureUnit(OTHER, "PD-ROOT", "PERANGKAT_DAERAH", "Dinas Lain");
        if (as("ADMIN").get("/api/v1/positions/PD-ANALIS").statusCode() == 404) {
            as("HR_OFFICER").body(Map.of("code", "PD-ANALIS", "title", "Analis", "orgUnitCode", BIDANG, "type", "PELAKSANA", "grade", 7))
                    .post("/api/v1/positions").then().statusCode(201);
        }
        register(HEAD, "Kepala Dinas", "M", "1975-05-05", DINAS);
        register(STAFF, "Staf Bidang", "F", "1988-08-08", BIDANG);
        register(OUTSIDER, "Orang Luar", "M", "1989-09-09", OTHER);
    }

    static void register(String nip, String name, String gender, String birthDate, String unit) {
        if (as("ADMIN").get("/api/v1/employees/" + nip).statusCode() == 404) {
            as("HR_OFFICER").body(EmployeeApiTest.employee(nip, name, gender, birthDate, "PNS", "III/c", unit))
                    .post("/api/v1/employees").then().statusCode(201);
        }
    }

    static Map<String, Object> rating(String period) {
        return Map.of("year", LocalDate.now().getYear() - 1, "period", period, "workResult", "AS_EXPECTED", "workBehaviour", "AS_EXPECTED");
    }

    @Test
    void theRaterIsNeverTheRated() {
        String base = "/api/v1/employees/";
        as("UNIT_HEAD", HEAD, DINAS).body(rating("Q1")).post(base + HEAD + "/performance-ratings")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("the rater is never the rated"));
        as("ADMIN").get(base + HEAD + "/performance-ratings").then().statusCode(200).body("items", hasSize(0));
        // the same head rates the people below, and HR rates the head
        as("UNIT_HEAD", HEAD, DINAS).body(rating("Q1")).post(base + STAFF + "/performance-ratings")
                .then().statusCode(201).body("raterNip", equalTo(HEAD));
        as("HR_OFFICER").body(rating("Q1")).post(base + HEAD + "/performance-ratings").then().statusCode(201);
        // an HR officer is not their own rater either, and a head who cannot be told apart from the rated may not rate
        as("HR_OFFICER", STAFF, null).body(rating("Q2")).post(base + STAFF + "/performance-ratings").then().statusCode(403);
        as("UNIT_HEAD", null, DINAS).body(rating("Q2")).post(base + STAFF + "/performance-ratings")
                .then().statusCode(403).body("detail", containsString("nip claim"));
        as("ADMIN").get(base + STAFF + "/performance-ratings").then().body("items.period", equalTo(List.of("Q1")));
    }

    @Test
    void anIntegratorMayNotFilterByFieldsItCannotSee() {
        as("INTEGRATOR").get("/api/v1/employees?status=RETIRED").then().statusCode(403).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        as("INTEGRATOR").get("/api/v1/employees?employmentType=PPPK&orgUnit=" + DINAS).then().statusCode(403)
                .body("errors[0].field", equalTo("employmentType"));
        as("INTEGRATOR").get("/api/v1/employees?orgUnit=" + DINAS + "&subtree=true").then().statusCode(200)
                .body("items.nip", hasItem(STAFF)).body("items[0]", not(hasKey("status"))).body("items[0]", not(hasKey("employmentType")));
        // the roles that see everything keep their filters
        as("ADMIN").get("/api/v1/employees?status=ACTIVE&employmentType=PNS&orgUnit=" + DINAS + "&subtree=true").then().statusCode(200)
                .body("items.nip", hasItem(STAFF));
        as("ASSESSOR").get("/api/v1/employees?status=ACTIVE&orgUnit=" + BIDANG).then().statusCode(200);
    }

    @Test
    void anIntegratorSeesPlacementSummariesOnly() {
        String placements = "/api/v1/employees/" + STAFF + "/placements";
        if (as("ADMIN").get(placements).jsonPath().getList("items").isEmpty()) {
            as("HR_OFFICER").body(Map.of("positionCode", "PD-ANALIS", "effectiveDate", "2020-01-02", "decreeNumber", "821/7/BKPSDM/2020"))
                    .post(placements).then().statusCode(201);
        }
        as("INTEGRATOR").get(placements).then().statusCode(200)
                .body("items.positionCode", hasItem("PD-ANALIS")).body("items.orgUnitCode", hasItem(BIDANG)).body("items.inForce", hasItem(true))
                .body("items", everyItem(not(hasKey("decreeNumber")))).body("items", everyItem(not(hasKey("recordedBy"))))
                .body("items", everyItem(not(hasKey("recordedAt"))));
        long id = as("HR_OFFICER").get(placements).jsonPath().getLong("items[0].id");
        as("INTEGRATOR").get(placements + "/" + id).then().statusCode(200)
                .body("positionCode", equalTo("PD-ANALIS")).body("$", not(hasKey("decreeNumber"))).body("$", not(hasKey("recordedBy")));
        as("HR_OFFICER").get(placements).then().statusCode(200)
                .body("items.decreeNumber", hasItem("821/7/BKPSDM/2020")).body("items.recordedBy", hasItem("test-hr-officer"));
    }

    @Test
    void aNipTheCallerMayNotSeeAnswersExactlyLikeOneThatDoesNotExist() {
        List<String> paths = List.of("", "/placements", "/ranks", "/educations", "/performance-ratings", "/disciplinary-records");
        for (String path : paths) {
            for (String who : List.of("EMPLOYEE", "UNIT_HEAD")) {
                Response hidden = caller(who).get("/api/v1/employees/" + OUTSIDER + path);
                Response missing = caller(who).get("/api/v1/employees/" + NOBODY + path);
                assertSameAnswer(who + " GET " + path, hidden, missing);
            }
        }
        // a UNIT_HEAD's write outside their subtree probes nothing either
        assertSameAnswer("UNIT_HEAD rates", caller("UNIT_HEAD").body(rating("Q3")).post("/api/v1/employees/" + OUTSIDER + "/performance-ratings"),
                caller("UNIT_HEAD").body(rating("Q3")).post("/api/v1/employees/" + NOBODY + "/performance-ratings"));
        caller("UNIT_HEAD").get("/api/v1/employees/" + OUTSIDER).then().statusCode(404)
                .body("detail", equalTo("employee " + OUTSIDER + " does not exist"));
        caller("UNIT_HEAD").get("/api/v1/employees?q=" + OUTSIDER).then().statusCode(200).body("total", equalTo(0));
        // what each may see, they see
        caller("EMPLOYEE").get("/api/v1/employees/" + STAFF).then().statusCode(200).body("birthDate", equalTo("1988-08-08"));
        caller("EMPLOYEE").get("/api/v1/employees/" + STAFF + "/ranks").then().statusCode(200);
        caller("UNIT_HEAD").get("/api/v1/employees/" + STAFF + "/educations").then().statusCode(200);
        caller("UNIT_HEAD").get("/api/v1/employees/" + STAFF + "/disciplinary-records").then().statusCode(200);
    }

    /** The staff member as EMPLOYEE, or the head of PD-DINAS as UNIT_HEAD. */
    static RequestSpecification caller(String who) {
        return who.equals("EMPLOYEE") ? as("EMPLOYEE", STAFF, null) : as("UNIT_HEAD", HEAD, DINAS);
    }

    static void assertSameAnswer(String what, Response hidden, Response missing) {
        assertEquals(missing.statusCode(), hidden.statusCode(), what + ": status");
        assertEquals(missing.contentType(), hidden.contentType(), what + ": content type");
        assertEquals(problem(missing, NOBODY), problem(hidden, OUTSIDER), what + ": body");
    }

    /** The problem body with the NIP asked for (in detail and instance) made neutral, and without the request id. */
    static Map<String, Object> problem(Response r, String nip) {
        Map<String, Object> body = new HashMap<>(r.jsonPath().getMap("$"));
        body.remove("requestId");
        body.replaceAll((k, v) -> v instanceof String s ? s.replace(nip, "<nip>") : v);
        return body;
    }
}
