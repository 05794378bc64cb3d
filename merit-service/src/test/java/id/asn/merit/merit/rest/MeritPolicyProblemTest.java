package id.asn.merit.merit.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static id.asn.merit.merit.rest.Policies.PATH;
import static id.asn.merit.merit.rest.Policies.as;
import static id.asn.merit.merit.rest.Policies.current;
import static id.asn.merit.merit.rest.Policies.ifMatch;
import static id.asn.merit.merit.rest.Policies.requestFromCurrent;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Every 4xx is application/problem+json naming the field; a refused policy is never published. */
@QuarkusTest
class MeritPolicyProblemTest {

    private static void refused(Map<String, Object> body, int status, String field) {
        JsonPath before = current();
        as("ADMIN").header("If-Match", ifMatch(before)).body(body).put(PATH + "/current").then().statusCode(status)
                .contentType("application/problem+json").body("status", equalTo(status)).body("errors.field", hasItem(field));
        as("ADMIN").get(PATH + "/current").then().body("version", equalTo(before.getInt("version")));
    }

    @Test
    void weightsMustSumToHundred() {
        Map<String, Object> body = requestFromCurrent(current());
        body.put("potentialWeights", Map.of("competency", 40, "potentialTest", 20, "qualification", 20, "integrity", 15));
        refused(body, 400, "potentialWeights");
        body = requestFromCurrent(current());
        body.put("meritWeights", Map.of("performance", 60, "potential", 50));
        refused(body, 400, "meritWeights");
    }

    @Test
    void eachWeightIsZeroToHundred() {
        Map<String, Object> body = requestFromCurrent(current());
        body.put("potentialWeights", Map.of("competency", 140, "potentialTest", -25, "qualification", -20, "integrity", 5));
        refused(body, 400, "potentialWeights.competency");
    }

    @Test
    void cutoffsAreZeroToHundredWithHighAboveMedium() {
        Map<String, Object> body = requestFromCurrent(current());
        body.put("axisCutoffs", Map.of("high", 120, "medium", 60));
        refused(body, 400, "axisCutoffs.high");
        body.put("axisCutoffs", Map.of("high", 60, "medium", 70));
        refused(body, 400, "axisCutoffs");
    }

    @Test
    void talentPoolBoxesAreWithinOneToNine() {
        Map<String, Object> body = requestFromCurrent(current());
        body.put("talentPoolBoxes", List.of(7, 8, 10));
        refused(body, 400, "talentPoolBoxes[2]");
        body.put("talentPoolBoxes", List.of(0));
        refused(body, 400, "talentPoolBoxes[0]");
        body.put("talentPoolBoxes", List.of());
        refused(body, 400, "talentPoolBoxes");
    }

    @Test
    void everyRatingNeedsAScore() {
        Map<String, Object> body = requestFromCurrent(current());
        body.put("performanceScores", Map.of("SANGAT_BAIK", 100, "BAIK", 80, "BUTUH_PERBAIKAN", 60, "KURANG", 40));
        refused(body, 400, "performanceScores.SANGAT_KURANG");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        Map<String, Object> body = requestFromCurrent(current());
        body.remove("axisCutoffs");
        refused(body, 400, "axisCutoffs");
        body = requestFromCurrent(current());
        body.put("jpm", Map.of("mapping", Map.of("optimal", 90, "cukupOptimal", 78)));
        refused(body, 400, "jpm.selection");
    }

    @Test
    void aBadValueTypeInJsonNamesTheField() {
        Map<String, Object> body = requestFromCurrent(current());
        body.put("disciplineLookbackYears", "two");
        refused(body, 400, "disciplineLookbackYears");
        body = requestFromCurrent(current());
        body.put("effectiveFrom", "01-07-2026");
        refused(body, 400, "effectiveFrom");
    }

    @Test
    void malformedJsonIsABadRequestOnTheBody() {
        as("ADMIN").header("If-Match", ifMatch(current())).body("performanceScores: 100").put(PATH + "/current")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        // a syntax error inside a nested object is reported at that object
        as("ADMIN").header("If-Match", ifMatch(current())).body("{\"axisCutoffs\": {\"high\": 80,, }").put(PATH + "/current")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("axisCutoffs"));
        as("ADMIN").header("If-Match", ifMatch(current())).put(PATH + "/current")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void badPagingNamesTheParameter() {
        as("ADMIN").get(PATH + "?size=501").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size")).body("detail", containsString("500"));
        as("ADMIN").get(PATH + "?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("ADMIN").get(PATH + "?page=-1").then().statusCode(400).body("errors[0].field", equalTo("page"));
        as("ADMIN").get(PATH + "?page=x").then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void aBadIfMatchIsNamed() {
        as("ADMIN").header("If-Match", "latest").body(requestFromCurrent(current())).put(PATH + "/current").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
    }
}
