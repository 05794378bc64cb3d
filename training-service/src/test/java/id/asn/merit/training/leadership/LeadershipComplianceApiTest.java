package id.asn.merit.training.leadership;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.training.testing.TrainingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small instansi LTC (root) with two bidang: LTC-A (a kabid ADMINISTRATOR with PKA, a kasi PENGAWAS whose holder has
 * only a PENDING PKP, a vacant kasi) and LTC-B (a kabid ADMINISTRATOR who holds PKN_II, higher than needed; a JPT at the
 * root requiring PKN_II whose holder has PKA only).
 */
@QuarkusTest
class LeadershipComplianceApiTest {
    static final String PATH = "/api/v1/leadership-training-compliance";
    static final String KABID_A = "197501012000031001";
    static final String KASI_A = "198001012005031002";
    static final String KABID_B = "197601012001031003";
    static final String KADIS = "197001011995031004";
    static final String STAFF = "199001012015031005";

    @Inject
    TrainingFixtures fx;
    static boolean seeded;
    static UUID pkaRecord;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        fx.unit("LTC", null, "LTC");
        fx.unit("LTC-A", "LTC", "LTC/LTC-A");
        fx.unit("LTC-B", "LTC", "LTC/LTC-B");
        fx.position("LTC-KADIS", "LTC", "JPT_PRATAMA", null);
        fx.position("LTC-KABID-A", "LTC-A", "ADMINISTRATOR", null);
        fx.position("LTC-KASI-A1", "LTC-A", "PENGAWAS", null);
        fx.position("LTC-KASI-A2", "LTC-A", "PENGAWAS", "PKP");
        fx.position("LTC-KABID-B", "LTC-B", "ADMINISTRATOR", null);
        fx.position("LTC-STAFF", "LTC-A", "PELAKSANA", null);
        fx.employee(KADIS, "Kepala Dinas", "LTC-KADIS", "JPT_PRATAMA", "LTC", "LTC");
        fx.employee(KABID_A, "Kabid A", "LTC-KABID-A", "ADMINISTRATOR", "LTC-A", "LTC/LTC-A");
        fx.employee(KASI_A, "Kasi A", "LTC-KASI-A1", "PENGAWAS", "LTC-A", "LTC/LTC-A");
        fx.employee(KABID_B, "Kabid B", "LTC-KABID-B", "ADMINISTRATOR", "LTC-B", "LTC/LTC-B");
        fx.employee(STAFF, "Staf", "LTC-STAFF", "PELAKSANA", "LTC-A", "LTC/LTC-A");
        pkaRecord = fx.record(KABID_A, "KL01", LocalDate.of(2024, 6, 1), LocalDate.of(2024, 9, 20), "380", "VERIFIED", List.of(), "PKA", null);
        fx.record(KASI_A, "KL01", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 30), "830", "PENDING", List.of(), "PKP", null);
        fx.record(KABID_B, "KL01", LocalDate.of(2023, 2, 1), LocalDate.of(2023, 6, 30), "400", "VERIFIED", List.of(), "PKN_II", null);
        fx.record(KADIS, "KL01", LocalDate.of(2019, 2, 1), LocalDate.of(2019, 6, 30), "380", "VERIFIED", List.of(), "PKA", null);
        // a non-leadership record of the kadis proves nothing
        fx.verified(KADIS, "KL03", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 3), "24");
        seeded = true;
    }

    static io.restassured.specification.RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role));
    }

    @Test
    void everyManagerialPostWithItsHoldersAndWhetherTheyHaveTheTraining() {
        as("HR_OFFICER").get(PATH + "?orgUnit=LTC&subtree=true").then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items.positionCode", contains("LTC-KABID-A", "LTC-KABID-B", "LTC-KADIS", "LTC-KASI-A1", "LTC-KASI-A2"))
                // held
                .body("items[0].requiredTraining", equalTo("PKA")).body("items[0].held", equalTo(true))
                .body("items[0].holders[0].nip", equalTo(KABID_A)).body("items[0].holders[0].name", equalTo("Kabid A"))
                .body("items[0].holders[0].held", equalTo(true))
                .body("items[0].holders[0].evidence.recordId", equalTo(pkaRecord.toString()))
                .body("items[0].holders[0].evidence.endDate", equalTo("2024-09-20"))
                .body("items[0].holders[0].evidence.title", startsWith("Training "))
                // a higher level counts
                .body("items[1].requiredTraining", equalTo("PKA")).body("items[1].holders[0].held", equalTo(true))
                .body("items[1].holders[0].evidence.leadershipLevel", equalTo("PKN_II"))
                // JPT_PRATAMA needs PKN_II: PKA is not enough
                .body("items[2].type", equalTo("JPT_PRATAMA")).body("items[2].requiredTraining", equalTo("PKN_II"))
                .body("items[2].holders[0].held", equalTo(false)).body("items[2].holders[0].evidence", nullValue())
                // a PENDING record proves nothing
                .body("items[3].requiredTraining", equalTo("PKP")).body("items[3].holders[0].held", equalTo(false))
                // vacant
                .body("items[4].vacant", equalTo(true)).body("items[4].holders", hasSize(0)).body("items[4].held", equalTo(false))
                .body("summary.posts", equalTo(5)).body("summary.filled", equalTo(4)).body("summary.vacant", equalTo(1))
                .body("summary.holdersWithTraining", equalTo(2)).body("summary.holdersWithout", equalTo(2))
                .body("summary.percentHeld", equalTo(50.0f));
    }

    @Test
    void theScopeIsTheUnitOrItsSubtree() {
        as("ADMIN").get(PATH + "?orgUnit=LTC-A&subtree=true").then().statusCode(200)
                .body("items.positionCode", contains("LTC-KABID-A", "LTC-KASI-A1", "LTC-KASI-A2"))
                .body("summary.filled", equalTo(2)).body("summary.percentHeld", equalTo(50.0f));
        as("ADMIN").get(PATH + "?orgUnit=LTC").then().statusCode(200)
                .body("items.positionCode", contains("LTC-KADIS")).body("summary.percentHeld", equalTo(0.0f));
        as("ADMIN").get(PATH + "?orgUnit=LTC&subtree=true&size=2&page=1").then().statusCode(200)
                .body("items.positionCode", contains("LTC-KADIS", "LTC-KASI-A1")).body("total", equalTo(5))
                .body("summary.posts", equalTo(5));
    }

    @Test
    void aUnitHeadSeesTheirSubtreeOnlyAndOthersAreRefused() {
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", KABID_B, "LTC-B")).get(PATH).then().statusCode(200)
                .body("items.positionCode", contains("LTC-KABID-B")).body("summary.percentHeld", equalTo(100.0f));
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", KABID_B, "LTC-B")).get(PATH + "?orgUnit=LTC-A").then().statusCode(404)
                .contentType("application/problem+json");
        as("INTEGRATOR").get(PATH + "?orgUnit=LTC-B").then().statusCode(200).body("items[0].holders[0].nip", equalTo(KABID_B));
        given().auth().oauth2(TestInfra.token("EMPLOYEE", STAFF, null)).get(PATH).then().statusCode(403);
        as("ASSESSOR").get(PATH).then().statusCode(403);
        given().get(PATH).then().statusCode(401);
        as("ADMIN").get(PATH + "?orgUnit=NOWHERE").then().statusCode(404);
        as("ADMIN").get(PATH + "?subtree=maybe").then().statusCode(400).body("errors[0].field", equalTo("subtree"));
    }

    @Test
    void csvHasOneLinePerPostAndHolder() {
        Response csv = as("HR_OFFICER").accept("text/csv").get(PATH + "?orgUnit=LTC-A&subtree=true");
        csv.then().statusCode(200).contentType(containsString("text/csv"));
        String[] lines = csv.asString().split("\r\n");
        assertEquals(4, lines.length, csv.asString());
        assertEquals(LeadershipCompliance.CSV_HEADER, lines[0]);
        assertEquals("LTC-KABID-A,Jabatan LTC-KABID-A,ADMINISTRATOR,LTC-A,PKA," + KABID_A + ",Kabid A,true," + pkaRecord
                + ",Training " + pkaRecord + ",2024-09-20,PKA", lines[1]);
        assertEquals("LTC-KASI-A1,Jabatan LTC-KASI-A1,PENGAWAS,LTC-A,PKP," + KASI_A + ",Kasi A,false,,,,", lines[2]);
        assertEquals("LTC-KASI-A2,Jabatan LTC-KASI-A2,PENGAWAS,LTC-A,PKP,,,false,,,,", lines[3]);
    }
}
