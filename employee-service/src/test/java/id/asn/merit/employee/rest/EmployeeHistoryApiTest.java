package id.asn.merit.employee.rest;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Positions, placements, ranks, educations, SKP ratings and discipline against the real database. */
@QuarkusTest
class EmployeeHistoryApiTest {
    static final String UNIT = "HIST-BIDANG";
    static final String OTHER = "HIST-OTHER";
    static final String NIP = "198001012005011001";

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    @BeforeEach
    void data() {
        EmployeeApiTest.ensureUnit("HIST-ROOT", null, "INSTANSI", "Root");
        EmployeeApiTest.ensureUnit("HIST-DINAS", "HIST-ROOT", "PERANGKAT_DAERAH", "Dinas");
        EmployeeApiTest.ensureUnit(UNIT, "HIST-DINAS", "BIDANG", "Bidang");
        EmployeeApiTest.ensureUnit(OTHER, "HIST-ROOT", "PERANGKAT_DAERAH", "Other");
        position("HIST-KABID", "Kepala Bidang", "ADMINISTRATOR", null);
        position("HIST-ANALIS", "Analis Kebijakan Ahli Muda", "FUNGSIONAL", "AHLI_MUDA");
        if (as("ADMIN").get("/api/v1/employees/" + NIP).statusCode() == 404) {
            as("HR_OFFICER").body(EmployeeApiTest.employee(NIP, "Hendrik Rumere", "M", "1980-01-01", "PNS", "III/c", UNIT))
                    .post("/api/v1/employees").then().statusCode(201);
        }
    }

    static void position(String code, String title, String type, String level) {
        if (as("ADMIN").get("/api/v1/positions/" + code).statusCode() == 404) {
            Map<String, Object> body = new HashMap<>(Map.of("code", code, "title", title, "orgUnitCode", UNIT, "type", type,
                    "grade", 11, "minRank", "III/c"));
            if (level != null) {
                body.put("functionalLevel", level);
            }
            as("HR_OFFICER").body(body).post("/api/v1/positions").then().statusCode(201);
        }
    }

    @Test
    void positionsValidateTheFunctionalLevelAndDefaultTheLeadershipTraining() {
        as("ADMIN").get("/api/v1/positions/HIST-KABID").then().statusCode(200)
                .body("requiredLeadershipTraining", equalTo("PKA")).body("functionalLevel", equalTo(null));
        as("HR_OFFICER").body(Map.of("code", "HIST-BAD1", "title", "X", "orgUnitCode", UNIT, "type", "FUNGSIONAL", "grade", 9))
                .post("/api/v1/positions").then().statusCode(400).body("errors[0].field", equalTo("functionalLevel"));
        as("HR_OFFICER").body(Map.of("code", "HIST-BAD2", "title", "X", "orgUnitCode", UNIT, "type", "PELAKSANA", "grade", 18,
                        "functionalLevel", "MAHIR"))
                .post("/api/v1/positions").then().statusCode(400).body("errors.field", hasItem("grade"));
        as("HR_OFFICER").body(Map.of("code", "HIST-BAD3", "title", "X", "orgUnitCode", UNIT, "type", "PELAKSANA", "grade", 5,
                        "functionalLevel", "MAHIR"))
                .post("/api/v1/positions").then().statusCode(400).body("errors[0].field", equalTo("functionalLevel"));
        as("ADMIN").get("/api/v1/positions?orgUnit=HIST-DINAS&subtree=true&type=FUNGSIONAL").then().statusCode(200)
                .body("items.code", contains("HIST-ANALIS"));
        as("ASSESSOR").body(Map.of("code", "HIST-X", "title", "X", "orgUnitCode", UNIT, "type", "PELAKSANA", "grade", 5))
                .post("/api/v1/positions").then().statusCode(403);
    }

