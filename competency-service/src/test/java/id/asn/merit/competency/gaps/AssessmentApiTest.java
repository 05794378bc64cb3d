package id.asn.merit.competency.gaps;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static id.asn.merit.competency.gaps.GapWorld.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** POST/GET /assessments: validation naming each field, Idempotency-Key, filters, audit and the recorded event. */
@QuarkusTest
class AssessmentApiTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    static final String PATH = "/api/v1/assessments";

    @Inject
    GapWorld world;

    @Test
    void everyWrongFieldIsNamedAndNothingIsStored() {
        String nip = "198102022006021001";
        Map<String, Object> body = GapWorld.assessment(nip, TODAY.plusDays(1), "M.1", 5.5, "M.1", 3.25);
        body.put("method", "INTERVIEW");
        body.put("purpose", null);
        body.put("assessor", " ");
        as("ASSESSOR").body(body).post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("assessedOn", "method", "purpose", "assessor", "scores[0].level",
                        "scores[1].competencyCode", "scores[1].level"));
        as("ASSESSOR").body(Map.of("nip", "12345", "assessedOn", "2026-01-01", "method", "SELF", "purpose", "MAPPING",
                "assessor", "x", "scores", List.of())).post(PATH).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("nip", "scores"));
        as("ASSESSOR").body("{\"nip\":\"198102022006021001\",\"assessedOn\":\"2026-02-30\"}").post(PATH).then().statusCode(400)
                .body("errors[0].field", startsWith("assessedOn"));
        as("ASSESSOR").body(GapWorld.assessment(nip, TODAY, "T.999", 3.0)).post(PATH).then().statusCode(422)
                .body("errors[0].field", equalTo("scores[0].competencyCode"));
        Map<String, Object> wrongOriginal = GapWorld.assessment(nip, TODAY, "M.1", 3.0);
        wrongOriginal.put("supersedes", "0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11");
        as("ASSESSOR").body(wrongOriginal).post(PATH).then().statusCode(422).body("errors[0].field", equalTo("supersedes"));
        as("HR_OFFICER").get(PATH + "?nip=" + nip).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aPersonNotYetInTheReplicaIsAssessedAndTheGapAppearsWhenTheyArrive() {
        String nip = "198102022006021002";
        String id = world.assess(nip, TODAY.minusDays(3), "M.1", 4.0, "SK.1", 2.5);
        as("HR_OFFICER").get("/api/v1/competency-gaps/" + nip).then().statusCode(404);
        world.unit("AS", null, "AS");
        world.position("AS-PLK", "AS", "PELAKSANA", null);
        world.employee(nip, "Rina Wati", "AS-PLK", "PELAKSANA", "AS", "AS");
        as("HR_OFFICER").get("/api/v1/competency-gaps/" + nip).then().statusCode(200)
                .body("assessmentIds", contains(id))
                .body("items.find { it.competencyCode == 'SK.1' }.actual", equalTo(2.5f));
    }

    @Test
    void theSameIdempotencyKeyReplaysAndAnotherBodyIsRefused() {
        String nip = "198102022006021003";
        Map<String, Object> body = GapWorld.assessment(nip, TODAY.minusDays(1), "M.4", 3.0);
        String id = as("ASSESSOR").header("Idempotency-Key", "as-key-1").body(body).post(PATH).then().statusCode(201)
                .header("Location", notNullValue()).extract().path("id");
        as("ASSESSOR").header("Idempotency-Key", "as-key-1").body(body).post(PATH).then().statusCode(201).body("id", equalTo(id));
        as("ASSESSOR").header("Idempotency-Key", "as-key-1").body(GapWorld.assessment(nip, TODAY.minusDays(1), "M.4", 4.0))
                .post(PATH).then().statusCode(422);
        as("HR_OFFICER").get(PATH + "?nip=" + nip).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void listsAreFilteredByDateNewestFirstAndEveryRecordingIsAuditedAndPublished() {
        String nip = "198102022006021004";
        String old = world.assess(nip, TODAY.minusYears(2), "M.5", 2.0);
        String recent = world.assess(nip, TODAY.minusDays(5), "M.5", 3.0);
        as("HR_OFFICER").get(PATH + "?nip=" + nip).then().statusCode(200).body("items.id", contains(recent, old));
        as("HR_OFFICER").get(PATH + "?nip=" + nip + "&from=" + TODAY.minusYears(1)).then().statusCode(200).body("items.id", contains(recent));
        as("HR_OFFICER").get(PATH + "?nip=" + nip + "&to=" + TODAY.minusYears(1)).then().statusCode(200).body("items.id", contains(old));
        as("HR_OFFICER").get(PATH + "?from=yesterday").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as("ADMIN").get(PATH + "/" + recent).then().statusCode(200).body("scores[0].level", equalTo(3.0f)).body("recordedBy", notNullValue());
        as("ADMIN").get(PATH + "/not-an-id").then().statusCode(404);
        List<String> types = world.events(nip).stream().map(e -> e[0]).toList();
        org.hamcrest.MatcherAssert.assertThat(types, hasItem("asn.competency.assessment-recorded.v1"));
        String payload = world.events(nip).stream().filter(e -> e[0].endsWith("assessment-recorded.v1")).findFirst().orElseThrow()[1];
        org.hamcrest.MatcherAssert.assertThat(payload, org.hamcrest.Matchers.containsString("\"assessmentId\":\"" + old + "\""));
        org.hamcrest.MatcherAssert.assertThat(payload, org.hamcrest.Matchers.containsString("\"scores\":[{\"competencyCode\":\"M.5\",\"level\":2.0}]"));
        as("ADMIN").get("/api/v1/competencies/audit?entity=Assessment&id=" + recent).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].action", equalTo("CREATE")).body("items[0].after.nip", equalTo(nip));
    }
}
