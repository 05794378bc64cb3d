package id.asn.merit.merit.promotion;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.merit.promotion.CompetencyServiceDouble.Mode;
import id.asn.merit.merit.testing.MeritFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/v1/promotion-rankings} against the read model (fixtures) and a stand-in competency-service: who is a
 * candidate, each blocker with its evidence, the order, the waiver, storing as decided, a competency-service that
 * cannot answer (503, nothing stored) and answers again, roles and bad input.
 */
@QuarkusTest
class PromotionRankingApiTest {
    static final String PATH = "/api/v1/promotion-rankings";
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();
    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    static final String ROOT = "PRK" + SUFFIX;
    static final String UNIT = ROOT + "-BID";
    static final String OTHER = "PRO" + SUFFIX;
    static final String TARGET = "ADM-KABID-" + SUFFIX;
    static final String STAFF_POSITION = "JF-ANALIS-" + SUFFIX;
    static final LocalDate BORN = LocalDate.of(1985, 3, 30);

    static final String A = MeritFixtures.nip(BORN, "F");
    static final String B = MeritFixtures.nip(BORN, "M");
    static final String DISCIPLINED = MeritFixtures.nip(BORN, "M");
    static final String LOW_SKP = MeritFixtures.nip(BORN, "F");
    static final String LOW_JP = MeritFixtures.nip(BORN, "M");
    static final String LOW_RANK = MeritFixtures.nip(BORN, "F");
    static final String NO_LEADERSHIP = MeritFixtures.nip(BORN, "M");
    static final String HOLDER = MeritFixtures.nip(BORN, "F");
    static final String RETIRED = MeritFixtures.nip(BORN, "M");
    static final String ELSEWHERE = MeritFixtures.nip(BORN, "F");
    static boolean seeded;

    @Inject
    MeritFixtures fixtures;

    @BeforeEach
    void seed() {
        CompetencyServiceDouble.mode(Mode.OK);
        if (seeded) {
            return;
        }
        fixtures.unit(ROOT, null, ROOT);
        fixtures.unit(UNIT, ROOT, ROOT + "/" + UNIT);
        fixtures.unit(OTHER, null, OTHER);
        fixtures.position(TARGET, UNIT, "ADMINISTRATOR", "III/c", "S1", null);
        fixtures.position(STAFF_POSITION, UNIT, "FUNGSIONAL", "III/a", "S1", null);
        String path = ROOT + "/" + UNIT;
        candidate(A, "Ani", "III/d", LocalDate.of(2019, 4, 1), path, 80.0);
        candidate(B, "Bayu", "III/d", LocalDate.of(2021, 4, 1), path, 80.0);
        candidate(DISCIPLINED, "Dedi", "III/d", LocalDate.of(2019, 4, 1), path, 90.0);
        fixtures.discipline(DISCIPLINED, "MODERATE", LocalDate.of(YEAR - 1, 1, 15));
        candidate(LOW_SKP, "Sari", "III/d", LocalDate.of(2019, 4, 1), path, 85.0);
        fixtures.skp(LOW_SKP, YEAR - 1, "BUTUH_PERBAIKAN");
        candidate(LOW_JP, "Joko", "III/d", LocalDate.of(2019, 4, 1), path, 70.0);
        fixtures.jp(LOW_JP, YEAR, 12, 20);
        candidate(LOW_RANK, "Rina", "III/b", LocalDate.of(2019, 4, 1), path, 60.0);
        fixtures.employee(NO_LEADERSHIP, "Lukas", "M", BORN, "III/d", LocalDate.of(2019, 4, 1), "S1", STAFF_POSITION, "FUNGSIONAL", UNIT, path);
        goodRecord(NO_LEADERSHIP, 95.0);
        candidate(HOLDER, "Hana", "IV/a", LocalDate.of(2018, 4, 1), path, 99.0);
        fixtures.employee(HOLDER, "Hana", "F", BORN, "IV/a", LocalDate.of(2018, 4, 1), "S1", TARGET, "ADMINISTRATOR", UNIT, path);
        candidate(RETIRED, "Rudi", "III/d", LocalDate.of(2019, 4, 1), path, 99.0);
        fixtures.status(RETIRED, "RETIRED");
        candidate(ELSEWHERE, "Eka", "III/d", LocalDate.of(2019, 4, 1), OTHER, 99.0);
        fixtures.exec("update employee_replica set org_unit_code = ? where nip = ?", OTHER, ELSEWHERE);
        CompetencyServiceDouble.jpm(A, 86.67);
        CompetencyServiceDouble.jpm(B, 62.5);
        seeded = true;
    }

