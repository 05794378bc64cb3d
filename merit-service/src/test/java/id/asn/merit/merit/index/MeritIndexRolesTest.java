package id.asn.merit.merit.index;

import id.asn.merit.merit.testing.MeritFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static id.asn.merit.merit.index.MeritIndexTree.PATH;
import static id.asn.merit.merit.index.MeritIndexTree.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * SYSTEM.md §7 for the merit index: HR_OFFICER and ADMIN open, read, score, re-measure and submit; only ADMIN verifies
 * and edits indicator definitions; UNIT_HEAD, ASSESSOR, EMPLOYEE and INTEGRATOR get nothing (403), no token 401.
 */
@QuarkusTest
class MeritIndexRolesTest {
    @Inject
    MeritFixtures fixtures;

    @Test
    void withoutATokenEverythingIsUnauthenticated() {
        String id = "5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87";
        given().contentType(ContentType.JSON).body("{\"year\":2026,\"orgUnitCode\":\"X\"}").post(PATH).then().statusCode(401)
                .contentType("application/problem+json");
        given().get(PATH).then().statusCode(401);
        given().get(PATH + "/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"score\":3}").put(PATH + "/" + id + "/indicators/1.1").then().statusCode(401);
        given().post(PATH + "/" + id + "/prefill").then().statusCode(401);
        given().post(PATH + "/" + id + "/submission").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"decision\":\"VERIFIED\"}").post(PATH + "/" + id + "/verification").then().statusCode(401);
        given().get(PATH + "/indicators").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").put(PATH + "/indicators/1.1").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"items\":[]}").put(PATH + "/indicators").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR"})
    void otherRolesAreRefusedEverything(String role) {
        MeritIndexTree tree = MeritIndexTree.unitOnly(fixtures, "MIXR");
        String id = tree.open("ADMIN");
        String one = PATH + "/" + id;
        as(role).body(Map.of("year", tree.year - 1, "orgUnitCode", tree.root)).post(PATH).then().statusCode(403)
                .contentType("application/problem+json");
        as(role).get(PATH).then().statusCode(403);
        as(role).get(one).then().statusCode(403);
        as(role).body(Map.of("score", 3)).put(one + "/indicators/1.1").then().statusCode(403);
        as(role).post(one + "/prefill").then().statusCode(403);
        as(role).post(one + "/submission").then().statusCode(403);
        as(role).body(Map.of("decision", "VERIFIED")).post(one + "/verification").then().statusCode(403);
        as(role).get(PATH + "/indicators").then().statusCode(403);
        as(role).body(Map.of("name", "x")).put(PATH + "/indicators/1.1").then().statusCode(403);
        as(role).body(Map.of("items", List.of(Map.of("code", "1.1", "name", "x")))).put(PATH + "/indicators").then().statusCode(403);
        // nothing changed
        as("ADMIN").get(one).then().statusCode(200).body("version", equalTo(1)).body("status", equalTo("DRAFT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HR_OFFICER", "ADMIN"})
    void hrOfficerAndAdminOpenReadScoreAndSubmit(String role) {
        MeritIndexTree tree = MeritIndexTree.unitOnly(fixtures, "MIXR");
        String id = tree.open(role);
        String one = PATH + "/" + id;
        as(role).get(PATH + "?orgUnitCode=" + tree.root).then().statusCode(200).body("total", equalTo(1));
        as(role).get(one).then().statusCode(200);
        as(role).post(one + "/prefill").then().statusCode(200);
        as(role).get(PATH + "/indicators").then().statusCode(200);
        List<Map<String, Object>> aspects = as(role).get(one).then().extract().path("aspects");
        for (Map<String, Object> aspect : aspects) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> indicators = (List<Map<String, Object>>) aspect.get("indicators");
            for (Map<String, Object> i : indicators) {
                as(role).body(Map.of("score", 2)).put(one + "/indicators/" + i.get("code")).then().statusCode(200);
            }
        }
        as(role).post(one + "/submission").then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void onlyAdminVerifies() {
        MeritIndexTree tree = MeritIndexTree.unitOnly(fixtures, "MIXR");
        String id = tree.open("HR_OFFICER");
        String one = PATH + "/" + id;
        List<String> codes = as("HR_OFFICER").get(one).then().extract().path("aspects.indicators.flatten().code");
        for (String code : codes) {
            as("HR_OFFICER").body(Map.of("score", 4)).put(one + "/indicators/" + code).then().statusCode(200);
        }
        as("HR_OFFICER").post(one + "/submission").then().statusCode(200);
        as("HR_OFFICER").body(Map.of("decision", "VERIFIED")).post(one + "/verification").then().statusCode(403);
        as("ADMIN").body(Map.of("decision", "VERIFIED")).post(one + "/verification").then().statusCode(200)
                .body("status", equalTo("VERIFIED")).body("total", equalTo(400)).body("category", equalTo("IV"))
                .body("categoryLabel", equalTo("Sangat Baik"));
    }

    @Test
    void onlyAdminEditsIndicators() {
        Map<String, Object> first = as("ADMIN").get(PATH + "/indicators").then().statusCode(200).extract().path("items[0]");
        String code = (String) first.get("code");
        Map<String, Object> same = Map.of("name", first.get("name"));
        as("HR_OFFICER").body(same).put(PATH + "/indicators/" + code).then().statusCode(403);
        as("HR_OFFICER").body(Map.of("items", List.of(Map.of("code", code, "name", first.get("name"))))).put(PATH + "/indicators").then()
                .statusCode(403);
        as("ADMIN").body(same).put(PATH + "/indicators/" + code).then().statusCode(200).body("name", equalTo(first.get("name")));
        as("ADMIN").body(Map.of("items", List.of(Map.of("code", code, "name", first.get("name"))))).put(PATH + "/indicators").then()
                .statusCode(200);
    }
}
