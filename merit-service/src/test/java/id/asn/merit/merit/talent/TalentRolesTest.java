package id.asn.merit.merit.talent;

import id.asn.merit.merit.testing.MeritFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static id.asn.merit.merit.talent.TalentPeople.as;
import static id.asn.merit.merit.talent.TalentPeople.asUnitHead;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * SYSTEM.md §7 for the talent reports: ADMIN and HR_OFFICER everything; a UNIT_HEAD the 9-box and pool of their own
 * subtree; an INTEGRATOR boxes and counts without personal fields; fairness reports for ADMIN and HR_OFFICER only.
 */
@QuarkusTest
class TalentRolesTest {
    static final String NINE_BOX = "/api/v1/nine-box";
    static final String POOL = "/api/v1/talent-pool";
    static final String FAIRNESS = "/api/v1/fairness-reports";
    static final int YEAR = 2025;
    static final String ROOT = TalentPeople.freshCode("TR");
    static final String CHILD = ROOT + "-C";
    static final String SIBLING = TalentPeople.freshCode("TS");
    static boolean arranged;
    static String head, member;

    @Inject
    MeritFixtures fx;

    @BeforeEach
    void arrange() {
        if (arranged) {
            return;
        }
        TalentPeople people = new TalentPeople(fx);
        fx.unit(ROOT, null, ROOT);
        fx.unit(CHILD, ROOT, ROOT + "/" + CHILD);
        fx.unit(SIBLING, null, SIBLING);
        LocalDate born = LocalDate.of(1984, 2, 2);
        head = people.person("Kepala", "M", born, ROOT, ROOT, YEAR, 9, 91.0, true);
        member = people.person("Staf", "F", born, CHILD, ROOT + "/" + CHILD, YEAR, 9, 89.0, true);
        people.person("Lain", "F", born, SIBLING, SIBLING, YEAR, 9, 93.0, true);
        arranged = true;
    }

    @Test
    void withoutATokenEverythingIsUnauthenticated() {
        given().get(NINE_BOX).then().statusCode(401).contentType("application/problem+json");
        given().get(POOL).then().statusCode(401).contentType("application/problem+json");
        given().get(FAIRNESS + "?outcome=TALENT_POOL").then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "HR_OFFICER"})
    void adminAndHrOfficerReadEverythingWithMembers(String role) {
        as(role).get(NINE_BOX + "?year=" + YEAR + "&orgUnit=" + ROOT).then().statusCode(200)
                .body("boxes[8].count", equalTo(2)).body("boxes[8].members.nip", contains(head, member));
        as(role).get(POOL + "?year=" + YEAR + "&orgUnit=" + ROOT).then().statusCode(200)
                .body("instansi.members.nip", contains(head, member)).body("$", hasKey("excluded"));
        as(role).get(FAIRNESS + "?year=" + YEAR + "&orgUnit=" + ROOT + "&outcome=TALENT_POOL").then().statusCode(200)
                .body("population", equalTo(2));
    }

    @Test
    void aUnitHeadSeesTheirOwnSubtreeByDefault() {
        asUnitHead(ROOT).get(NINE_BOX + "?year=" + YEAR).then().statusCode(200)
                .body("orgUnitCode", equalTo(ROOT)).body("total", equalTo(2)).body("boxes[8].members.nip", contains(head, member));
        asUnitHead(CHILD).get(NINE_BOX + "?year=" + YEAR).then().statusCode(200)
                .body("total", equalTo(1)).body("boxes[8].members.nip", contains(member));
        asUnitHead(ROOT).get(POOL + "?year=" + YEAR + "&orgUnit=" + CHILD).then().statusCode(200)
                .body("instansi.count", equalTo(1)).body("instansi.members.nip", contains(member));
    }

    @Test
    void aUnitOutsideTheHeadsSubtreeIsAnsweredLikeAnUnknownOne() {
        asUnitHead(CHILD).get(NINE_BOX + "?year=" + YEAR + "&orgUnit=" + ROOT).then().statusCode(404).contentType("application/problem+json");
        asUnitHead(ROOT).get(NINE_BOX + "?year=" + YEAR + "&orgUnit=" + SIBLING).then().statusCode(404);
        asUnitHead(ROOT).get(POOL + "?year=" + YEAR + "&orgUnit=" + SIBLING).then().statusCode(404);
        asUnitHead(ROOT).accept("image/svg+xml").get(NINE_BOX + "?year=" + YEAR + "&orgUnit=" + SIBLING).then().statusCode(404);
    }

    @Test
    void aUnitHeadWhoseUnitIsUnknownIsRefused() {
        asUnitHead(ROOT + "-NOWHERE").get(NINE_BOX).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anIntegratorGetsBoxesAndCountsWithoutPersonalFields() {
        String nineBox = as("INTEGRATOR").get(NINE_BOX + "?year=" + YEAR + "&orgUnit=" + ROOT).then().statusCode(200)
                .body("boxes[8].count", equalTo(2)).body("boxes[8]", not(hasKey("members"))).body("total", equalTo(2))
                .extract().asString();
        String pool = as("INTEGRATOR").get(POOL + "?year=" + YEAR + "&orgUnit=" + ROOT).then().statusCode(200)
                .body("instansi.count", equalTo(2)).body("instansi", not(hasKey("members"))).body("national", not(hasKey("members")))
                .body("$", not(hasKey("excluded"))).body("$", not(hasKey("excludedCount"))).extract().asString();
        for (String text : new String[] {nineBox, pool}) {
            org.junit.jupiter.api.Assertions.assertFalse(text.contains(head) || text.contains("Kepala"), "no personal fields for INTEGRATOR");
        }
        as("INTEGRATOR").accept("image/svg+xml").get(NINE_BOX + "?year=" + YEAR + "&orgUnit=" + ROOT).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EMPLOYEE", "ASSESSOR"})
    void employeesAndAssessorsAreRefusedTheNineBoxAndPool(String role) {
        as(role).get(NINE_BOX + "?year=" + YEAR).then().statusCode(403).contentType("application/problem+json");
        as(role).get(POOL + "?year=" + YEAR).then().statusCode(403).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNIT_HEAD", "INTEGRATOR", "EMPLOYEE", "ASSESSOR"})
    void onlyAdminAndHrOfficerReadFairnessReports(String role) {
        given().auth().oauth2(id.asn.merit.devinfra.TestInfra.token(role, null, ROOT))
                .get(FAIRNESS + "?year=" + YEAR + "&orgUnit=" + ROOT + "&outcome=TALENT_POOL").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