    @AfterEach
    void up() {
        CompetencyServiceDouble.mode(Mode.OK);
    }

    /** An ACTIVE PNS in a staff post with PKA, BAIK SKP in both years, JP met and a merit score. */
    void candidate(String nip, String name, String rank, LocalDate rankSince, String path, double meritScore) {
        String unit = path.substring(path.lastIndexOf('/') + 1);
        fixtures.employee(nip, name, "F", BORN, rank, rankSince, "S1", STAFF_POSITION, "FUNGSIONAL", unit, path);
        goodRecord(nip, meritScore);
        fixtures.verifiedTraining(nip, YEAR - 3, 40, "PKA");
    }

    void goodRecord(String nip, double meritScore) {
        fixtures.skp(nip, YEAR, "BAIK");
        fixtures.skp(nip, YEAR - 1, "SANGAT_BAIK");
        fixtures.jp(nip, YEAR, 24, 20);
        fixtures.profile(nip, YEAR, 8, meritScore, true, "F", BORN, UNIT, ROOT + "/" + UNIT);
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    static Map<String, Object> request(boolean waive) {
        Map<String, Object> body = new HashMap<>();
        body.put("targetPositionCode", TARGET);
        body.put("orgUnit", ROOT);
        body.put("year", YEAR);
        body.put("waiveLeadershipTraining", waive);
        return body;
    }

    /** POST until the breaker (500 ms in tests) lets calls through again after a test made it open. */
    static Response create(String role, Map<String, Object> body) {
        Response r = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            r = as(role).body(body).post(PATH);
            if (r.statusCode() != 503) {
                return r;
            }
            sleep(250);
        }
        return r;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, Object> candidate(JsonPath ranking, String nip) {
        List<Map<String, Object>> candidates = ranking.getList("candidates");
        return candidates.stream().filter(c -> nip.equals(c.get("nip"))).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> blockers(JsonPath ranking, String nip) {
        return (List<Map<String, Object>>) candidate(ranking, nip).get("blockers");
    }

    @Test
    void ranksEveryCandidateInScopeWithTheirBlockersAndStoresItAsDecided() {
        String token = TestInfra.token("HR_OFFICER");
        Response created = given().auth().oauth2(token).contentType(ContentType.JSON).body(request(false)).post(PATH);
        created.then().statusCode(201).header("Location", containsString(PATH + "/"));
        JsonPath ranking = created.jsonPath();
        assertEquals("Bearer " + token, CompetencyServiceDouble.lastAuthorization(), "the caller's token is passed on");

        List<String> order = ranking.getList("candidates.nip");
        assertEquals(List.of(A, B, NO_LEADERSHIP, DISCIPLINED, LOW_SKP, LOW_JP, LOW_RANK), order,
                "eligible first (equal merit: longer in rank first), then the blocked by merit score; holder, retired and out of scope left out");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), ranking.getList("candidates.rank"));
        assertEquals(List.of(true, true, false, false, false, false, false), ranking.getList("candidates.eligible"));
        assertEquals(TARGET, ranking.getString("targetPositionCode"));
        assertEquals("ADMINISTRATOR", ranking.getString("targetPositionType"));
        assertEquals("Jabatan " + TARGET, ranking.getString("targetPositionTitle"));
        assertEquals(ROOT, ranking.getString("orgUnitCode"));
        assertTrue(ranking.getBoolean("subtree"));
        assertEquals(YEAR, ranking.getInt("year"));
        assertEquals(3, ranking.getInt("competencyStandardVersion"));
        assertTrue(ranking.getInt("policyVersion") >= 1);

        Map<String, Object> a = candidate(ranking, A);
        assertEquals(86.67, ((Number) a.get("jpmForTarget")).doubleValue(), 1e-4);
        assertEquals("MEMENUHI_SYARAT", a.get("jpmCategory"));
        assertEquals(80.0, ((Number) a.get("meritScore")).doubleValue(), 1e-4);
        assertEquals("2019-04-01", a.get("rankSince"));
        assertEquals(List.of(), a.get("blockers"));
        assertEquals(62.5, ((Number) candidate(ranking, B).get("jpmForTarget")).doubleValue(), 1e-4);

        assertEquals(List.of(Map.of("rule", "DISCIPLINE", "waivable", false, "waived", false,
                "evidence", "MODERATE discipline decided " + LocalDate.of(YEAR - 1, 1, 15) + ", within 2 years of " + ranking.getString("asOf"))),
                blockers(ranking, DISCIPLINED));
        assertEquals(List.of(Map.of("rule", "SKP_BELOW_MINIMUM", "waivable", false, "waived", false,
                "evidence", "annual SKP " + (YEAR - 1) + " is BUTUH_PERBAIKAN, below BAIK")), blockers(ranking, LOW_SKP));
        assertEquals(List.of(Map.of("rule", "JP_NOT_MET", "waivable", false, "waived", false,
                "evidence", "JP " + YEAR + ": 12 of 20 recognised")), blockers(ranking, LOW_JP));
        assertEquals(List.of(Map.of("rule", "RANK_BELOW_MINIMUM", "waivable", false, "waived", false,
                "evidence", "rank III/b is below the minimum III/c of " + TARGET)), blockers(ranking, LOW_RANK));
        assertEquals(List.of(Map.of("rule", "LEADERSHIP_TRAINING_MISSING", "waivable", true, "waived", false,
                "evidence", "no verified PKA training, required for a ADMINISTRATOR position")), blockers(ranking, NO_LEADERSHIP));

        String id = ranking.getString("id");
        Response read = as("ADMIN").get(created.header("Location").replaceFirst("^https?://[^/]+", ""));
        read.then().statusCode(200);
        assertEquals(ranking.getMap(""), read.jsonPath().getMap(""), "GET returns the ranking exactly as decided");

        as("ADMIN").queryParam("targetPositionCode", TARGET).queryParam("year", YEAR).get(PATH).then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.find { it.id == '" + id + "' }.candidates", equalTo(7))
                .body("items.find { it.id == '" + id + "' }.eligible", equalTo(2))
                .body("page", equalTo(0)).body("total", notNullValue());
    }

