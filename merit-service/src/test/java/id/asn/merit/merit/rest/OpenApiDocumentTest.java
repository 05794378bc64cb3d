package id.asn.merit.merit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated OpenAPI document is a reviewed contract: ids, summaries, tags and documented errors on every operation. */
@QuarkusTest
class OpenApiDocumentTest {
    @Test
    void everyOperationHasAnIdASummaryATagAndItsErrors() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<String> problems = OpenApiContract.problems(doc);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        List<String> ids = OpenApiContract.operationIds(doc);
        assertFalse(ids.isEmpty());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "operationIds are unique: " + ids);
        assertTrue(new HashSet<>(ids).containsAll(Set.of("getCurrentMeritPolicy", "listMeritPolicies", "getMeritPolicyVersion", "publishMeritPolicy",
                "listMeritServiceAudit")), ids.toString());
        // the merit index self-assessment (issue 9)
        assertTrue(new HashSet<>(ids).containsAll(Set.of("createMeritIndexAssessment", "listMeritIndexAssessments", "getMeritIndexAssessment",
                "scoreMeritIndexIndicator", "prefillMeritIndexAssessment", "submitMeritIndexAssessment", "verifyMeritIndexAssessment",
                "listMeritIndexIndicators", "updateMeritIndexIndicator", "updateMeritIndexIndicators")), ids.toString());
        assertTrue(new HashSet<>(ids).containsAll(Set.of("getMeritNineBox", "getMeritTalentPool", "getMeritFairnessReport")), ids.toString());
        assertTrue(new HashSet<>(ids).containsAll(Set.of("createPromotionRanking", "getPromotionRanking", "listPromotionRankings")), ids.toString());
        assertTrue(new HashSet<>(ids).containsAll(Set.of("getMeritProfile", "getMeritProfileHistory", "listMeritProfiles",
                "recordMeritPotentialTest", "listMeritPotentialTests", "listMeritRecomputations", "getMeritRecomputation",
                "requestMeritRecomputation")), ids.toString());
    }
}
