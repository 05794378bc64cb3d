package id.asn.merit.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.devinfra.TestInfra;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * issue 9: a promotion ranking takes each candidate's JPM for the target position from competency-service (one rule,
 * one place), so with competency-service stopped the ranking fails with a 503 problem that says so, never a silent
 * zero; started again (same port, same database), the same request gives a ranking whose candidates carry the JPM
 * competency-service computes against the target's standard. The one extra stop/start of the suite tests.
 *
 * <p>Contract used: {@code POST /api/v1/promotion-rankings {targetPositionCode, orgUnit, year}} → 201
 * {@code {id, candidates[{nip, eligible, blockers[{rule, evidence, waivable}], jpmForTarget, meritScore, rank}]}}, 503
 * application/problem+json naming competency-service; {@code GET /api/v1/promotion-rankings/{id}} returns it as decided.
 */
class MeritRankingOutageTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();
    static final String TARGET = "MR-KASI";
    /** nip → scores on M.1 and M.5 against the target's 3 and 3: JPM 100, 83.33, 66.67 (SYSTEM.md §6.1) */
    static final Map<String, double[]> CANDIDATES = Map.of(
            "198808082012031021", new double[] {3, 3},
            "198808082012031022", new double[] {3, 2},
            "198808082012031023", new double[] {2, 2});
    static final Map<String, Double> JPM = Map.of("198808082012031021", 100.0, "198808082012031022", 83.33, "198808082012031023", 66.67);

    static RunningSuite suite;
    static String gateway;

    @BeforeAll
    static void data() {
        suite = RunningSuite.get();
        gateway = suite.url("gateway");
        as("HR_OFFICER").body(Map.of("code", "MR-ROOT", "name", "Pemerintah Kota Ranking", "level", "INSTANSI"))
                .post(gateway + "/api/v1/org-units").then().statusCode(201);
        as("HR_OFFICER").body(Map.of("code", "MR-DINAS", "name", "Dinas Perhubungan", "parentCode", "MR-ROOT"))
                .post(gateway + "/api/v1/org-units").then().statusCode(201);
        as("HR_OFFICER").body(Map.of("code", TARGET, "title", "Kepala Seksi Angkutan", "orgUnitCode", "MR-DINAS", "type", "PENGAWAS",
                "grade", 9, "minRank", "III/b", "minEducationLevel", "S1", "requiredLeadershipTraining", "PKP"))
                .post(gateway + "/api/v1/positions").then().statusCode(201);
        as("HR_OFFICER").body(Map.of("code", "MR-STAF", "title", "Pengelola Angkutan", "orgUnitCode", "MR-DINAS", "type", "PELAKSANA",
                "grade", 6, "minRank", "II/c")).post(gateway + "/api/v1/positions").then().statusCode(201);
        MeritEndToEndTest.publishStandard(TARGET, List.of(Map.of("competencyCode", "M.1", "requiredLevel", 3, "importance", "MUTLAK"),
                Map.of("competencyCode", "M.5", "requiredLevel", 3, "importance", "PENTING")));
        int serial = 0;
        for (Map.Entry<String, double[]> c : CANDIDATES.entrySet()) {
            String nip = c.getKey();
            as("HR_OFFICER").body(Map.of("nip", nip, "name", "Kandidat " + (++serial), "gender", "M", "birthDate", "1988-08-08",
                            "employmentType", "PNS", "rank", "III/c", "orgUnitCode", "MR-DINAS", "positionCode", "MR-STAF",
                            "education", Map.of("level", "S1", "field", "Teknik Sipil")))
                    .post(gateway + "/api/v1/employees").then().statusCode(201);
            for (int year : new int[] {YEAR - 1, YEAR}) {
                as("HR_OFFICER").body(Map.of("year", year, "period", "ANNUAL", "workResult", "AS_EXPECTED", "workBehaviour", "ABOVE"))
                        .post(gateway + "/api/v1/employees/" + nip + "/performance-ratings").then().statusCode(201);
            }
            MeritEndToEndTest.awaitCompetencyKnows(nip);
            as("ASSESSOR").body(Map.of("nip", nip, "assessedOn", LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(5).toString(),
                            "method", "ASSESSMENT_CENTER", "purpose", "SELECTION", "assessor", "UPT Penilaian Kompetensi",
                            "scores", List.of(Map.of("competencyCode", "M.1", "level", c.getValue()[0]),
                                    Map.of("competencyCode", "M.5", "level", c.getValue()[1]))))
                    .post(gateway + "/api/v1/assessments").then().statusCode(201);
        }
        for (String nip : CANDIDATES.keySet()) {
            awaitMeritProfile(nip);
        }
    }

    @Test
    void withCompetencyServiceDownTheRankingIsA503AndAfterItReturnsTheRankingCarriesTheJpm() throws Exception {
        Map<String, Object> request = new HashMap<>(Map.of("targetPositionCode", TARGET, "orgUnit", "MR-DINAS", "year", YEAR));
        suite.stop("competency-service");
        try {
            Response down = as("HR_OFFICER").body(request).post(gateway + "/api/v1/promotion-rankings");
            assertEquals(503, down.statusCode(), "competency-service is down: " + down.asString());
            assertTrue(down.contentType().startsWith("application/problem+json"), down.contentType());
            JsonNode problem = JSON.readTree(down.asString());
            assertEquals(503, problem.path("status").asInt(), down.asString());
            assertTrue(down.asString().toLowerCase(Locale.ROOT).contains("competency-service"), "the problem names competency-service: " + down.asString());
        } finally {
            suite.start("competency-service");
        }

        // the breaker may still be open for a moment after the service is back: the client retries as a user would
        Response up = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            up = as("HR_OFFICER").body(request).post(gateway + "/api/v1/promotion-rankings");
            if (up.statusCode() != 503) {
                break;
            }
            Thread.sleep(1000);
        }
        assertEquals(201, up.statusCode(), "competency-service is back: " + up.asString());
        JsonNode ranking = JSON.readTree(up.asString());
        Map<String, JsonNode> byNip = new HashMap<>();
        ranking.path("candidates").forEach(c -> byNip.put(c.path("nip").asText(), c));
        for (String nip : CANDIDATES.keySet()) {
            JsonNode c = byNip.get(nip);
            assertTrue(c != null, nip + " is a candidate: " + ranking);
            assertTrue(c.path("jpmForTarget").isNumber(), "jpmForTarget from competency-service: " + c);
            assertEquals(JPM.get(nip), c.path("jpmForTarget").asDouble(), 0.01, "JPM against " + TARGET + ": " + c);
            assertTrue(c.path("eligible").isBoolean(), c.toString());
            assertTrue(c.path("blockers").isArray(), c.toString());
            c.path("blockers").forEach(b -> assertTrue(b.hasNonNull("rule") && b.has("evidence") && b.path("waivable").isBoolean(), b.toString()));
        }
        String id = ranking.path("id").asText();
        JsonNode again = JSON.readTree(as("HR_OFFICER").get(gateway + "/api/v1/promotion-rankings/" + id)
                .then().statusCode(200).extract().asString());
        assertEquals(ranking, again, "the stored ranking, exactly as decided");
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    static void awaitMeritProfile(String nip) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Response r = as("HR_OFFICER").get(gateway + "/api/v1/merit-profiles/" + nip + "?year=" + YEAR);
            if (r.statusCode() == 200 && r.jsonPath().get("performance.rating") != null) {
                return;
            }
            EventsEndToEndTest.sleep();
        }
        throw new AssertionError("merit-service has no rated profile of " + nip + " after 90 s");
    }
}