    @Test
    void aWaivedLeadershipTrainingMakesTheCandidateEligibleAndSaysSo() {
        JsonPath ranking = create("ADMIN", request(true)).then().statusCode(201).extract().jsonPath();
        assertTrue(ranking.getBoolean("waiveLeadershipTraining"));
        assertEquals(List.of(NO_LEADERSHIP, A, B), ranking.getList("candidates.nip").subList(0, 3));
        assertEquals(true, candidate(ranking, NO_LEADERSHIP).get("eligible"));
        assertEquals(1, candidate(ranking, NO_LEADERSHIP).get("rank"));
        assertEquals(List.of(Map.of("rule", "LEADERSHIP_TRAINING_MISSING", "waivable", true, "waived", true,
                "evidence", "no verified PKA training, required for a ADMINISTRATOR position (waived for this ranking)")),
                blockers(ranking, NO_LEADERSHIP));
    }

    @Test
    void theUnitAloneWithoutItsSubtree() {
        Map<String, Object> body = request(false);
        body.put("orgUnit", UNIT);
        body.put("subtree", false);
        JsonPath ranking = create("HR_OFFICER", body).then().statusCode(201).extract().jsonPath();
        assertEquals(7, ranking.getList("candidates").size());
        body.put("orgUnit", ROOT);
        assertEquals(0, create("HR_OFFICER", body).then().statusCode(201).extract().jsonPath().getList("candidates").size(),
                "nobody sits in the root unit itself");
    }