    @Test
    void aBackDatedRankDoesNotOverwriteTheLaterOne() {
        String nip = "198102022006041002";
        as("HR_OFFICER").body(EmployeeApiTest.employee(nip, "Rank History", "M", "1981-02-02", "PNS", null, UNIT))
                .post("/api/v1/employees").then().statusCode(201);
        as("HR_OFFICER").body(Map.of("rank", "III/c", "effectiveDate", "2022-04-01")).post("/api/v1/employees/" + nip + "/ranks")
                .then().statusCode(201).body("inForce", equalTo(true));
        as("HR_OFFICER").body(Map.of("rank", "III/b", "effectiveDate", "2018-04-01")).post("/api/v1/employees/" + nip + "/ranks")
                .then().statusCode(201).body("inForce", equalTo(false));
        as("ADMIN").get("/api/v1/employees/" + nip).then().body("rank", equalTo("III/c"));
        as("ADMIN").get("/api/v1/employees/" + nip + "/ranks").then().body("items.rank", contains("III/c", "III/b"))
                .body("items.inForce", contains(true, false));
        as("HR_OFFICER").body(Map.of("rank", "IX", "effectiveDate", "2023-04-01")).post("/api/v1/employees/" + nip + "/ranks")
                .then().statusCode(400).body("errors[0].field", equalTo("rank"));
    }

    @Test
    void placementsSetTheCurrentPositionFromTheDefinitiveOneInForce() {
        String nip = "198203032007031003";
        as("HR_OFFICER").body(EmployeeApiTest.employee(nip, "Placement History", "M", "1982-03-03", "PNS", "III/d", OTHER))
                .post("/api/v1/employees").then().statusCode(201);
        as("HR_OFFICER").body(Map.of("positionCode", "HIST-ANALIS", "effectiveDate", "2021-01-04"))
                .post("/api/v1/employees/" + nip + "/placements").then().statusCode(201).body("assignment", equalTo("DEFINITIF"));
        as("HR_OFFICER").body(Map.of("positionCode", "HIST-KABID", "effectiveDate", "2023-01-02", "assignment", "PLT"))
                .post("/api/v1/employees/" + nip + "/placements").then().statusCode(201).body("inForce", equalTo(false));
        as("ADMIN").get("/api/v1/employees/" + nip).then().body("positionCode", equalTo("HIST-ANALIS")).body("orgUnitCode", equalTo(UNIT));
        as("HR_OFFICER").body(Map.of("positionCode", "NOPE", "effectiveDate", "2023-01-02"))
                .post("/api/v1/employees/" + nip + "/placements").then().statusCode(400).body("errors[0].field", equalTo("positionCode"));
        as("INTEGRATOR").get("/api/v1/employees/" + nip + "/placements").then().statusCode(200).body("items", hasSize(2));
        as("ADMIN").get("/api/v1/employees?positionType=FUNGSIONAL&q=Placement History").then().statusCode(200)
                .body("items.nip", contains(nip));
        as("ADMIN").get("/api/v1/employees?positionType=ADMINISTRATOR&q=Placement History").then().body("total", equalTo(0));
        as("ADMIN").get("/api/v1/employees?positionType=KEPALA").then().statusCode(400).contentType("application/problem+json");
        as("INTEGRATOR").get("/api/v1/employees/" + nip + "/ranks").then().statusCode(403);
    }

