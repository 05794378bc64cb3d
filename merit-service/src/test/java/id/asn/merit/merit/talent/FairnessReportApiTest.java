package id.asn.merit.merit.talent;

import id.asn.merit.merit.testing.MeritFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.asn.merit.merit.talent.TalentPeople.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Selection rates per gender and age band for the talent pool and for promotion eligibility; no names or NIPs. */
@QuarkusTest
class FairnessReportApiTest {
    static final String PATH = "/api/v1/fairness-reports";
    static final int YEAR = 2025;
    static final int RANKING_YEAR = 2019;
    static final String UNIT = TalentPeople.freshCode("FR");
    static final String OTHER = TalentPeople.freshCode("FO");
    static final String RANKING = UUID.randomUUID().toString();
    static final String OLDER_RANKING = UUID.randomUUID().toString();
    static final List<String> NIPS = new ArrayList<>();
    static boolean arranged;

    @Inject
    MeritFixtures fx;

    @BeforeEach
    void arrange() {
        if (arranged) {
            return;
        }
        TalentPeople people = new TalentPeople(fx);
        fx.unit(UNIT, null, UNIT);
        fx.unit(OTHER, null, OTHER);
        List<String> men = new ArrayList<>();
        List<String> women = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            men.add(people.person("Pria " + i, "M", LocalDate.of(1990, 6, 15), UNIT, UNIT, YEAR, 9, 90.0, i < 5));     // 35 on 2025-12-31
            women.add(people.person("Wanita " + i, "F", LocalDate.of(1980, 6, 15), UNIT, UNIT, YEAR, 8, 85.0, i < 4)); // 45
        }
        String young = people.person("Muda", "M", LocalDate.of(1996, 1, 1), UNIT, UNIT, YEAR, 5, 70.0, false); // 29
        String retired = people.person("Pensiun", "F", LocalDate.of(1960, 1, 1), UNIT, UNIT, YEAR, 9, 95.0, true);
        fx.status(retired, "RETIRED");
        String elsewhere = people.person("Lain", "F", LocalDate.of(1960, 1, 1), OTHER, OTHER, YEAR, 9, 95.0, true);
        NIPS.addAll(men);
        NIPS.addAll(women);
        NIPS.add(young);

