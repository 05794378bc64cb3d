package id.asn.merit.competency.gaps;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static id.asn.merit.competency.gaps.GapWorld.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * GET /competency-gaps/{nip}: the worked examples of domain.md §4 end to end, against the current and a target
 * position, on a date, with the template fallback, an expired assessment and a correction.
 */
@QuarkusTest
class GapApiTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    static final String NIP = "198001012005011001";
    static final String PATH = "/api/v1/competency-gaps/";

    @Inject
    GapWorld world;
    static boolean seeded;

    @BeforeEach
    void seed() {
        world.unit("GA", null, "GA");
        world.position("GA-ADM", "GA", "ADMINISTRATOR", null);
        world.position("GA-JPT", "GA", "JPT_PRATAMA", null);
        world.position("GA-PLK", "GA", "PELAKSANA", null);
        if (!seeded) {
            seeded = true;
            // one standard for the whole class: version 1 from 2020, version 2 from a year ago
            world.standard("GA-ADM", 1, LocalDate.of(2020, 1, 1), "M.1", 2, "PENTING", "M.2", 2, "PENTING");
            world.standard("GA-ADM", 2, TODAY.minusYears(1), "M.1", 3, "MUTLAK", "M.2", 3, "PENTING", "M.3", 2, "PENTING");
            world.employee(NIP, "Siti Rahmawati", "GA-ADM", "ADMINISTRATOR", "GA", "GA");
            world.assess(NIP, TODAY.minusDays(30), "M.1", 3.5, "M.2", 2.0);
            // an assessment older than the 3-year window: it must not count today
            world.assess(NIP, TODAY.minusYears(4), "M.3", 5.0);
        }
    }

    @Test
    void oneBelowOneOverOneNotAssessedAgainstTheCurrentPosition() {
        int policyVersion = as("HR_OFFICER").get("/api/v1/competency-gaps/policy").then().statusCode(200).extract().path("version");
        as("HR_OFFICER").get(PATH + NIP).then().statusCode(200)
                .body("positionCode", equalTo("GA-ADM"))
                .body("targetPosition", equalTo(false))
                .body("purpose", equalTo("MAPPING"))
                .body("standardVersion", equalTo(2))
                .body("standardSource", equalTo("OWN"))
                .body("policyVersion", equalTo(policyVersion))
                .body("items.competencyCode", contains("M.1", "M.2", "M.3"))
                .body("items[0].name", equalTo("Integritas"))
                .body("items[0].required", equalTo(3))
                .body("items[0].actual", equalTo(3.5f))
                .body("items[0].gap", equalTo(0.5f))
                .body("items[0].importance", equalTo("MUTLAK"))
                .body("items[1].gap", equalTo(-1.0f))
                .body("items[1].ratio", equalTo(0.6667f))
                // M.3's only score is 4 years old: not assessed, ratio 0
                .body("items[2].notAssessed", equalTo(true))
                .body("items[2].actual", nullValue())
                .body("items[2].ratio", equalTo(0.0f))
                // (3.5/3 + 2/3 + 0) / 3 = 0.6111 -> 61.11
                .body("jpm", equalTo(61.11f))
                .body("category", equalTo("KURANG_OPTIMAL"))
                .body("coverage", equalTo(0.6667f))
                .body("assessmentIds", hasSize(1));
    }

    @Test
    void onAPastDateTheStandardAndTheScoresThenInForceCount() {
        // three and a half years ago: standard v1 (M.1 2, M.2 2) and the then valid M.3 score is not required
        as("ADMIN").get(PATH + NIP + "?on=" + TODAY.minusYears(3).minusMonths(6)).then().statusCode(200)
                .body("standardVersion", equalTo(1))
                .body("items.competencyCode", contains("M.1", "M.2"))
                .body("items.notAssessed", everyItem(equalTo(true)))
                .body("jpm", equalTo(0.0f))
                .body("coverage", equalTo(0.0f));
    }

    @Test
    void againstATargetPositionTheTemplateAndTheSelectionBandsApply() {
        as("HR_OFFICER").get(PATH + NIP + "?positionCode=GA-JPT").then().statusCode(200)
                .body("targetPosition", equalTo(true))
                .body("purpose", equalTo("SELECTION"))
                .body("standardSource", equalTo("TEMPLATE"))
                .body("items", hasSize(9))
                .body("items[0].required", equalTo(4))
                // (3.5/4 + 2/4 + 0 * 7) / 9 = 0.15278 -> 15.28
                .body("jpm", equalTo(15.28f))
                .body("category", equalTo("KURANG_MEMENUHI_SYARAT"));
        as("HR_OFFICER").get(PATH + NIP + "?positionCode=GA-PLK&purpose=MAPPING").then().statusCode(200)
                .body("standardSource", equalTo("TEMPLATE"))
                .body("purpose", equalTo("MAPPING"))
                .body("items[0].required", equalTo(1))
                // (min 3.5/1, 2/1) counts uncapped per item, 0 for 7 others: (3.5 + 2) / 9 = 0.6111 -> 61.11
                .body("jpm", equalTo(61.11f));
    }

    @Test
    void overAchievementIsCappedAtOneHundredAndACorrectionReplacesTheOriginal() {
        String nip = "198001012005011002";
        world.employee(nip, "Budi Santoso", "GA-ADM", "ADMINISTRATOR", "GA", "GA");
        String first = world.assess(nip, TODAY.minusDays(10), "M.1", 5.0, "M.2", 5.0, "M.3", 5.0);
        as("HR_OFFICER").get(PATH + nip).then().statusCode(200).body("jpm", equalTo(100.0f)).body("category", equalTo("OPTIMAL"));
        var correction = GapWorld.assessment(nip, TODAY.minusDays(10), "M.1", 3.0, "M.2", 2.0, "M.3", 2.0);
        correction.put("supersedes", first);
        String second = as("ASSESSOR").body(correction).post("/api/v1/assessments").then().statusCode(201)
                .body("supersedes", equalTo(first)).extract().path("id");
        // (1 + 2/3 + 1) / 3 = 0.8889 -> 88.89
        as("HR_OFFICER").get(PATH + nip).then().statusCode(200)
                .body("jpm", equalTo(88.89f)).body("category", equalTo("CUKUP_OPTIMAL"))
                .body("assessmentIds", contains(second));
        as("HR_OFFICER").get("/api/v1/assessments/" + first).then().statusCode(200).body("supersededBy", equalTo(second));
        // correcting the original twice is refused
        as("ASSESSOR").body(correction).post("/api/v1/assessments").then().statusCode(409);
    }

    @Test
    void badParametersAreNamedAndUnknownPeopleAreNotFound() {
        as("HR_OFFICER").get(PATH + NIP + "?on=2026-13-01").then().statusCode(400).body("errors[0].field", equalTo("on"));
        as("HR_OFFICER").get(PATH + NIP + "?purpose=PROMOTION").then().statusCode(400).body("errors[0].field", equalTo("purpose"));
        as("HR_OFFICER").get(PATH + "199912312020121999").then().statusCode(404).contentType("application/problem+json");
        as("HR_OFFICER").get(PATH + NIP + "?positionCode=NO-SUCH-POSITION").then().statusCode(404);
        as("HR_OFFICER").get(PATH + "not-a-nip").then().statusCode(404);
    }
}