    @Test
    void competencyServiceDownIsA503AndNothingIsStoredUntilItIsBack() {
        int before = stored();
        CompetencyServiceDouble.mode(Mode.DOWN);
        as("HR_OFFICER").body(request(false)).post(PATH).then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503))
                .body("detail", containsString("competency-service"))
                .body("detail", containsString("the promotion ranking was not made"));
        CompetencyServiceDouble.mode(Mode.ERROR);
        as("HR_OFFICER").body(request(false)).post(PATH).then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("competency-service"));
        assertEquals(before, stored(), "a failed ranking stores nothing");

        CompetencyServiceDouble.mode(Mode.OK);
        create("HR_OFFICER", request(false)).then().statusCode(201);
        assertEquals(before + 1, stored());
    }

    @Test
    void aCompetencyServiceThatDoesNotAnswerInTimeIsA503() {
        int before = stored();
        CompetencyServiceDouble.mode(Mode.SLOW);
        long start = System.nanoTime();
        as("HR_OFFICER").body(request(false)).post(PATH).then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("competency-service")).body("detail", containsString("the promotion ranking was not made"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3 * CompetencyServiceDouble.SLOW_MILLIS, "the timeout cut the calls short: " + millis + " ms");
        assertEquals(before, stored());
    }

    @Test
    void aFailedRankingLeavesItsIdempotencyKeyFreeAndARetryReplays() {
        String key = "prk-" + UUID.randomUUID();
        CompetencyServiceDouble.mode(Mode.DOWN);
        as("HR_OFFICER").header("Idempotency-Key", key).body(request(false)).post(PATH).then().statusCode(503);
        CompetencyServiceDouble.mode(Mode.OK);
        Response first = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            first = as("HR_OFFICER").header("Idempotency-Key", key).body(request(false)).post(PATH);
            if (first.statusCode() != 503) {
                break;
            }
            sleep(250);
        }
        first.then().statusCode(201);
        Response again = as("HR_OFFICER").header("Idempotency-Key", key).body(request(false)).post(PATH);
        again.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", equalTo(first.header("Location")));
        assertEquals(first.jsonPath().getString("id"), again.jsonPath().getString("id"));
        as("HR_OFFICER").header("Idempotency-Key", key).body(request(true)).post(PATH).then().statusCode(422);
    }

    @Test
    void aPositionCompetencyServiceDoesNotKnowIsA422() {
        String code = CompetencyServiceDouble.UNKNOWN_PREFIX + SUFFIX;
        fixtures.position(code, UNIT, "ADMINISTRATOR", "III/c", "S1", null);
        Map<String, Object> body = request(false);
        body.put("targetPositionCode", code);
        create("HR_OFFICER", body).then().statusCode(422).body("errors[0].field", equalTo("targetPositionCode"))
                .body("detail", containsString("competency-service"));
    }

    @Test
    void badInputIsNamed() {
        Map<String, Object> body = request(false);
        body.remove("targetPositionCode");
        body.remove("year");
        as("HR_OFFICER").body(body).post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("targetPositionCode", "year")));
        body = request(false);
        body.put("year", 1999);
        as("HR_OFFICER").body(body).post(PATH).then().statusCode(400).body("errors[0].field", equalTo("year"));
        body.put("year", YEAR + 2);
        as("HR_OFFICER").body(body).post(PATH).then().statusCode(400).body("errors[0].field", equalTo("year"));
        body = request(false);
        body.put("targetPositionCode", "NOPE-" + SUFFIX);
        as("HR_OFFICER").body(body).post(PATH).then().statusCode(422).body("errors[0].field", equalTo("targetPositionCode"));
        body = request(false);
        body.put("orgUnit", "NOPE-" + SUFFIX);
        as("HR_OFFICER").body(body).post(PATH).then().statusCode(422).body("errors[0].field", equalTo("orgUnit"));
        as("HR_OFFICER").body("{\"year\":\"soon\"}").post(PATH).then().statusCode(400).contentType("application/problem+json");
        as("HR_OFFICER").post(PATH).then().statusCode(400).contentType("application/problem+json");
        as("HR_OFFICER").get(PATH + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        as("HR_OFFICER").get(PATH + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        as("HR_OFFICER").queryParam("year", "soon").get(PATH).then().statusCode(400).body("errors[0].field", equalTo("year"));
        as("HR_OFFICER").queryParam("size", 501).get(PATH).then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR"})
    void onlyAdminAndHrOfficerRankOrReadRankings(String role) {
        int calls = CompetencyServiceDouble.calls();
        given().auth().oauth2(TestInfra.token(role, A, UNIT)).contentType(ContentType.JSON).body(request(false)).post(PATH)
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(calls, CompetencyServiceDouble.calls(), "a refused caller never reaches competency-service");
        given().auth().oauth2(TestInfra.token(role, A, UNIT)).get(PATH).then().statusCode(403);
        given().auth().oauth2(TestInfra.token(role, A, UNIT)).get(PATH + "/" + UUID.randomUUID()).then().statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "HR_OFFICER"})
    void adminAndHrOfficerRankAndReadRankings(String role) {
        Response created = create(role, request(false));
        created.then().statusCode(201);
        as(role).get(PATH + "/" + created.jsonPath().getString("id")).then().statusCode(200).body("candidates.size()", equalTo(7));
        as(role).get(PATH).then().statusCode(200);
    }

    @Test
    void withoutATokenItIs401() {
        given().contentType(ContentType.JSON).body(request(false)).post(PATH).then().statusCode(401).contentType("application/problem+json");
        given().get(PATH).then().statusCode(401);
        given().get(PATH + "/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void creatingIsAudited() {
        String id = create("HR_OFFICER", request(false)).then().statusCode(201).extract().jsonPath().getString("id");
        as("ADMIN").queryParam("entity", "PromotionRanking").queryParam("id", id).get("/api/v1/merit-policies/audit")
                .then().statusCode(200).body("items.action", hasItem("CREATE"));
    }

    static int stored() {
        return as("ADMIN").queryParam("targetPositionCode", TARGET).queryParam("size", 1).get(PATH).then().statusCode(200)
                .extract().jsonPath().getInt("total");
    }
}
