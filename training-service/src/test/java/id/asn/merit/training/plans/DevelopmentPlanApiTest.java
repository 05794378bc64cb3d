package id.asn.merit.training.plans;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.training.testing.TrainingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Development plans: create and validation, approval, revisions, the roles, through REST on the real PostgreSQL. */
@QuarkusTest
class DevelopmentPlanApiTest {
    static final String BASE = "/api/v1/development-plans";
    static final String N1 = "198801012026011001";
    static final String N2 = "198801012026011002";

    @Inject
    TrainingFixtures fixtures;

    @BeforeEach
    void units() {
        fixtures.unit("DPA-ROOT", null, "DPA-ROOT");
        fixtures.unit("DPA-A", "DPA-ROOT", "DPA-ROOT/DPA-A");
        fixtures.unit("DPA-A1", "DPA-A", "DPA-ROOT/DPA-A/DPA-A1");
        fixtures.unit("DPA-B", "DPA-ROOT", "DPA-ROOT/DPA-B");
        fixtures.employee(N1, "Ani Lestari", "DPA-POS", "PELAKSANA", "DPA-A", "DPA-ROOT/DPA-A");
        fixtures.employee(N2, "Budi Santoso", "DPA-POS", "PELAKSANA", "DPA-A1", "DPA-ROOT/DPA-A/DPA-A1");
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType("application/json");
    }