        // the ranking: 6 men (3 eligible), 6 women (2 eligible), someone no longer in the replica, someone of another unit
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            candidates.add(Map.of("nip", men.get(i), "name", "Pria " + i, "eligible", i < 3));
            candidates.add(Map.of("nip", women.get(i), "name", "Wanita " + i, "eligible", i < 2));
        }
        candidates.add(Map.of("nip", "199912312020121001", "name", "Gone", "eligible", true));
        candidates.add(Map.of("nip", elsewhere, "name", "Lain", "eligible", true));
        ranking(RANKING, RANKING_YEAR, candidates, OffsetDateTime.now());
        ranking(OLDER_RANKING, RANKING_YEAR, candidates.subList(0, 2), OffsetDateTime.now().minusDays(3));
        arranged = true;
    }

    private void ranking(String id, int year, List<Map<String, Object>> candidates, OffsetDateTime at) {
        StringBuilder json = new StringBuilder("{\"id\":\"" + id + "\",\"year\":" + year + ",\"targetPositionCode\":\"KABID\",\"candidates\":[");
        for (int i = 0; i < candidates.size(); i++) {
            Map<String, Object> c = candidates.get(i);
            json.append(i == 0 ? "" : ",").append("{\"nip\":\"").append(c.get("nip")).append("\",\"name\":\"").append(c.get("name"))
                    .append("\",\"eligible\":").append(c.get("eligible")).append(",\"blockers\":[]}");
        }
        json.append("]}");
        long eligible = candidates.stream().filter(c -> Boolean.TRUE.equals(c.get("eligible"))).count();
        fx.exec("""
                insert into promotion_ranking (id, target_position_code, org_unit_code, subtree, year, policy_version, candidates, eligible,
                                               body, requested_by, computed_at)
                values (?, 'KABID', null, true, ?, 3, ?, ?, cast(? as jsonb), 'test', ?)""",
                UUID.fromString(id), year, candidates.size(), (int) eligible, json.toString(), at);
    }

    @Test
    void theTalentPoolOutcomePerGenderAndAgeBand() {
        String text = as("HR_OFFICER").get(PATH + "?year=" + YEAR + "&orgUnit=" + UNIT + "&outcome=TALENT_POOL").then().statusCode(200)
                .extract().asString();
        JsonPath body = new JsonPath(text);
        assertEquals(YEAR, body.getInt("year"));
        assertEquals("TALENT_POOL", body.getString("outcome"));
        assertEquals(UNIT, body.getString("orgUnitCode"));
        assertEquals("2025-12-31", body.getString("asOf"));
        assertEquals(21, body.getInt("population"));
        assertEquals(9, body.getInt("selected"));
        assertEquals(0.8, body.getDouble("threshold"));
        assertEquals(5, body.getInt("minGroupSize"));
        assertEquals(1, body.getInt("policyVersion"));
        assertNull(body.get("rankingId"));

        Map<String, Object> men = group(body, "GENDER", "M");
        assertEquals(11, men.get("size"));
        assertEquals(5, men.get("selected"));
        assertEquals(0.4545f, men.get("selectionRate"));
        assertEquals(1, ((Number) men.get("impactRatio")).intValue());
        Map<String, Object> women = group(body, "GENDER", "F");
        assertEquals(0.4f, women.get("selectionRate"));
        assertEquals(0.88f, women.get("impactRatio"));
        assertEquals(false, women.get("flagged"));

        Map<String, Object> forties = group(body, "AGE_BAND", "40-49");
        assertEquals(10, forties.get("size"));
        assertEquals(0.8f, forties.get("impactRatio")); // exactly four fifths: not flagged
        assertEquals(false, forties.get("flagged"));
        Map<String, Object> young = group(body, "AGE_BAND", "<30");
        assertEquals(1, young.get("size"));
        assertEquals(false, young.get("flagged"));
        assertTrue(((String) young.get("note")).contains("too small to judge"));
        Map<String, Object> fifties = group(body, "AGE_BAND", ">=50");
        assertEquals(0, fifties.get("size"));
        assertEquals("no one in this group", fifties.get("note"));

        for (String nip : NIPS) {
            assertFalse(text.contains(nip), "no NIPs in a fairness report");
        }
        assertFalse(text.contains("Pria") || text.contains("Wanita"), "no names in a fairness report");
    }

    @Test
    void promotionEligibilityOfANamedRanking() {
        JsonPath body = as("ADMIN").get(PATH + "?year=" + RANKING_YEAR + "&outcome=PROMOTION_ELIGIBLE&rankingId=" + RANKING).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(RANKING, body.getString("rankingId"));
        assertEquals(RANKING_YEAR, body.getInt("year"));
        assertEquals(3, body.getInt("policyVersion"));
        assertEquals(14, body.getInt("population"));
        assertEquals(7, body.getInt("selected"));
        Map<String, Object> women = group(body, "GENDER", "F");
        assertEquals(7, women.get("size"));
        assertEquals(3, women.get("selected"));
        Map<String, Object> men = group(body, "GENDER", "M");
        assertEquals(0.5f, men.get("selectionRate"));
        Map<String, Object> unknown = group(body, "GENDER", "UNKNOWN");
        assertEquals(1, unknown.get("size"));
        // F 3/7 against M 3/6: 0.857 — not flagged
        assertEquals(false, women.get("flagged"));
    }

    @Test
    void aUnitNarrowsTheCandidatesToThoseInIt() {
        JsonPath body = as("ADMIN").get(PATH + "?orgUnit=" + UNIT + "&outcome=PROMOTION_ELIGIBLE&rankingId=" + RANKING).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(12, body.getInt("population"));
        assertEquals(5, body.getInt("selected"));
        Map<String, Object> women = group(body, "GENDER", "F");
        assertEquals(0.3333f, women.get("selectionRate"));
        assertEquals(0.6666f, women.get("impactRatio"));
        assertEquals(true, women.get("flagged"));
    }

    @Test
    void withoutARankingIdTheNewestRankingOfTheYearIsJudged() {
        as("ADMIN").get(PATH + "?year=" + RANKING_YEAR + "&outcome=PROMOTION_ELIGIBLE").then().statusCode(200)
                .body("rankingId", equalTo(RANKING)).body("population", equalTo(14));
        as("ADMIN").get(PATH + "?year=2012&outcome=PROMOTION_ELIGIBLE").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("2012"));
    }

    @Test
    void anUnknownRankingIsNotFound() {
        as("ADMIN").get(PATH + "?outcome=PROMOTION_ELIGIBLE&rankingId=" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as("ADMIN").get(PATH + "?outcome=PROMOTION_ELIGIBLE&rankingId=not-a-uuid").then().statusCode(404);
    }

    @Test
    void theOutcomeIsRequiredAndNamed() {
        as("ADMIN").get(PATH + "?year=" + YEAR).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("outcome"));
        as("ADMIN").get(PATH + "?outcome=PROMOTED").then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        as("ADMIN").get(PATH + "?outcome=TALENT_POOL&year=x").then().statusCode(400).body("errors[0].field", equalTo("year"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> group(JsonPath body, String dimension, String group) {
        List<Map<String, Object>> groups = body.getList("groups");
        return groups.stream().filter(g -> dimension.equals(g.get("dimension")) && group.equals(g.get("group"))).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + dimension + " " + group + " in " + groups));
    }
}