    @Test
    void skpRatingsAreDerivedByTheMatrixAndOverriddenOnlyWithAReason() {
        int lastYear = LocalDate.now().getYear() - 1;
        as("HR_OFFICER").body(Map.of("year", lastYear, "period", "ANNUAL", "workResult", "ABOVE", "workBehaviour", "ABOVE"))
                .post("/api/v1/employees/" + NIP + "/performance-ratings").then().statusCode(201)
                .body("rating", equalTo("SANGAT_BAIK")).body("overridden", equalTo(false)).body("rater", equalTo("test-hr-officer"));
        as("HR_OFFICER").body(Map.of("year", lastYear, "period", "ANNUAL", "workResult", "ABOVE", "workBehaviour", "ABOVE"))
                .post("/api/v1/employees/" + NIP + "/performance-ratings").then().statusCode(409);
        // a UNIT_HEAD of the person's unit may rate, and override with a reason
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", "197001011995031001", "HIST-DINAS")).contentType(ContentType.JSON)
                .body(Map.of("year", lastYear, "period", "Q1", "workResult", "AS_EXPECTED", "workBehaviour", "AS_EXPECTED",
                        "rating", "SANGAT_BAIK"))
                .post("/api/v1/employees/" + NIP + "/performance-ratings").then().statusCode(400)
                .body("errors[0].field", equalTo("overrideReason"));
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", "197001011995031001", "HIST-DINAS")).contentType(ContentType.JSON)
                .body(Map.of("year", lastYear, "period", "Q1", "workResult", "AS_EXPECTED", "workBehaviour", "AS_EXPECTED",
                        "rating", "SANGAT_BAIK", "overrideReason", "led the licensing backlog clearance"))
                .post("/api/v1/employees/" + NIP + "/performance-ratings").then().statusCode(201)
                .body("derivedRating", equalTo("BAIK")).body("rating", equalTo("SANGAT_BAIK")).body("overridden", equalTo(true))
                .body("raterNip", equalTo("197001011995031001"));
        // not a UNIT_HEAD of another unit, not an ASSESSOR
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, OTHER)).contentType(ContentType.JSON)
                .body(Map.of("year", lastYear, "period", "Q2", "workResult", "BELOW", "workBehaviour", "BELOW"))
                .post("/api/v1/employees/" + NIP + "/performance-ratings").then().statusCode(404);
        as("ASSESSOR").body(Map.of("year", lastYear, "period", "Q2", "workResult", "BELOW", "workBehaviour", "BELOW"))
                .post("/api/v1/employees/" + NIP + "/performance-ratings").then().statusCode(403);
        as("HR_OFFICER").body(Map.of("year", lastYear, "period", "Q9", "workResult", "BELOW", "workBehaviour", "BELOW"))
                .post("/api/v1/employees/" + NIP + "/performance-ratings").then().statusCode(400).body("errors[0].field", equalTo("period"));
        given().auth().oauth2(TestInfra.token("EMPLOYEE", NIP, null)).get("/api/v1/employees/" + NIP + "/performance-ratings")
                .then().statusCode(200).body("items.period", hasItem("ANNUAL"));
    }

    @Test
    void disciplinaryRecordsAreReadableOnlyByAdminHrAndTheUnitHead() {
        as("HR_OFFICER").body(Map.of("level", "LIGHT", "decidedOn", "2024-05-06", "description", "teguran lisan"))
                .post("/api/v1/employees/" + NIP + "/disciplinary-records").then().statusCode(201).body("level", equalTo("LIGHT"));
        as("HR_OFFICER").body(Map.of("level", "HEAVY", "decidedOn", "2024-05-06"))
                .post("/api/v1/employees/" + NIP + "/disciplinary-records").then().statusCode(400).body("errors[0].field", equalTo("level"));
        as("ADMIN").get("/api/v1/employees/" + NIP + "/disciplinary-records").then().statusCode(200).body("items.description", hasItem("teguran lisan"));
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, "HIST-DINAS")).get("/api/v1/employees/" + NIP + "/disciplinary-records")
                .then().statusCode(200);
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, OTHER)).get("/api/v1/employees/" + NIP + "/disciplinary-records")
                .then().statusCode(404);
        as("INTEGRATOR").get("/api/v1/employees/" + NIP + "/disciplinary-records").then().statusCode(403);
        given().auth().oauth2(TestInfra.token("EMPLOYEE", NIP, null)).get("/api/v1/employees/" + NIP + "/disciplinary-records")
                .then().statusCode(403);
        as("UNIT_HEAD").body(Map.of("level", "LIGHT", "decidedOn", "2024-05-06"))
                .post("/api/v1/employees/" + NIP + "/disciplinary-records").then().statusCode(403);
    }
}