    static RequestSpecification head(String unit) {
        return given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, unit)).contentType("application/json");
    }

    static Map<String, Object> item(String competency, String method, List<String> nips, Object jp, Object budget, String from, String to) {
        return Map.of("competencyCode", competency, "methodCode", method, "targetNips", nips, "plannedJp", jp, "budget", budget,
                "schedule", Map.of("from", from, "to", to));
    }

    static Map<String, Object> plan(String unit, Object... items) {
        return Map.of("year", 2026, "orgUnitCode", unit, "title", "Rencana " + unit + " 2026", "items", List.of(items));
    }

    static String create(String unit, Object... items) {
        return as("HR_OFFICER").body(plan(unit, items)).post(BASE).then().statusCode(201).extract().path("id");
    }

    @Test
    void aPlanIsCreatedWithItemsAsDraftRevisionOne() {
        ValidatableResponse created = as("HR_OFFICER").body(plan("DPA-A",
                        item("M.3", "KL02", List.of(N2, N1), 20, 15_000_000, "2026-03-01", "2026-06-30"),
                        Map.of("competencyCode", "SK.1", "methodCode", "NKL01", "targetPositionCodes", List.of("DPA-POS"), "plannedJp", 10.5,
                                "schedule", Map.of("from", "2025-12-01", "to", "2026-01-31"))))
                .post(BASE).then().statusCode(201)
                .header("Location", containsString(BASE + "/")).header("ETag", equalTo("\"1\""))
                .body("status", equalTo("DRAFT")).body("revision", equalTo(1)).body("version", equalTo(1))
                .body("revisionOf", nullValue()).body("year", equalTo(2026)).body("orgUnitCode", equalTo("DPA-A"))
                .body("items", hasSize(2))
                .body("items[0].targetNips", contains(N1, N2)).body("items[0].budget", equalTo(15_000_000))
                .body("items[0].schedule.from", equalTo("2026-03-01")).body("items[0].generated", equalTo(false))
                .body("items[1].targetPositionCodes", contains("DPA-POS")).body("items[1].budget", equalTo(0))
                .body("items[1].plannedJp", equalTo(10.5f))
                .body("totals.items", equalTo(2)).body("totals.plannedJp", equalTo(30.5f)).body("totals.budget", equalTo(15_000_000));
        String id = created.extract().path("id");
        String location = created.extract().header("Location");
        given().auth().oauth2(TestInfra.token("INTEGRATOR")).get(location).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("id", equalTo(id)).body("items[1].competencyCode", equalTo("SK.1"));

        // one more item: 201 with its id, the plan's version moves on
        String itemId = as("ADMIN").header("If-Match", "\"1\"")
                .body(item("M.1", "KL03", List.of(N1), 8, 0, "2026-09-01", "2026-09-02"))
                .post(BASE + "/" + id + "/items").then().statusCode(201).header("ETag", equalTo("\"2\""))
                .header("Location", containsString("/items/")).body("id", notNullValue()).body("competencyCode", equalTo("M.1"))
                .extract().path("id");
        as("ADMIN").body(item("M.1", "KL03", List.of(N2), 12, 2_000_000, "2026-09-01", "2026-09-30"))
                .put(BASE + "/" + id + "/items/" + itemId).then().statusCode(200).header("ETag", equalTo("\"3\""))
                .body("targetNips", contains(N2)).body("budget", equalTo(2_000_000));
        as("ADMIN").get(BASE + "/" + id).then().body("items", hasSize(3)).body("items[2].plannedJp", equalTo(12.0f))
                .body("version", equalTo(3));
        as("ADMIN").delete(BASE + "/" + id + "/items/" + itemId).then().statusCode(204).header("ETag", equalTo("\"4\""));
        as("ADMIN").get(BASE + "/" + id).then().body("items", hasSize(2)).body("version", equalTo(4));
        as("ADMIN").delete(BASE + "/" + id + "/items/" + itemId).then().statusCode(404);
        as("ADMIN").delete(BASE + "/" + id + "/items/not-a-uuid").then().statusCode(404);

        // every change audited
        as("ADMIN").get("/api/v1/training-records/audit?entity=development-plan&id=" + id).then().statusCode(200)
                .body("items.action", hasItem("CREATE"));
        as("ADMIN").get("/api/v1/training-records/audit?entity=development-plan-item&id=" + itemId).then().statusCode(200)
                .body("items.action", contains("DELETE_ITEM", "UPDATE_ITEM", "ADD_ITEM"));
    }

    @Test
    void validationNamesTheItemAndTheField() {
        var good = item("M.3", "KL02", List.of(N1), 20, 0, "2026-03-01", "2026-06-30");
        as("HR_OFFICER").body(plan("DPA-A", good, item("M.3", "KL02", List.of(N1), 20, 0, "2026-06-01", "2026-05-01")))
                .post(BASE).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("items[1].schedule.to"));
        as("HR_OFFICER").body(plan("DPA-A", good, good, Map.of("competencyCode", "M.3", "methodCode", "KL02",
                        "targetNips", List.of(N1), "targetPositionCodes", List.of("DPA-POS"), "plannedJp", 0, "budget", 1.5,
                        "schedule", Map.of("from", "2027-01-01", "to", "2027-02-01"))))
                .post(BASE).then().statusCode(400)
                .body("errors.field", contains("items[2].targetPositionCodes", "items[2].plannedJp", "items[2].budget", "items[2].schedule.from"));
        as("HR_OFFICER").body(plan("DPA-A", Map.of("competencyCode", "M.3", "methodCode", "KL02", "plannedJp", 5,
                        "schedule", Map.of("from", "2026-01-01", "to", "2026-01-02"))))
                .post(BASE).then().statusCode(400).body("errors[0].field", equalTo("items[0].targetNips"));
        as("HR_OFFICER").body(plan("DPA-A", item("M.3", "KL02", List.of("12345"), 5, -1, "2026-01-01", "2026-01-02")))
                .post(BASE).then().statusCode(400).body("errors.field", contains("items[0].targetNips[0]", "items[0].budget"));
        as("HR_OFFICER").body(plan("DPA-A", item("M.3", "KL02", List.of(N1), 5, 0, "2026-01-01", "2026-13-02")))
                .post(BASE).then().statusCode(400).body("errors[0].field", equalTo("items[0].schedule.to"));
        as("HR_OFFICER").body(Map.of("orgUnitCode", "DPA-A")).post(BASE).then().statusCode(400)
                .body("errors.field", contains("year", "title"));
        // references: 422
        as("HR_OFFICER").body(plan("DPA-NOWHERE", good)).post(BASE).then().statusCode(422)
                .body("errors.field", contains("orgUnitCode"));
        as("HR_OFFICER").body(plan("DPA-A", good, item("X.99", "KL99", List.of(N1), 5, 0, "2026-01-01", "2026-01-02")))
                .post(BASE).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("items[1].competencyCode", "items[1].methodCode"));
        // a single item: no index
        String id = create("DPA-A");
        as("HR_OFFICER").body(item("M.3", "KL02", List.of(N1), 5, 0, "2026-02-01", "2026-01-01"))
                .post(BASE + "/" + id + "/items").then().statusCode(400).body("errors[0].field", equalTo("schedule.to"));
        as("HR_OFFICER").body(item("X.99", "KL02", List.of(N1), 5, 0, "2026-01-01", "2026-01-01"))
                .post(BASE + "/" + id + "/items").then().statusCode(422).body("errors[0].field", equalTo("competencyCode"));
        as("HR_OFFICER").body(item("M.3", "KL02", List.of(N1), 5, 0, "2026-01-01", "2026-01-01"))
                .post(BASE + "/" + UUID.randomUUID() + "/items").then().statusCode(404);
        // a unit known only from an employee of it
        fixtures.employee("198801012026011009", "Citra", "DPA-POS", "PELAKSANA", "DPA-ONLY-EMP", "DPA-ROOT/DPA-ONLY-EMP");
        as("HR_OFFICER").body(plan("DPA-ONLY-EMP")).post(BASE).then().statusCode(201).body("items", hasSize(0));
    }

    @Test
    void theIdempotencyKeyReplaysTheFirstCreation() {
        Map<String, Object> body = plan("DPA-B", item("M.2", "KL02", List.of(N1), 20, 0, "2026-03-01", "2026-06-30"));
        String key = "dp-" + UUID.randomUUID();
        String first = as("HR_OFFICER").header("Idempotency-Key", key).body(body).post(BASE).then().statusCode(201).extract().path("id");
        as("HR_OFFICER").header("Idempotency-Key", key).body(body).post(BASE).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as("HR_OFFICER").header("Idempotency-Key", key).body(plan("DPA-B")).post(BASE).then().statusCode(422);
    }

    @Test
    void anApprovedPlanIsReadOnlyAndARevisionIsANewVersion() {
        String id = create("DPA-A", item("M.3", "KL02", List.of(N1, N2), 20, 10_000_000, "2026-03-01", "2026-06-30"));
        String itemId = as("ADMIN").get(BASE + "/" + id).then().extract().path("items[0].id");
        // stale If-Match: 412, nothing changed
        as("HR_OFFICER").header("If-Match", "\"0\"").post(BASE + "/" + id + "/approval").then().statusCode(412)
                .contentType("application/problem+json");
        as("HR_OFFICER").header("If-Match", "\"7\"").body(item("M.3", "KL02", List.of(N1), 5, 0, "2026-01-01", "2026-01-02"))
                .post(BASE + "/" + id + "/items").then().statusCode(412);
        as("HR_OFFICER").header("If-Match", "\"7\"").delete(BASE + "/" + id + "/items/" + itemId).then().statusCode(412);
        as("HR_OFFICER").get(BASE + "/" + id).then().body("status", equalTo("DRAFT")).body("version", equalTo(1));

        as("HR_OFFICER").header("If-Match", "\"1\"").post(BASE + "/" + id + "/approval").then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("status", equalTo("APPROVED"))
                .body("approvedBy", notNullValue()).body("approvedAt", notNullValue()).body("items", hasSize(1));

        // read-only: 409 saying so
        as("HR_OFFICER").body(item("M.3", "KL02", List.of(N1), 5, 0, "2026-01-01", "2026-01-02"))
                .post(BASE + "/" + id + "/items").then().statusCode(409).body("detail", containsString("APPROVED"))
                .body("detail", containsString("revision"));
        as("HR_OFFICER").body(item("M.3", "KL02", List.of(N1), 5, 0, "2026-01-01", "2026-01-02"))
                .put(BASE + "/" + id + "/items/" + itemId).then().statusCode(409);
        as("HR_OFFICER").delete(BASE + "/" + id + "/items/" + itemId).then().statusCode(409);
        as("HR_OFFICER").post(BASE + "/" + id + "/approval").then().statusCode(409);
        as("HR_OFFICER").post(BASE + "/" + id + "/items:generate").then().statusCode(409);

        // a revision: new DRAFT, revision 2, items copied; the old stays APPROVED and readable
        ValidatableResponse revision = as("ADMIN").post(BASE + "/" + id + "/revisions").then().statusCode(201)
                .header("Location", containsString(BASE + "/"))
                .body("status", equalTo("DRAFT")).body("revision", equalTo(2)).body("revisionOf", equalTo(id))
                .body("version", equalTo(1)).body("items", hasSize(1)).body("items[0].competencyCode", equalTo("M.3"))
                .body("items[0].budget", equalTo(10_000_000)).body("items[0].id", not(equalTo(itemId)));
        String rev = revision.extract().path("id");
        assertNotEquals(id, rev);
        as("ADMIN").get(BASE + "/" + id).then().body("status", equalTo("APPROVED")).body("revisedBy", equalTo(rev));
        as("ADMIN").post(BASE + "/" + id + "/revisions").then().statusCode(409).body("detail", containsString(rev));
        as("ADMIN").post(BASE + "/" + rev + "/revisions").then().statusCode(409);
        // the revision is edited and approved: the old one is SUPERSEDED
        as("ADMIN").body(item("SK.1", "KL05", List.of(N2), 10, 0, "2026-07-01", "2026-07-05"))
                .post(BASE + "/" + rev + "/items").then().statusCode(201);
        as("ADMIN").header("If-Match", "\"2\"").post(BASE + "/" + rev + "/approval").then().statusCode(200).body("items", hasSize(2));
        as("ADMIN").get(BASE + "/" + id).then().body("status", equalTo("SUPERSEDED")).body("items", hasSize(1));
        as("ADMIN").get(BASE + "?orgUnit=DPA-A&year=2026&status=SUPERSEDED&size=500").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.id", not(hasItem(rev)));
        as("ADMIN").get("/api/v1/training-records/audit?entity=development-plan&id=" + id).then()
                .body("items.action", contains("SUPERSEDE", "APPROVE", "CREATE"));
    }

    @Test
    void rolesAndScope() {
        String inA1 = create("DPA-A1");
        String inB = create("DPA-B");
        String root = create("DPA-ROOT");
        // UNIT_HEAD of DPA-A: plans of units in the subtree only, the others as if absent
        head("DPA-A").get(BASE + "/" + inA1).then().statusCode(200);
        head("DPA-A").get(BASE + "/" + inA1 + "/realisation").then().statusCode(200);
        head("DPA-A").get(BASE + "/" + inB).then().statusCode(404);
        head("DPA-A").get(BASE + "/" + root + "/realisation").then().statusCode(404);
        List<String> seen = head("DPA-A").get(BASE + "?size=500").then().statusCode(200).extract().path("items.orgUnitCode");
        assertEquals(true, seen.contains("DPA-A1"));
        assertEquals(false, seen.contains("DPA-B") || seen.contains("DPA-ROOT"));
        head("DPA-A").body(plan("DPA-A")).post(BASE).then().statusCode(403);
        head("DPA-A").post(BASE + "/" + inA1 + "/approval").then().statusCode(403);
        head("DPA-UNKNOWN").get(BASE).then().statusCode(403);
        // INTEGRATOR reads, never writes
        as("INTEGRATOR").get(BASE + "/" + inB).then().statusCode(200);
        as("INTEGRATOR").get(BASE + "/" + inB + "/realisation").then().statusCode(200);
        as("INTEGRATOR").get(BASE + "?orgUnit=DPA-B").then().statusCode(200).body("items.id", hasItem(inB));
        as("INTEGRATOR").body(plan("DPA-B")).post(BASE).then().statusCode(403);
        as("INTEGRATOR").post(BASE + "/" + inB + "/revisions").then().statusCode(403);
        as("INTEGRATOR").post(BASE + "/" + inB + "/items:generate").then().statusCode(403);
        // EMPLOYEE and ASSESSOR: nothing
        for (String role : List.of("EMPLOYEE", "ASSESSOR")) {
            as(role).get(BASE).then().statusCode(403);
            as(role).get(BASE + "/" + inB).then().statusCode(403);
            as(role).get(BASE + "/" + inB + "/realisation").then().statusCode(403);
            as(role).body(plan("DPA-B")).post(BASE).then().statusCode(403);
            as(role).body(item("M.3", "KL02", List.of(N1), 5, 0, "2026-01-01", "2026-01-02")).post(BASE + "/" + inB + "/items").then().statusCode(403);
            as(role).post(BASE + "/" + inB + "/approval").then().statusCode(403);
        }
        // no token
        given().get(BASE).then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body(plan("DPA-B")).post(BASE).then().statusCode(401);
        given().post(BASE + "/" + inB + "/items:generate").then().statusCode(401);
        // ADMIN and HR_OFFICER everything; bad parameters named
        as("ADMIN").get(BASE + "/" + root).then().statusCode(200);
        as("HR_OFFICER").get(BASE + "?year=last").then().statusCode(400).body("errors[0].field", equalTo("year"));
        as("HR_OFFICER").get(BASE + "?status=OPEN").then().statusCode(400).body("errors[0].field", equalTo("status"));
        as("HR_OFFICER").get(BASE + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }
}
