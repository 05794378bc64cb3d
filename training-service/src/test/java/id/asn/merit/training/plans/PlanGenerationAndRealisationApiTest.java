package id.asn.merit.training.plans;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.training.testing.TrainingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** items:generate on a small unit from the gap replica, and the realisation of a plan by verified records. */
@QuarkusTest
class PlanGenerationAndRealisationApiTest {
    static final String BASE = "/api/v1/development-plans";

    @Inject
    TrainingFixtures fixtures;

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType("application/json");
    }

    static String nip(int n) {
        return "19870202202601" + String.format("%04d", n);
    }

    @Test
    void itemsAreGeneratedFromTheGapsOfTheUnitSubtree() {
        fixtures.unit("DPG", null, "DPG");
        fixtures.unit("DPG-A", "DPG", "DPG/DPG-A");
        fixtures.unit("DPG-A1", "DPG-A", "DPG/DPG-A/DPG-A1");
        fixtures.unit("DPG-B", "DPG", "DPG/DPG-B");
        for (int i = 1; i <= 5; i++) {
            fixtures.employee(nip(i), "Person " + i, "DPG-POS", "PELAKSANA", i <= 3 ? "DPG-A" : "DPG-A1",
                    i <= 3 ? "DPG/DPG-A" : "DPG/DPG-A/DPG-A1");
        }
        fixtures.employee(nip(6), "Outside", "DPG-POS", "PELAKSANA", "DPG-B", "DPG/DPG-B");
        fixtures.employee(nip(7), "Retired", "PNS", "RETIRED", "DPG-POS", "PELAKSANA", "DPG-A", "DPG/DPG-A");
        fixtures.gap(nip(1), "DPG-POS", "M.3", 3, new BigDecimal("2"), "PENTING");     // shortfall 1: nonklasikal
        fixtures.gap(nip(2), "DPG-POS", "M.3", 3, new BigDecimal("2"), "PENTING");
        fixtures.gap(nip(3), "DPG-POS", "M.3", 4, new BigDecimal("2"), "MUTLAK");      // shortfall 2: klasikal
        fixtures.gap(nip(4), "DPG-POS", "M.3", 3, new BigDecimal("3"), "PENTING");     // meets the standard
        fixtures.gap(nip(5), "DPG-POS", "M.3", 3, null, "PENTING");                    // not assessed: shortfall 3
        fixtures.gap(nip(1), "DPG-POS", "SK.1", 3, new BigDecimal("1"), "PENTING");
        fixtures.gap(nip(4), "DPG-POS", "SK.1", 2, new BigDecimal("1.5"), "PERLU");
        fixtures.gap(nip(6), "DPG-POS", "M.3", 3, new BigDecimal("1"), "PENTING");     // outside the subtree
        fixtures.gap(nip(7), "DPG-POS", "M.3", 3, new BigDecimal("1"), "PENTING");     // not active

        String id = as("HR_OFFICER").body(Map.of("year", 2026, "orgUnitCode", "DPG-A", "title", "Rencana DPG-A",
                        "items", List.of(Map.of("competencyCode", "M.1", "methodCode", "KL03", "targetNips", List.of(nip(1)),
                                "plannedJp", 4, "budget", 1_000_000, "schedule", Map.of("from", "2026-02-01", "to", "2026-02-02")))))
                .post(BASE).then().statusCode(201).extract().path("id");

        // the colon as a client sends it
        as("HR_OFFICER").urlEncodingEnabled(false).header("If-Match", "\"1\"").post(BASE + "/" + id + "/items:generate")
                .then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("planId", equalTo(id)).body("generated", equalTo(4)).body("replaced", equalTo(0))
                .body("items.competencyCode", contains("M.3", "M.3", "SK.1", "SK.1"))
                .body("items.methodCode", contains("KL02", "NKL01", "KL05", "NKL01"))
                .body("items[0].targetNips", contains(nip(3), nip(5)))
                .body("items[1].targetNips", contains(nip(1), nip(2)))
                .body("items[2].targetNips", contains(nip(1)))
                .body("items[3].targetNips", contains(nip(4)))
                .body("items.plannedJp", contains(20.0f, 10.0f, 20.0f, 10.0f))
                .body("items.budget", contains(0, 0, 0, 0))
                .body("items[0].schedule.from", equalTo("2026-01-01")).body("items[0].schedule.to", equalTo("2026-12-31"))
                .body("items.generated", contains(true, true, true, true))
                .body("items.reason", contains(
                        "1 person below standard in M.3 by 2.0 on average, and 1 person not assessed",
                        "2 people below standard in M.3 by 1.0 on average",
                        "1 person below standard in SK.1 by 2.0 on average",
                        "1 person below standard in SK.1 by 0.5 on average"));
        as("ADMIN").get(BASE + "/" + id).then().body("items", hasSize(5)).body("items[0].generated", equalTo(false))
                .body("items[0].competencyCode", equalTo("M.1")).body("version", equalTo(2));

        // percent-encoded, after a gap closed: the generated items are replaced, the planner's stays
        fixtures.gap(nip(4), "DPG-POS", "SK.1", 2, new BigDecimal("2"), "PERLU");
        as("ADMIN").urlEncodingEnabled(false).post(BASE + "/" + id + "/items%3Agenerate").then().statusCode(200)
                .body("generated", equalTo(3)).body("replaced", equalTo(4))
                .body("items.competencyCode", contains("M.3", "M.3", "SK.1"));
        // REST Assured's own encoding too
        as("ADMIN").header("If-Match", "\"1\"").post(BASE + "/" + id + "/items:generate").then().statusCode(412);
        as("ADMIN").get(BASE + "/" + id).then().body("items", hasSize(4)).body("totals.plannedJp", equalTo(54.0f));
        as("ADMIN").post(BASE + "/" + UUID.randomUUID() + "/items:generate").then().statusCode(404);
        as("ADMIN").get("/api/v1/training-records/audit?entity=development-plan-item&size=500").then().statusCode(200);
    }

    @Test
    void theRealisationMatchesVerifiedRecordsToItems() {
        fixtures.unit("DPR", null, "DPR");
        String r1 = nip(11), r2 = nip(12), r3 = nip(13), r4 = nip(14);
        fixtures.employee(r1, "Rina", "DPR-STAFF", "PELAKSANA", "DPR", "DPR");
        fixtures.employee(r2, "Sari", "DPR-STAFF", "PELAKSANA", "DPR", "DPR");
        fixtures.employee(r3, "Tono", "DPR-KASI", "PENGAWAS", "DPR", "DPR");
        fixtures.employee(r4, "Umar", "DPR-STAFF", "PELAKSANA", "DPR", "DPR");
        LocalDate apr1 = LocalDate.of(2025, 4, 1);
        UUID rec1 = fixtures.record(r1, "KL02", apr1, apr1.plusDays(1), "16", "VERIFIED", List.of("M.3"), null, 3_000_000L);
        UUID rec2 = fixtures.record(r1, "KL02", LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 2), "6", "VERIFIED", List.of("M.3"), null, null);
        fixtures.record(r2, "KL05", apr1, apr1, "8", "VERIFIED", List.of("SK.1"), null, 900_000L);            // wrong competency
        fixtures.record(r2, "KL02", apr1, apr1, "8", "PENDING", List.of("M.3"), null, 900_000L);             // not verified
        fixtures.record(r4, "KL02", apr1, apr1, "8", "VERIFIED", List.of("M.3"), null, 900_000L);            // not targeted
        fixtures.record(r1, "KL02", LocalDate.of(2025, 2, 27), LocalDate.of(2025, 3, 2), "8", "VERIFIED", List.of("M.3"), null, 900_000L); // starts before
        UUID rec6 = fixtures.record(r3, "NKL02", LocalDate.of(2025, 5, 5), LocalDate.of(2025, 5, 5), "5", "VERIFIED",
                List.of("SK.1", "M.3"), null, 500_000L);                                                      // mentoring: 2 JP recognised
        UUID rec7 = fixtures.record(r1, "KL03", LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 1), "4", "VERIFIED",
                List.of("SK.1", "M.3"), null, 1_000_000L);

        String id = as("HR_OFFICER").body(Map.of("year", 2025, "orgUnitCode", "DPR", "title", "Rencana DPR 2025", "items", List.of(
                        Map.of("competencyCode", "M.3", "methodCode", "KL02", "targetNips", List.of(r2, r1), "plannedJp", 20,
                                "budget", 10_000_000, "schedule", Map.of("from", "2025-03-01", "to", "2025-06-30")),
                        Map.of("competencyCode", "SK.1", "methodCode", "NKL02", "targetPositionCodes", List.of("DPR-KASI"), "plannedJp", 10,
                                "budget", 5_000_000, "schedule", Map.of("from", "2025-01-01", "to", "2025-12-31")),
                        Map.of("competencyCode", "M.3", "methodCode", "KL02", "targetNips", List.of(r1), "plannedJp", 5,
                                "budget", 0, "schedule", Map.of("from", "2025-03-01", "to", "2025-12-31")))))
                .post(BASE).then().statusCode(201).extract().path("id");

        as("INTEGRATOR").get(BASE + "/" + id + "/realisation").then().statusCode(200)
                .body("planId", equalTo(id)).body("items", hasSize(3))
                // M.3 for r1 and r2 from March to June: rec1 and rec7 of r1; r2 not reached
                .body("items[0].plannedJp", equalTo(20.0f)).body("items[0].realisedJp", equalTo(20.0f))
                .body("items[0].budget", equalTo(10_000_000)).body("items[0].spent", equalTo(4_000_000))
                .body("items[0].peopleTargeted", equalTo(2)).body("items[0].peopleReached", equalTo(1))
                .body("items[0].notReached.nip", contains(r2)).body("items[0].notReached.name", contains("Sari"))
                .body("items[0].records.id", contains(rec1.toString(), rec7.toString()))
                .body("items[0].records.cost", contains(3_000_000, 1_000_000))
                // SK.1 for the holders of DPR-KASI: rec6, 5 JP claimed, 2 recognised (mentoring's cap)
                .body("items[1].peopleTargeted", equalTo(1)).body("items[1].peopleReached", equalTo(1))
                .body("items[1].realisedJp", equalTo(2.0f)).body("items[1].spent", equalTo(500_000))
                .body("items[1].records.id", contains(rec6.toString())).body("items[1].records[0].jp", equalTo(2.0f))
                .body("items[1].records[0].claimedJp", equalTo(5.0f)).body("items[1].notReached", empty())
                // M.3 for r1 the rest of the year: rec1, rec7 again (a record counts for each item) and rec2 (no cost)
                .body("items[2].records.id", contains(rec1.toString(), rec7.toString(), rec2.toString()))
                .body("items[2].realisedJp", equalTo(26.0f)).body("items[2].spent", equalTo(4_000_000))
                // totals: each record and person once
                .body("totals.plannedJp", equalTo(35.0f)).body("totals.realisedJp", equalTo(28.0f))
                .body("totals.budget", equalTo(15_000_000)).body("totals.spent", equalTo(4_500_000))
                .body("totals.peopleTargeted", equalTo(3)).body("totals.peopleReached", equalTo(2))
                .body("totals.percentReached", equalTo(66.67f));

        // a plan with no items realises nothing
        String empty = as("HR_OFFICER").body(Map.of("year", 2025, "orgUnitCode", "DPR", "title", "Kosong")).post(BASE)
                .then().statusCode(201).extract().path("id");
        as("HR_OFFICER").get(BASE + "/" + empty + "/realisation").then().statusCode(200).body("items", empty())
                .body("totals.peopleTargeted", equalTo(0)).body("totals.percentReached", equalTo(0.0f))
                .body("totals.realisedJp", equalTo(0));
        as("HR_OFFICER").get(BASE + "/" + UUID.randomUUID() + "/realisation").then().statusCode(404);
    }
}
