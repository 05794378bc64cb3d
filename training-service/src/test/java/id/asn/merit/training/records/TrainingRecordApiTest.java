package id.asn.merit.training.records;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.training.testing.TrainingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.asn.merit.training.records.RecordApi.PATH;
import static id.asn.merit.training.records.RecordApi.TODAY;
import static id.asn.merit.training.records.RecordApi.as;
import static id.asn.merit.training.records.RecordApi.body;
import static id.asn.merit.training.records.RecordApi.create;
import static id.asn.merit.training.records.RecordApi.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** POST/GET/PATCH /api/v1/training-records and the verification, on the real PostgreSQL, with the role matrix. */
@QuarkusTest
class TrainingRecordApiTest {
    static final String RINA = "199001012015031901"; // in TRH1/TRH1-A
    static final String BUDI = "199001012015031902"; // in TRH1-B
    static final String UNKNOWN = "199001012015031903"; // not in the replica

    @Inject
    TrainingFixtures fixtures;
    @Inject
    jakarta.persistence.EntityManager em;

    @BeforeEach
    void world() {
        fixtures.unit("TRH1", null, "TRH1");
        fixtures.unit("TRH1-A", "TRH1", "TRH1/TRH1-A");
        fixtures.unit("TRH1-B", "TRH1", "TRH1/TRH1-B");
        fixtures.position("TRH1-A-PLK", "TRH1-A", "PELAKSANA", null);
        fixtures.employee(RINA, "Rina Wulandari", "TRH1-A-PLK", "PELAKSANA", "TRH1-A", "TRH1/TRH1-A");
        fixtures.employee(BUDI, "Budi Santoso", null, "PELAKSANA", "TRH1-B", "TRH1/TRH1-B");
    }

    static String cert() {
        return "C-" + UUID.randomUUID();
    }

    @Test
    void createAnswers201WithLocationAndTheRecord() {
        String certificate = cert();
        var response = as("HR_OFFICER").body(body(RINA, certificate, 8)).post(PATH).then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("nip", equalTo(RINA)).body("name", equalTo("Rina Wulandari")).body("title", equalTo("Pelatihan Teknis Pengadaan"))
                .body("methodCode", equalTo("KL03")).body("jp", equalTo(8)).body("year", equalTo(TODAY.getYear()))
                .body("certificateNumber", equalTo(certificate)).body("competencyCodes", equalTo(List.of("M.4")))
                .body("cost", equalTo(1500000)).body("status", equalTo("PENDING")).body("decidedBy", nullValue())
                .body("submittedBy", notNullValue()).body("source", equalTo("API")).body("version", equalTo(0))
                .body("recognisedJp", nullValue()).body("createdAt", notNullValue())
                .extract();
        String id = response.path("id");
        assertThat(response.header("Location"), endsWith(PATH + "/" + id));
        as("EMPLOYEE", RINA, null).get(PATH + "/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id)).body("certificateNumber", equalTo(certificate));
        as("ADMIN").get(PATH + "/audit?entity=training-record&id=" + id).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].action", equalTo("create"));
    }

    @Test
    void minutesAreConvertedAndAnUnknownNipIsAccepted() {
        Map<String, Object> b = with(body(UNKNOWN, cert(), 1), "jp", null, "durationMinutes", 90, "status", "VERIFIED");
        as("HR_OFFICER").body(b).post(PATH).then().statusCode(201)
                .body("jp", equalTo(2.0f)).body("durationMinutes", equalTo(90)).body("name", nullValue())
                .body("status", equalTo("VERIFIED")).body("decidedBy", notNullValue()).body("decidedAt", notNullValue())
                .body("recognisedJp", equalTo(2.0f));
    }

