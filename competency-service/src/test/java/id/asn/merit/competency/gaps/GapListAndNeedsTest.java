package id.asn.merit.competency.gaps;

import id.asn.merit.competency.domain.AssessmentPurpose;
import id.asn.merit.competency.domain.DevelopmentNeeds;
import id.asn.merit.competency.service.GapCalculator;
import id.asn.merit.competency.service.GapPolicies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static id.asn.merit.competency.gaps.GapWorld.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * The gap list and the AKPK roll-up over a small unit tree: LN / LN-A / LN-A1 and LN / LN-B. Three people in LN-A's
 * subtree hold LN-ADM (M.1 3 MUTLAK, M.2 3 PENTING, M.4 2 PERLU); one in LN-B holds a PELAKSANA post on the template;
 * a retired one is never counted.
 */
@QuarkusTest
class GapListAndNeedsTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    static final String E1 = "198203032007031001";
    static final String E2 = "198203032007031002";
    static final String E3 = "198203032007031003";
    static final String E4 = "198203032007031004";
    static final String E5 = "198203032007031005";
    static boolean seeded;

    @Inject
    GapWorld world;
    @Inject
    GapCalculator calculator;
    @Inject
    GapPolicies policies;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        world.unit("LN", null, "LN");
        world.unit("LN-A", "LN", "LN/LN-A");
        world.unit("LN-A1", "LN-A", "LN/LN-A/LN-A1");
        world.unit("LN-B", "LN", "LN/LN-B");
        world.position("LN-ADM", "LN-A", "ADMINISTRATOR", null);
        world.position("LN-PLK", "LN-B", "PELAKSANA", null);
        world.standard("LN-ADM", 1, TODAY.minusYears(1), "M.1", 3, "MUTLAK", "M.2", 3, "PENTING", "M.4", 2, "PERLU");
        world.assess(E1, TODAY.minusDays(20), "M.1", 1.0, "M.2", 2.5, "M.4", 2.0);
        world.assess(E2, TODAY.minusDays(20), "M.1", 3.0, "M.2", 3.0, "M.4", 2.0);
        world.assess(E3, TODAY.minusDays(20), "M.1", 2.0, "M.4", 1.0);
        world.assess(E5, TODAY.minusDays(20), "M.1", 1.0);
        world.employee(E1, "Ahmad Fauzi", "LN-ADM", "ADMINISTRATOR", "LN-A", "LN/LN-A");
        world.employee(E2, "Bambang Wijaya", "LN-ADM", "ADMINISTRATOR", "LN-A1", "LN/LN-A/LN-A1");
        world.employee(E3, "Citra Lestari, S.E.", "LN-ADM", "ADMINISTRATOR", "LN-A1", "LN/LN-A/LN-A1");
        world.employee(E4, "Dewi Sartika", "LN-PLK", "PELAKSANA", "LN-B", "LN/LN-B");
        world.employee(E5, "Eko Prasetyo", "LN-ADM", "ADMINISTRATOR", "LN-A", "LN/LN-A");
        world.replicas.exec("update employee_replica set status = 'RETIRED' where nip = ?", E5);
        world.snapshots.refresh(List.of(E5), "PLACEMENT");
    }

    @Test
    void theListOfASubtreeIsSortedByJpmAndFiltersByCategory() {
        as("HR_OFFICER").get("/api/v1/competency-gaps?orgUnit=LN-A&subtree=true").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.nip", contains(E3, E1, E2))
                // (2/3 + 0 + 1/2) / 3 = 0.3889; (1/3 + 2.5/3 + 1) / 3 = 0.7222; all met
                .body("items.jpm", contains(38.89f, 72.22f, 100.0f))
                .body("items.category", contains("KURANG_OPTIMAL", "KURANG_OPTIMAL", "OPTIMAL"))
                .body("items[0].coverage", equalTo(0.6667f))
                .body("items[0].standardSource", equalTo("OWN"));
        as("HR_OFFICER").get("/api/v1/competency-gaps?orgUnit=LN-A").then().statusCode(200).body("items.nip", contains(E1));
        as("HR_OFFICER").get("/api/v1/competency-gaps?orgUnit=LN&subtree=true&category=OPTIMAL").then().statusCode(200)
                .body("items.nip", contains(E2));
        as("HR_OFFICER").get("/api/v1/competency-gaps?orgUnit=LN&subtree=true&size=2&page=1").then().statusCode(200)
                .body("total", equalTo(4)).body("items.nip", contains(E1, E2));
        as("HR_OFFICER").get("/api/v1/competency-gaps?orgUnit=LN-B").then().statusCode(200)
                .body("items[0].standardSource", equalTo("TEMPLATE")).body("items[0].jpm", equalTo(0.0f));
        as("HR_OFFICER").get("/api/v1/competency-gaps?orgUnit=LN&category=GOOD").then().statusCode(400).body("errors[0].field", equalTo("category"));
        as("HR_OFFICER").get("/api/v1/competency-gaps?orgUnit=LN&subtree=maybe").then().statusCode(400).body("errors[0].field", equalTo("subtree"));
        as("HR_OFFICER").get("/api/v1/competency-gaps?orgUnit=NO-SUCH-UNIT").then().statusCode(404);
    }

    @Test
    void theListAsCsvHasEveryRowAndQuotesWhatNeedsIt() {
        String csv = as("HR_OFFICER").accept("text/csv").get("/api/v1/competency-gaps?orgUnit=LN-A&subtree=true")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines, hasSize(4));
        assertThat(lines.get(0), equalTo("nip,name,positionCode,orgUnitCode,jpm,category,coverage,standardVersion,standardSource,policyVersion,computedOn"));
        assertThat(lines.get(1), startsWith(E3 + ",\"Citra Lestari, S.E.\",LN-ADM,LN-A1,38.89,KURANG_OPTIMAL,0.6667,1,OWN,"));
        assertThat(lines.get(2), startsWith(E1 + ",Ahmad Fauzi,LN-ADM,LN-A,72.22,KURANG_OPTIMAL,"));
    }

    @Test
    void theRollUpCountsPeopleBelowStandardPerCompetencyAndOrdersEachPersonsNeeds() {
        JsonPath needs = as("HR_OFFICER").get("/api/v1/development-needs?orgUnit=LN-A&year=" + TODAY.getYear()).then().statusCode(200)
                .body("subtree", equalTo(true))
                .body("people", equalTo(3))
                .body("peopleWithNeeds", equalTo(2))
                .body("byCompetency.competencyCode", contains("M.1", "M.2", "M.4"))
                .body("byCompetency[0].peopleBelow", equalTo(2))
                .body("byCompetency[0].averageGap", equalTo(-1.5f))
                .body("byCompetency[0].mutlakCount", equalTo(2))
                .body("byCompetency[1].peopleBelow", equalTo(1))
                .body("byCompetency[1].averageGap", equalTo(-0.5f))
                .body("byCompetency[1].notAssessed", equalTo(1))
                .body("byCompetency[2].averageGap", equalTo(-1.0f))
                .body("byPerson.total", equalTo(2))
                .body("byPerson.items.nip", contains(E1, E3))
                .body("byPerson.items[0].needs.competencyCode", contains("M.1", "M.2"))
                .body("byPerson.items[0].needs.pathway", contains("KLASIKAL", "NONKLASIKAL"))
                .body("byPerson.items[1].needs.competencyCode", contains("M.1", "M.4"))
                .body("byPerson.items[1].needs.importance", contains("MUTLAK", "PERLU"))
                .extract().jsonPath();

        // the stored aggregate says what the pure function says on the same people's live gaps
        DevelopmentNeeds.Result pure = QuarkusTransaction.requiringNew().call(() -> DevelopmentNeeds.rollUp(
                List.of(E1, E2, E3).stream().map(nip -> new DevelopmentNeeds.PersonMatch(nip,
                        calculator.compute(nip, "LN-ADM", TODAY, AssessmentPurpose.MAPPING).result())).toList(),
                policies.current().policy()));
        List<Map<String, Object>> stored = needs.getList("byCompetency");
        assertThat(stored, hasSize(pure.byCompetency().size()));
        for (int i = 0; i < stored.size(); i++) {
            DevelopmentNeeds.CompetencyNeed p = pure.byCompetency().get(i);
            assertThat(stored.get(i).get("competencyCode"), equalTo(p.competencyCode()));
            assertThat(stored.get(i).get("peopleBelow"), equalTo(p.peopleBelow()));
            assertThat(stored.get(i).get("mutlakCount"), equalTo(p.mutlakCount()));
            assertThat(stored.get(i).get("notAssessed"), equalTo(p.notAssessed()));
            assertThat(new BigDecimal(stored.get(i).get("averageGap").toString()).compareTo(p.averageGap()), equalTo(0));
        }
    }

    @Test
    void theRollUpAsCsvListsEveryNeed() {
        String csv = as("HR_OFFICER").accept("text/csv").get("/api/v1/development-needs?orgUnit=LN-A")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines, hasSize(5));
        assertThat(lines.get(1), startsWith(E1 + ",Ahmad Fauzi,LN-ADM,LN-A,M.1,Integritas,3,1.0,-2.0,2.0,MUTLAK,KLASIKAL,"));
    }

    @Test
    void aPastYearIsRefusedAndBadParametersAreNamed() {
        as("HR_OFFICER").get("/api/v1/development-needs?orgUnit=LN&year=" + (TODAY.getYear() - 1)).then().statusCode(422)
                .body("errors[0].field", equalTo("year"));
        as("HR_OFFICER").get("/api/v1/development-needs?orgUnit=LN&year=soon").then().statusCode(400).body("errors[0].field", equalTo("year"));
        as("HR_OFFICER").get("/api/v1/development-needs?orgUnit=LN&size=501").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void theBatchGivesEveryoneAgainstOnePosition() {
        as("HR_OFFICER").body(Map.of("positionCode", "LN-ADM", "nips", List.of(E2, E1, E2, E4))).post("/api/v1/competency-gaps:batch")
                .then().statusCode(200)
                .body("purpose", equalTo("SELECTION"))
                .body("standardVersion", equalTo(1))
                .body("items.nip", contains(E2, E1, E4))
                .body("items.jpm", contains(100.0f, 72.22f, 0.0f))
                .body("items.category", contains("MEMENUHI_SYARAT", "MASIH_MEMENUHI_SYARAT", "KURANG_MEMENUHI_SYARAT"))
                .body("items.targetPosition", contains(false, false, true));
        as("HR_OFFICER").body(Map.of("positionCode", "LN-ADM", "nips", List.of("123"))).post("/api/v1/competency-gaps:batch")
                .then().statusCode(400).body("errors[0].field", equalTo("nips[0]"));
        as("HR_OFFICER").body(Map.of("positionCode", "NOPE", "nips", List.of(E1))).post("/api/v1/competency-gaps:batch")
                .then().statusCode(422).body("errors[0].field", equalTo("positionCode"));
    }
}
