package id.asn.merit.competency.gaps;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static id.asn.merit.competency.gaps.GapWorld.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * SYSTEM.md §7 for assessments, gaps and needs: who may call each operation (and 401 without a token), and the
 * object-level rules: an EMPLOYEE reads only their own, a UNIT_HEAD only their subtree, and a person out of reach is
 * answered exactly like a NIP that does not exist.
 */
@QuarkusTest
class GapRolesTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    static final String INSIDE = "198405052009051001";
    static final String OUTSIDE = "198405052009051002";
    static final String NOBODY = "198405052009051099";
    static boolean seeded;

    @Inject
    GapWorld world;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        world.unit("RL", null, "RL");
        world.unit("RL-A", "RL", "RL/RL-A");
        world.unit("RL-B", "RL", "RL/RL-B");
        world.position("RL-A-PLK", "RL-A", "PELAKSANA", null);
        world.position("RL-B-PLK", "RL-B", "PELAKSANA", null);
        world.employee(INSIDE, "Kartika", "RL-A-PLK", "PELAKSANA", "RL-A", "RL/RL-A");
        world.employee(OUTSIDE, "Lukman", "RL-B-PLK", "PELAKSANA", "RL-B", "RL/RL-B");
        world.assess(INSIDE, TODAY.minusDays(1), "M.1", 2.0);
        world.assess(OUTSIDE, TODAY.minusDays(1), "M.1", 2.0);
    }

    @Test
    void withoutATokenEveryOperationIsUnauthenticated() {
        given().get("/api/v1/competency-gaps/" + INSIDE).then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/competency-gaps?orgUnit=RL").then().statusCode(401);
        given().contentType("application/json").body(Map.of("positionCode", "RL-A-PLK", "nips", List.of(INSIDE)))
                .post("/api/v1/competency-gaps:batch").then().statusCode(401);
        given().get("/api/v1/development-needs?orgUnit=RL").then().statusCode(401);
        given().get("/api/v1/assessments?nip=" + INSIDE).then().statusCode(401);
        given().contentType("application/json").body(GapWorld.assessment(INSIDE, TODAY, "M.1", 3.0)).post("/api/v1/assessments")
                .then().statusCode(401);
        given().post("/api/v1/competency-gaps/snapshots/rebuild").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "HR_OFFICER", "ASSESSOR"})
    void assessorsHrAndAdminRecordAssessments(String role) {
        as(role).body(GapWorld.assessment(INSIDE, TODAY, "M.2", 3.0)).post("/api/v1/assessments").then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNIT_HEAD", "EMPLOYEE", "INTEGRATOR"})
    void othersDoNotRecordAssessments(String role) {
        as(role, INSIDE, "RL").body(GapWorld.assessment(INSIDE, TODAY, "M.2", 3.0)).post("/api/v1/assessments").then().statusCode(403);
    }

    @Test
    void anEmployeeReadsTheirOwnGapAndAssessmentsOnly() {
        as("EMPLOYEE", INSIDE, null).get("/api/v1/competency-gaps/" + INSIDE).then().statusCode(200).body("nip", equalTo(INSIDE));
        as("EMPLOYEE", INSIDE, null).get("/api/v1/assessments").then().statusCode(200).body("items.nip", contains(INSIDE));
        String other = as("EMPLOYEE", INSIDE, null).get("/api/v1/competency-gaps/" + OUTSIDE).then().statusCode(404).extract().asString();
        String unknown = as("EMPLOYEE", INSIDE, null).get("/api/v1/competency-gaps/" + NOBODY).then().statusCode(404).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(other.replace(OUTSIDE, "X"), equalTo(unknown.replace(NOBODY, "X")));
        as("EMPLOYEE", INSIDE, null).get("/api/v1/assessments?nip=" + OUTSIDE).then().statusCode(404);
        as("EMPLOYEE", INSIDE, null).get("/api/v1/competency-gaps?orgUnit=RL").then().statusCode(403);
        as("EMPLOYEE", INSIDE, null).get("/api/v1/development-needs?orgUnit=RL").then().statusCode(403);
    }

    @Test
    void aUnitHeadReadsTheirSubtreeOnly() {
        as("UNIT_HEAD", null, "RL-A").get("/api/v1/competency-gaps/" + INSIDE).then().statusCode(200);
        as("UNIT_HEAD", null, "RL-A").get("/api/v1/competency-gaps/" + OUTSIDE).then().statusCode(404);
        as("UNIT_HEAD", null, "RL-A").get("/api/v1/competency-gaps").then().statusCode(200).body("items.nip", contains(INSIDE));
        as("UNIT_HEAD", null, "RL-A").get("/api/v1/competency-gaps?orgUnit=RL-B").then().statusCode(404);
        as("UNIT_HEAD", null, "RL-A").get("/api/v1/competency-gaps?orgUnit=RL&subtree=true").then().statusCode(404);
        as("UNIT_HEAD", null, "RL-A").get("/api/v1/development-needs").then().statusCode(200).body("people", equalTo(1));
        as("UNIT_HEAD", null, "RL-A").get("/api/v1/assessments").then().statusCode(200).body("items.nip", not(contains(OUTSIDE)));
        as("UNIT_HEAD", null, "RL-A").get("/api/v1/assessments?nip=" + OUTSIDE).then().statusCode(404);
        as("UNIT_HEAD", null, "RL").get("/api/v1/competency-gaps/" + OUTSIDE).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ASSESSOR", "INTEGRATOR"})
    void assessorsAndIntegratorsReadNoGaps(String role) {
        as(role).get("/api/v1/competency-gaps/" + INSIDE).then().statusCode(403);
        as(role).get("/api/v1/competency-gaps?orgUnit=RL").then().statusCode(403);
        as(role).get("/api/v1/development-needs?orgUnit=RL").then().statusCode(403);
        as(role).body(Map.of("positionCode", "RL-A-PLK", "nips", List.of(INSIDE))).post("/api/v1/competency-gaps:batch").then().statusCode(403);
    }

    @Test
    void anIntegratorReadsNoScoresAndAnAssessorReadsThem() {
        as("INTEGRATOR").get("/api/v1/assessments?nip=" + INSIDE).then().statusCode(403)
                .body(not(containsString("\"level\"")));
        as("ASSESSOR").get("/api/v1/assessments?nip=" + INSIDE).then().statusCode(200).body("items[0].nip", equalTo(INSIDE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HR_OFFICER", "UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR"})
    void onlyAnAdminRebuilds(String role) {
        as(role, INSIDE, "RL").post("/api/v1/competency-gaps/snapshots/rebuild").then().statusCode(403);
    }

    @Test
    void adminAndHrOfficerReadEveryone() {
        as("ADMIN").get("/api/v1/competency-gaps/" + OUTSIDE).then().statusCode(200);
        as("HR_OFFICER").get("/api/v1/competency-gaps?orgUnit=RL&subtree=true").then().statusCode(200).body("total", equalTo(2));
        as("HR_OFFICER").body(Map.of("positionCode", "RL-A-PLK", "nips", List.of(INSIDE))).post("/api/v1/competency-gaps:batch").then().statusCode(200);
        as("ADMIN").get("/api/v1/development-needs?orgUnit=RL").then().statusCode(200);
    }
}