    @Test
    void aProgrammeFillsTheRecord() {
        fixtures.exec("""
                insert into training_program (code, title, method_code, organizer, jp, competency_codes, leadership_level)
                values ('TRH1-PKA', 'Pelatihan Kepemimpinan Administrator', 'KL01', 'LAN RI', 40, '{M.1,M.7}', 'PKA')
                on conflict (code) do nothing""");
        Map<String, Object> b = Map.of("nip", RINA, "programCode", "TRH1-PKA", "startDate", TODAY.toString(),
                "endDate", TODAY.toString(), "certificateNumber", cert(), "status", "VERIFIED");
        as("HR_OFFICER").body(b).post(PATH).then().statusCode(201)
                .body("programCode", equalTo("TRH1-PKA")).body("title", equalTo("Pelatihan Kepemimpinan Administrator"))
                .body("methodCode", equalTo("KL01")).body("organizer", equalTo("LAN RI")).body("jp", equalTo(40.0f))
                .body("competencyCodes", equalTo(List.of("M.1", "M.7"))).body("leadershipLevel", equalTo("PKA"))
                .body("recognisedJp", notNullValue());
        as("HR_OFFICER").body(with(body(RINA, cert(), 2), "programCode", "NO-SUCH")).post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("programCode"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        as("HR_OFFICER").body(with(body(RINA, cert(), 8), "methodCode", "ZZ99")).post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("methodCode"));
        as("HR_OFFICER").body(with(body(RINA, cert(), 8), "startDate", TODAY.toString(), "endDate", TODAY.minusDays(1).toString()))
                .post(PATH).then().statusCode(400).body("errors.field", hasItem("endDate"));
        as("HR_OFFICER").body(with(body(RINA, cert(), 8), "endDate", TODAY.plusDays(3).toString())).post(PATH).then()
                .statusCode(400).body("errors.field", hasItem("endDate"));
        as("HR_OFFICER").body(with(body(RINA, cert(), 8), "competencyCodes", List.of("M.4", "X.99"))).post(PATH).then()
                .statusCode(400).body("errors[0].field", equalTo("competencyCodes[1]"));
        as("HR_OFFICER").body(with(body(RINA, cert(), 8), "leadershipLevel", "PKA")).post(PATH).then()
                .statusCode(400).body("errors.field", hasItem("leadershipLevel"));
        as("HR_OFFICER").body(with(body(RINA, cert(), 8), "jp", "many")).post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("jp"));
        as("HR_OFFICER").body("{\"nip\": ").post(PATH).then().statusCode(400).contentType("application/problem+json");
        as("HR_OFFICER").body(with(body(RINA, cert(), 8), "status", "REJECTED")).post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as("HR_OFFICER").body(with(body(RINA, cert(), 8), "nip", null)).post(PATH).then().statusCode(400)
                .body("errors.field", hasItem("nip"));
    }

    @Test
    void verificationVerifiesOrRejectsOnceAndOnlyByOfficers() {
        String id = create(body(RINA, cert(), 6));
        as("EMPLOYEE", RINA, null).body(Map.of("decision", "VERIFIED")).post(PATH + "/" + id + "/verification").then().statusCode(403);
        as("UNIT_HEAD", null, "TRH1").body(Map.of("decision", "VERIFIED")).post(PATH + "/" + id + "/verification").then().statusCode(403);
        as("HR_OFFICER").body(Map.of("decision", "MAYBE")).post(PATH + "/" + id + "/verification").then().statusCode(400)
                .body("errors[0].field", equalTo("decision"));
        as("HR_OFFICER").body(Map.of("decision", "VERIFIED")).post(PATH + "/" + id + "/verification").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("VERIFIED")).body("decidedBy", notNullValue()).body("decidedAt", notNullValue())
                .body("recognisedJp", equalTo(6.0f)).body("version", equalTo(1));
        as("ADMIN").body(Map.of("decision", "REJECTED", "reason", "late")).post(PATH + "/" + id + "/verification").then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("already decided"));

        String other = create(body(RINA, cert(), 3));
        as("HR_OFFICER").body(Map.of("decision", "REJECTED")).post(PATH + "/" + other + "/verification").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as("HR_OFFICER").body(Map.of("decision", "REJECTED", "reason", "certificate not legible"))
                .post(PATH + "/" + other + "/verification").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decisionReason", equalTo("certificate not legible"))
                .body("recognisedJp", nullValue());
        as("HR_OFFICER").body(Map.of("decision", "VERIFIED")).post(PATH + "/" + UUID.randomUUID() + "/verification").then().statusCode(404);
        as("ADMIN").get(PATH + "/audit?entity=training-record&id=" + other).then().body("items[0].action", equalTo("reject"));
    }

    @Test
    void aPendingRecordIsCorrectedWithIfMatchAndNotAfterTheDecision() {
        String id = create(body(RINA, cert(), 4));
        as("HR_OFFICER").header("If-Match", "\"7\"").body(Map.of("jp", 5)).patch(PATH + "/" + id).then().statusCode(412)
                .contentType("application/problem+json");
        as("EMPLOYEE", RINA, null).header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .body("{\"jp\": 5, \"competencyCodes\": null, \"title\": \"Pelatihan Teknis Pengadaan Barang\"}")
                .patch(PATH + "/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("jp", equalTo(5)).body("competencyCodes", hasSize(0)).body("title", equalTo("Pelatihan Teknis Pengadaan Barang"))
                .body("version", equalTo(1)).body("certificateNumber", notNullValue());
        as("HR_OFFICER").header("If-Match", "\"1\"").body(Map.of("startDate", TODAY.plusDays(1).toString()))
                .patch(PATH + "/" + id).then().statusCode(400).body("errors.field", hasItem("startDate"));
        as("HR_OFFICER").body(Map.of("status", "VERIFIED")).patch(PATH + "/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as("HR_OFFICER").body(Map.of("jp", "five")).patch(PATH + "/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("jp"));
        as("EMPLOYEE", BUDI, null).body(Map.of("jp", 9)).patch(PATH + "/" + id).then().statusCode(404);
        as("INTEGRATOR").body(Map.of("jp", 9)).patch(PATH + "/" + id).then().statusCode(403);
        as("ADMIN").get(PATH + "/audit?entity=training-record&id=" + id).then().body("items[0].action", equalTo("update"))
                .body("items[0].before", notNullValue()).body("items[0].after", notNullValue());

        as("HR_OFFICER").body(Map.of("decision", "VERIFIED")).post(PATH + "/" + id + "/verification").then().statusCode(200);
        as("HR_OFFICER").header("If-Match", "\"2\"").body(Map.of("jp", 6)).patch(PATH + "/" + id).then().statusCode(409);
    }

    @Test
    void aDuplicateNamesTheExistingRecord() {
        String certificate = cert();
        String first = create(body(RINA, certificate, 4));
        as("HR_OFFICER").body(with(body(RINA, certificate, 5), "organizer", "bpsdm provinsi jawa barat")).post(PATH).then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(first)).body("detail", containsString(PATH + "/" + first))
                .body("errors[0].field", equalTo("certificateNumber"));
        // another person, or another organizer, is not a duplicate
        create(body(BUDI, certificate, 4));
        String third = create(with(body(RINA, certificate, 4), "organizer", "LAN RI"));
        // a correction onto the existing key is refused the same way
        as("HR_OFFICER").body(Map.of("organizer", "BPSDM PROVINSI JAWA BARAT")).patch(PATH + "/" + third).then().statusCode(409)
                .body("detail", containsString(first));
    }

    @Test
    void concurrentDuplicatesGiveOneRecordAndA409NamingIt() throws Exception {
        Map<String, Object> b = body(BUDI, cert(), 2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> as("HR_OFFICER").body(b).post(PATH).andReturn()));
            }
            List<io.restassured.response.Response> responses = new java.util.ArrayList<>();
            for (var a : answers) {
                responses.add(a.get());
            }
            List<io.restassured.response.Response> created = responses.stream().filter(r -> r.statusCode() == 201).toList();
            assertThat(created, hasSize(1));
            String id = created.get(0).path("id");
            for (var r : responses) {
                if (r.statusCode() != 201) {
                    assertThat(r.statusCode(), equalTo(409));
                    assertThat(r.<String>path("detail"), containsString(id));
                    assertThat(r.<String>path("errors[0].field"), equalTo("certificateNumber"));
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void movingTheEndDateIntoAnotherYearRefreshesBothYears() {
        String nip = "199001012015031904";
        fixtures.employee(nip, "Sari", null, "PELAKSANA", "TRH1-B", "TRH1/TRH1-B");
        int year = TODAY.getYear();
        String id = create(body(nip, cert(), 7));
        assertThat(claimed(nip, year), equalTo(7.0));
        java.time.LocalDate lastYear = java.time.LocalDate.of(year - 1, 12, 30);
        as("HR_OFFICER").header("If-Match", "\"0\"").body(Map.of("startDate", lastYear.toString(), "endDate", lastYear.plusDays(1).toString()))
                .patch(PATH + "/" + id).then().statusCode(200).body("year", equalTo(year - 1));
        assertThat(claimed(nip, year), equalTo(0.0));
        assertThat(claimed(nip, year - 1), equalTo(7.0));
    }

    double claimed(String nip, int year) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select claimed_jp from jp_person_year where nip = :n and year = :y")
                    .setParameter("n", nip).setParameter("y", year).getResultList();
            return rows.isEmpty() ? -1.0 : ((Number) rows.get(0)).doubleValue();
        });
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponse() {
        String key = "idem-" + UUID.randomUUID();
        Map<String, Object> b = body(RINA, cert(), 4);
        String id = as("HR_OFFICER").header("Idempotency-Key", key).body(b).post(PATH).then().statusCode(201).extract().path("id");
        as("HR_OFFICER").header("Idempotency-Key", key).body(b).post(PATH).then().statusCode(201)
                .header("Idempotent-Replayed", "true").header("Location", endsWith(id)).body("id", equalTo(id));
        as("HR_OFFICER").header("Idempotency-Key", key).body(with(b, "jp", 5)).post(PATH).then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        as("HR_OFFICER").get(PATH + "?nip=" + RINA + "&size=500").then().body("items.findAll { it.id == '" + id + "' }", hasSize(1));
    }

    @Test
    void anEmployeeSubmitsOnlyTheirOwnAndOnlyPending() {
        as("EMPLOYEE", RINA, null).body(body(RINA, cert(), 2)).post(PATH).then().statusCode(201)
                .body("status", equalTo("PENDING")).body("nip", equalTo(RINA));
        as("EMPLOYEE", RINA, null).body(body(BUDI, cert(), 2)).post(PATH).then().statusCode(403)
                .contentType("application/problem+json").body("errors[0].field", equalTo("nip"));
        as("EMPLOYEE", RINA, null).body(with(body(RINA, cert(), 2), "status", "VERIFIED")).post(PATH).then().statusCode(403)
                .body("errors[0].field", equalTo("status"));
        as("EMPLOYEE").body(body(RINA, cert(), 2)).post(PATH).then().statusCode(403); // no nip claim
        as("UNIT_HEAD", null, "TRH1").body(body(RINA, cert(), 2)).post(PATH).then().statusCode(403);
        as("INTEGRATOR").body(body(RINA, cert(), 2)).post(PATH).then().statusCode(403);
        as("ASSESSOR").body(body(RINA, cert(), 2)).post(PATH).then().statusCode(403);
    }

    @Test
    void anEmployeeReadsOnlyTheirOwn() {
        String budis = create(body(BUDI, cert(), 2));
        create(body(RINA, cert(), 2));
        as("EMPLOYEE", RINA, null).get(PATH + "/" + budis).then().statusCode(404).contentType("application/problem+json");
        as("EMPLOYEE", RINA, null).get(PATH + "?nip=" + BUDI).then().statusCode(404);
        as("EMPLOYEE", RINA, null).get(PATH + "?size=500").then().statusCode(200)
                .body("items.nip", everyItem(equalTo(RINA))).body("items", not(hasSize(0)));
    }

    @Test
    void anIntegratorGetsNoPersonalFields() {
        String id = create(body(RINA, cert(), 2));
        as("INTEGRATOR").get(PATH + "/" + id).then().statusCode(200)
                .body("nip", equalTo(RINA)).body("name", equalTo("Rina Wulandari"))
                .body("orgUnitCode", equalTo("TRH1-A")).body("positionCode", equalTo("TRH1-A-PLK"))
                .body("jp", equalTo(2.0f))
                .body("$", not(hasKey("certificateNumber"))).body("$", not(hasKey("cost")))
                .body("$", not(hasKey("decisionReason"))).body("$", not(hasKey("submittedBy")))
                .body("$", not(hasKey("durationMinutes"))).body("$", not(hasKey("decidedBy")));
        as("INTEGRATOR").get(PATH + "?nip=" + RINA).then().statusCode(200)
                .body("items[0]", not(hasKey("certificateNumber"))).body("items[0].orgUnitCode", equalTo("TRH1-A"));
    }

    @Test
    void aUnitHeadReadsTheirSubtreeOnly() {
        String rinas = create(body(RINA, cert(), 2));
        String budis = create(body(BUDI, cert(), 2));
        as("UNIT_HEAD", null, "TRH1-A").get(PATH + "/" + rinas).then().statusCode(200).body("certificateNumber", notNullValue());
        as("UNIT_HEAD", null, "TRH1-A").get(PATH + "/" + budis).then().statusCode(404);
        as("UNIT_HEAD", null, "TRH1-A").get(PATH + "?size=500").then().statusCode(200)
                .body("items.nip", everyItem(equalTo(RINA))).body("items.id", hasItem(rinas));
        as("UNIT_HEAD", null, "TRH1").get(PATH + "?size=500").then().statusCode(200)
                .body("items.id", hasItem(rinas)).body("items.id", hasItem(budis));
        as("UNIT_HEAD", null, "TRH1-A").get(PATH + "?nip=" + BUDI).then().statusCode(404);
    }

    @Test
    void listsFilterAndSortStably() {
        String older = create(with(body(BUDI, cert(), 1), "startDate", TODAY.minusDays(3).toString(), "endDate", TODAY.minusDays(2).toString()));
        String newer = create(body(BUDI, cert(), 1));
        as("HR_OFFICER").body(Map.of("decision", "VERIFIED")).post(PATH + "/" + newer + "/verification").then().statusCode(200);
        List<String> ids = as("HR_OFFICER").get(PATH + "?nip=" + BUDI + "&size=500").then().statusCode(200).extract().path("items.id");
        assertThat(ids.indexOf(newer) < ids.indexOf(older) && ids.indexOf(older) >= 0, equalTo(true));
        as("HR_OFFICER").get(PATH + "?nip=" + BUDI + "&status=VERIFIED&year=" + TODAY.getYear()).then().statusCode(200)
                .body("items.status", everyItem(equalTo("VERIFIED"))).body("items.id", hasItem(newer));
        as("HR_OFFICER").get(PATH + "?nip=" + BUDI + "&size=1&page=0").then().body("items", hasSize(1)).body("size", equalTo(1))
                .body("total", notNullValue());
        as("HR_OFFICER").get(PATH + "?status=DONE").then().statusCode(400).body("errors[0].field", equalTo("status"));
        as("HR_OFFICER").get(PATH + "?year=last").then().statusCode(400).body("errors[0].field", equalTo("year"));
        as("HR_OFFICER").get(PATH + "?nip=12").then().statusCode(400).body("errors[0].field", equalTo("nip"));
    }

    @Test
    void refusedCallers() {
        String id = create(body(RINA, cert(), 2));
        given().get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().get(PATH + "/" + id).then().statusCode(401);
        given().contentType("application/json").body(body(RINA, cert(), 2)).post(PATH).then().statusCode(401);
        as("ASSESSOR").get(PATH).then().statusCode(403);
        as("ASSESSOR").get(PATH + "/" + id).then().statusCode(403);
        as("ADMIN").get(PATH + "/not-a-uuid").then().statusCode(404);
        as("ADMIN").get(PATH + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token("ADMIN")).get(PATH + "/" + id).then().statusCode(200);
    }
}
