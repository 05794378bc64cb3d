package id.asn.merit.merit.index;

import id.asn.merit.merit.testing.MeritFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static id.asn.merit.merit.index.MeritIndexTree.JAKARTA;
import static id.asn.merit.merit.index.MeritIndexTree.PATH;
import static id.asn.merit.merit.index.MeritIndexTree.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MeritIndexApiTest {
    private static final String JP = "JP_20_LAST_YEAR";
    private static final String ASSESSED = "ASSESSED_LAST_3_YEARS";
    private static final String STANDARD = "POSITIONS_WITH_OWN_STANDARD";
    private static final String LEADERSHIP = "MANAGERIAL_WITH_LEADERSHIP_TRAINING";

    @Inject
    MeritFixtures fixtures;

    @Test
    void aDraftHasTheEightAspectsAndTheFourMeasuredIndicatorsPrefilled() {
        MeritIndexTree tree = MeritIndexTree.build(fixtures);
        LocalDate today = LocalDate.now(JAKARTA);
        JsonPath draft = as("HR_OFFICER").body(Map.of("year", tree.year, "orgUnitCode", tree.root)).post(PATH).then().statusCode(201)
                .header("Location", containsString(PATH + "/")).header("ETag", equalTo("\"1\""))
                .body("status", equalTo("DRAFT")).body("year", equalTo(tree.year)).body("orgUnitCode", equalTo(tree.root))
                .body("version", equalTo(1)).body("policyVersion", notNullValue()).body("asOf", equalTo(today.toString()))
                .body("aspects", hasSize(8))
                .body("aspects.code", equalTo(List.of("1", "2", "3", "4", "5", "6", "7", "8")))
                .body("aspects.name", equalTo(List.of("Perencanaan kebutuhan", "Pengadaan", "Pengembangan karier", "Promosi dan mutasi",
                        "Manajemen kinerja", "Penggajian, penghargaan dan disiplin", "Perlindungan dan pelayanan", "Sistem informasi")))
                .body("complete", equalTo(false)).body("category", nullValue()).body("categoryLabel", nullValue())
                .body("createdBy", equalTo("test-hr-officer"))
                .extract().jsonPath();

        assertMeasured(draft, JP, 4, 8, "50.0", 3, "4 of 8 active employees (50.0 %) had ≥ 20 JP recognised in " + (tree.year - 1));
        assertMeasured(draft, ASSESSED, 3, 8, "37.5", 2, "3 of 8 active employees (37.5 %) had a competency assessment between "
                + today.minusYears(3) + " and " + today);
        assertMeasured(draft, STANDARD, 6, 7, "85.7", 4, "6 of 7 active positions (85.7 %) have a competency standard of their own");
        assertMeasured(draft, LEADERSHIP, 1, 4, "25.0", 2,
                "1 of 4 filled managerial posts (25.0 %) are held by someone with the required leadership training (1 vacant not counted)");

        List<Map<String, Object>> indicators = indicators(draft);
        for (Map<String, Object> i : indicators) {
            if (i.get("measure") == null) {
                assertEquals(null, i.get("score"), "not measured, not scored: " + i.get("code"));
                assertEquals(false, i.get("prefilled"));
            }
        }
        // the total of what is scored so far: the measured ones (weight × score), shown while incomplete
        assertEquals(weighted(indicators), new BigDecimal(draft.getString("total")));
        assertEquals(draft.getInt("indicatorCount"), indicators.size());
        assertEquals(4, draft.getInt("scoredCount"));

        String id = draft.getString("id");
        as("ADMIN").get(PATH + "/" + id).then().statusCode(200).header("ETag", equalTo("\"1\"")).body("id", equalTo(id))
                .body("total", equalTo(draft.get("total")));
        as("HR_OFFICER").get(PATH + "?orgUnitCode=" + tree.root + "&year=" + tree.year).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id)).body("page", equalTo(0)).body("size", equalTo(50));
    }

    @Test
    void oneAssessmentPerUnitAndYearAndTheSecondPointsAtTheFirst() {
        MeritIndexTree tree = MeritIndexTree.unitOnly(fixtures, "MIXD");
        String id = tree.open("HR_OFFICER");
        as("ADMIN").body(Map.of("year", tree.year, "orgUnitCode", tree.root)).post(PATH).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(PATH + "/" + id));
        // another year is another assessment
        as("ADMIN").body(Map.of("year", tree.year - 1, "orgUnitCode", tree.root)).post(PATH).then().statusCode(201);
    }

    @Test
    void badInputIsNamed() {
        as("HR_OFFICER").body(Map.of("orgUnitCode", "X")).post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("year"));
        as("HR_OFFICER").body(Map.of("year", 1999, "orgUnitCode", "X")).post(PATH).then().statusCode(400).body("errors.field", hasItem("year"));
        as("HR_OFFICER").body(Map.of("year", 2026)).post(PATH).then().statusCode(400).body("errors.field", hasItem("orgUnitCode"));
        as("HR_OFFICER").body(Map.of("year", 2026, "orgUnitCode", "NO-SUCH-UNIT-MI")).post(PATH).then().statusCode(422)
                .body("errors[0].field", equalTo("orgUnitCode")).body("detail", containsString("NO-SUCH-UNIT-MI"));
        as("HR_OFFICER").body("{\"year\":\"soon\",\"orgUnitCode\":\"X\"}").post(PATH).then().statusCode(400).body("errors[0].field", equalTo("year"));
        as("HR_OFFICER").get(PATH + "?year=last").then().statusCode(400).body("errors[0].field", equalTo("year"));
        as("HR_OFFICER").get(PATH + "?status=DONE").then().statusCode(400).body("errors[0].field", equalTo("status"));
        as("HR_OFFICER").get(PATH + "?size=501").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("HR_OFFICER").get(PATH + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        as("HR_OFFICER").get(PATH + "/5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87").then().statusCode(404);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstDraft() {
        MeritIndexTree tree = MeritIndexTree.unitOnly(fixtures, "MIXI");
        Map<String, Object> body = Map.of("year", tree.year, "orgUnitCode", tree.root);
        String key = "mi-" + tree.root;
        String first = as("HR_OFFICER").header("Idempotency-Key", key).body(body).post(PATH).then().statusCode(201).extract().path("id");
        as("HR_OFFICER").header("Idempotency-Key", key).body(body).post(PATH).then().statusCode(201)
                .header("Idempotent-Replayed", "true").header("Location", endsWith(first)).body("id", equalTo(first));
        as("HR_OFFICER").header("Idempotency-Key", key).body(Map.of("year", tree.year - 1, "orgUnitCode", tree.root)).post(PATH).then()
                .statusCode(422);
    }

    @Test
    void scoringSubmittingAndVerifying() {
        MeritIndexTree tree = MeritIndexTree.build(fixtures);
        String id = tree.open("HR_OFFICER");
        String one = PATH + "/" + id;

        as("HR_OFFICER").body(Map.of("score", 5)).put(one + "/indicators/1.1").then().statusCode(400).body("errors[0].field", equalTo("score"));
        as("HR_OFFICER").body(Map.of("score", 0)).put(one + "/indicators/1.1").then().statusCode(400).body("errors[0].field", equalTo("score"));
        as("HR_OFFICER").body(Map.of("score", 2.5)).put(one + "/indicators/1.1").then().statusCode(400).body("errors[0].field", equalTo("score"));
        as("HR_OFFICER").body(Map.of("evidence", "x")).put(one + "/indicators/1.1").then().statusCode(400).body("errors[0].field", equalTo("score"));
        as("HR_OFFICER").body(Map.of("score", 3)).put(one + "/indicators/9.9").then().statusCode(404);
        as("HR_OFFICER").header("If-Match", "\"7\"").body(Map.of("score", 3)).put(one + "/indicators/1.1").then().statusCode(412);

        // a measured indicator scored by hand: no longer prefilled, the measurement stays
        JsonPath scored = as("HR_OFFICER").header("If-Match", "\"1\"").body(Map.of("score", 4, "evidence", "Perbup 14/2025"))
                .put(one + "/indicators/3.3").then().statusCode(200).header("ETag", equalTo("\"2\"")).extract().jsonPath();
        Map<String, Object> jp = indicator(scored, JP);
        assertEquals(4, jp.get("score"));
        assertEquals(false, jp.get("prefilled"));
        assertEquals("Perbup 14/2025", jp.get("evidence"));
        assertEquals(4, ((Map<?, ?>) jp.get("measured")).get("numerator"));
        assertEquals("test-hr-officer", jp.get("scoredBy"));

        // submitting with scores missing names each of them
        int unscored = (int) indicators(scored).stream().filter(i -> i.get("score") == null).count();
        as("HR_OFFICER").post(one + "/submission").then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(unscored)).body("errors.field", everyItem(startsWith("aspects[")))
                .body("errors.field", hasItem("aspects[0].indicators[0].score"))
                .body("errors.message", hasItem(containsString("1.1")));

        // score everything not yet scored with 3
        JsonPath complete = scored;
        for (Map<String, Object> i : indicators(scored)) {
            if (i.get("score") == null) {
                complete = as("HR_OFFICER").body(Map.of("score", 3, "evidence", "dokumen " + i.get("code"))).put(one + "/indicators/" + i.get("code"))
                        .then().statusCode(200).extract().jsonPath();
            }
        }
        BigDecimal expected = weighted(indicators(complete));
        assertEquals(0, expected.compareTo(new BigDecimal(complete.getString("total"))));
        assertTrue(complete.getBoolean("complete"));
        assertEquals(category(expected), complete.getString("category"));
        for (Map<String, Object> aspect : complete.<Map<String, Object>>getList("aspects")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) aspect.get("indicators");
            assertEquals(0, weighted(list).compareTo(new BigDecimal(aspect.get("score").toString())), "subtotal of aspect " + aspect.get("code"));
        }
        // with the seeded weights (4 each): 4 × (4 + 2 + 4 + 2) + 21 × 4 × 3 = 300, III Baik
        if (indicators(complete).size() == 25 && indicators(complete).stream().allMatch(i -> new BigDecimal(i.get("weight").toString()).intValue() == 4)) {
            assertEquals(0, new BigDecimal("300").compareTo(new BigDecimal(complete.getString("total"))));
            assertEquals("Baik", complete.getString("categoryLabel"));
        }

        // only ADMIN verifies, and only what was submitted
        as("ADMIN").body(Map.of("decision", "VERIFIED")).post(one + "/verification").then().statusCode(409);
        as("HR_OFFICER").post(one + "/submission").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("submittedBy", equalTo("test-hr-officer"));
        as("HR_OFFICER").body(Map.of("score", 1)).put(one + "/indicators/1.1").then().statusCode(409).body("detail", containsString("read-only"));
        as("HR_OFFICER").post(one + "/submission").then().statusCode(409);
        as("ADMIN").body(Map.of("decision", "MAYBE")).post(one + "/verification").then().statusCode(400).body("errors[0].field", equalTo("decision"));
        as("ADMIN").body(Map.of()).post(one + "/verification").then().statusCode(400).body("errors[0].field", equalTo("decision"));

        // returned: a DRAFT again, with the note; corrected and submitted again
        as("ADMIN").body(Map.of("decision", "RETURNED", "note", "evidence for 1.1 is missing")).post(one + "/verification").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("returnNote", equalTo("evidence for 1.1 is missing")).body("returnedBy", equalTo("test-admin"));
        as("HR_OFFICER").body(Map.of("score", 1, "evidence", "no analisis jabatan yet")).put(one + "/indicators/1.1").then().statusCode(200);
        as("HR_OFFICER").post(one + "/submission").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        JsonPath verified = as("ADMIN").body(Map.of("decision", "VERIFIED", "note", "checked")).post(one + "/verification").then().statusCode(200)
                .body("status", equalTo("VERIFIED")).body("verifiedBy", equalTo("test-admin")).body("verificationNote", equalTo("checked"))
                .body("complete", equalTo(true)).body("category", notNullValue())
                .extract().jsonPath();
        int version = verified.getInt("version");

        // verified is read-only for good
        as("ADMIN").body(Map.of("score", 4)).put(one + "/indicators/1.1").then().statusCode(409).body("detail", containsString("read-only"));
        as("ADMIN").post(one + "/prefill").then().statusCode(409);
        as("ADMIN").post(one + "/submission").then().statusCode(409);
        as("ADMIN").body(Map.of("decision", "RETURNED")).post(one + "/verification").then().statusCode(409);
        as("HR_OFFICER").get(one).then().statusCode(200).header("ETag", equalTo("\"" + version + "\"")).body("status", equalTo("VERIFIED"));
        as("HR_OFFICER").get(PATH + "?status=VERIFIED&orgUnitCode=" + tree.root).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
        as("HR_OFFICER").get(PATH + "?status=DRAFT&orgUnitCode=" + tree.root).then().statusCode(200).body("total", equalTo(0));

        // every step is in the audit log
        List<String> actions = as("ADMIN").get("/api/v1/merit-policies/audit?entity=MeritIndexAssessment&id=" + id + "&size=100").then()
                .statusCode(200).extract().path("items.action");
        assertTrue(actions.containsAll(List.of("CREATE", "SCORE", "SUBMIT", "RETURN", "VERIFY")), actions.toString());
    }

    @Test
    void prefillMeasuresAgain() {
        MeritIndexTree tree = MeritIndexTree.build(fixtures);
        String id = tree.open("ADMIN");
        // an override, then a new assessment of e4 in the read model
        as("HR_OFFICER").body(Map.of("score", 1)).put(PATH + "/" + id + "/indicators/3.2").then().statusCode(200);
        fixtures.assessment(tree.nips.get(3), LocalDate.now(JAKARTA).minusDays(1));
        JsonPath again = as("HR_OFFICER").header("If-Match", "\"2\"").post(PATH + "/" + id + "/prefill").then().statusCode(200)
                .header("ETag", equalTo("\"3\"")).extract().jsonPath();
        Map<String, Object> assessed = indicator(again, ASSESSED);
        assertMeasured(again, ASSESSED, 4, 8, "50.0", 3, "4 of 8 active employees (50.0 %) had a competency assessment between "
                + LocalDate.now(JAKARTA).minusYears(3) + " and " + LocalDate.now(JAKARTA));
        assertMeasured(again, JP, 4, 8, "50.0", 3, "4 of 8 active employees (50.0 %) had ≥ 20 JP recognised in " + (tree.year - 1));
    }

    @Test
    void indicatorDefinitionsAreDataWithWeightsThatSumTo100() {
        JsonPath list = as("HR_OFFICER").get(PATH + "/indicators?size=500").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = list.getList("items");
        BigDecimal active = items.stream().filter(i -> Boolean.TRUE.equals(i.get("active")))
                .map(i -> new BigDecimal(i.get("weight").toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, active.compareTo(BigDecimal.valueOf(100)));
        assertEquals(8, items.stream().map(i -> i.get("aspectCode")).distinct().count());
        assertTrue(items.stream().filter(i -> i.get("measure") != null).map(i -> i.get("measure")).toList()
                .containsAll(List.of(JP, ASSESSED, STANDARD, LEADERSHIP)));

        Map<String, Object> jp = items.stream().filter(i -> JP.equals(i.get("measure"))).findFirst().orElseThrow();
        Map<String, Object> other = items.stream().filter(i -> i.get("measure") == null && Boolean.TRUE.equals(i.get("active")))
                .reduce((a, b) -> b).orElseThrow();
        String jpCode = (String) jp.get("code");
        String otherCode = (String) other.get("code");
        BigDecimal jpWeight = new BigDecimal(jp.get("weight").toString());
        BigDecimal otherWeight = new BigDecimal(other.get("weight").toString());
        MeritIndexTree tree = MeritIndexTree.unitOnly(fixtures, "MIXW");
        String before = tree.open("HR_OFFICER");
        try {
            // alone, a weight change breaks the sum
            as("ADMIN").body(Map.of("weight", jpWeight.add(BigDecimal.ONE))).put(PATH + "/indicators/" + jpCode).then().statusCode(422)
                    .body("errors[0].field", equalTo("weight")).body("detail", containsString("100"));
            as("ADMIN").body(Map.of("scoreThresholds", List.of(50, 25, 75))).put(PATH + "/indicators/" + jpCode).then().statusCode(400)
                    .body("errors[0].field", equalTo("scoreThresholds"));
            as("ADMIN").body(Map.of("measure", "GUESS")).put(PATH + "/indicators/" + jpCode).then().statusCode(400)
                    .body("errors[0].field", equalTo("measure"));
            as("ADMIN").body(Map.of("weight", 1)).put(PATH + "/indicators/9.99").then().statusCode(404);
            as("ADMIN").header("If-Match", "\"999\"").body(Map.of("name", "x")).put(PATH + "/indicators/" + jpCode).then().statusCode(412);

            // together, two weights move and the sum stays 100
            as("ADMIN").body(Map.of("items", List.of(
                            Map.of("code", jpCode, "weight", jpWeight.add(BigDecimal.ONE), "version", jp.get("version")),
                            Map.of("code", otherCode, "weight", otherWeight.subtract(BigDecimal.ONE)))))
                    .put(PATH + "/indicators").then().statusCode(200)
                    .body("items.find { it.code == '" + jpCode + "' }.weight", equalTo(jpWeight.add(BigDecimal.ONE).intValue()));
            as("ADMIN").body(Map.of("items", List.of(Map.of("code", jpCode, "weight", 1)))).put(PATH + "/indicators").then().statusCode(422)
                    .body("errors[0].field", equalTo("items"));

            // new drafts take the new weights; the one opened before keeps its own
            MeritIndexTree later = MeritIndexTree.unitOnly(fixtures, "MIXW");
            String after = later.open("HR_OFFICER");
            assertEquals(jpWeight.add(BigDecimal.ONE).intValue(), weightOf(after, jpCode));
            assertEquals(jpWeight.intValue(), weightOf(before, jpCode));
        } finally {
            as("ADMIN").body(Map.of("items", List.of(Map.of("code", jpCode, "weight", jpWeight), Map.of("code", otherCode, "weight", otherWeight))))
                    .put(PATH + "/indicators").then().statusCode(200);
        }
        // a rename with If-Match bumps the version, and shows in the audit log
        int version = as("ADMIN").get(PATH + "/indicators?size=500").then().extract().path("items.find { it.code == '" + otherCode + "' }.version");
        as("ADMIN").header("If-Match", "\"" + version + "\"").body(Map.of("name", other.get("name"))).put(PATH + "/indicators/" + otherCode)
                .then().statusCode(200).header("ETag", equalTo("\"" + (version + 1) + "\"")).body("version", equalTo(version + 1))
                .body("updatedBy", equalTo("test-admin"));
        as("ADMIN").get("/api/v1/merit-policies/audit?entity=MeritIndexIndicator&id=" + otherCode).then().statusCode(200)
                .body("items.action", hasItem("UPDATE")).body("items", not(hasSize(0)));
    }

    private static int weightOf(String assessmentId, String code) {
        JsonPath a = as("ADMIN").get(PATH + "/" + assessmentId).then().statusCode(200).extract().jsonPath();
        return new BigDecimal(indicators(a).stream().filter(i -> code.equals(i.get("code"))).findFirst().orElseThrow().get("weight").toString())
                .intValue();
    }

    private static void assertMeasured(JsonPath draft, String measure, int numerator, int denominator, String share, int score, String evidence) {
        Map<String, Object> i = indicator(draft, measure);
        Map<?, ?> measured = (Map<?, ?>) i.get("measured");
        assertEquals(numerator, measured.get("numerator"), measure);
        assertEquals(denominator, measured.get("denominator"), measure);
        assertEquals(0, new BigDecimal(share).compareTo(new BigDecimal(measured.get("share").toString())), measure);
        // the score follows the indicator's thresholds (data: [25, 50, 75] as seeded, another test may have changed them)
        @SuppressWarnings("unchecked")
        List<BigDecimal> thresholds = ((List<Object>) measured.get("scoreThresholds")).stream().map(t -> new BigDecimal(t.toString())).toList();
        if (thresholds.equals(List.of(BigDecimal.valueOf(25), BigDecimal.valueOf(50), BigDecimal.valueOf(75)))) {
            assertEquals(score, i.get("score"), measure);
        }
        assertEquals(MeritIndexShareScore.score(new BigDecimal(share), thresholds), i.get("score"), measure);
        assertEquals(true, i.get("prefilled"), measure);
        assertEquals(evidence, i.get("evidence"), measure);
    }

    private static Map<String, Object> indicator(JsonPath a, String measure) {
        return indicators(a).stream().filter(i -> measure.equals(i.get("measure"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> indicators(JsonPath a) {
        return a.<Map<String, Object>>getList("aspects").stream().flatMap(x -> ((List<Map<String, Object>>) x.get("indicators")).stream()).toList();
    }

    private static BigDecimal weighted(List<Map<String, Object>> indicators) {
        return indicators.stream().filter(i -> i.get("score") != null)
                .map(i -> new BigDecimal(i.get("weight").toString()).multiply(BigDecimal.valueOf(((Number) i.get("score")).intValue())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String category(BigDecimal total) {
        return total.compareTo(BigDecimal.valueOf(325)) >= 0 ? "IV" : total.compareTo(BigDecimal.valueOf(250)) >= 0 ? "III"
                : total.compareTo(BigDecimal.valueOf(175)) >= 0 ? "II" : "I";
    }
}
