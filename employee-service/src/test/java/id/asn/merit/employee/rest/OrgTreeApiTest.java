package id.asn.merit.employee.rest;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A ministry's tree: levels derived from the parent, a configurable depth (6 by default), paged lists (SYSTEM.md §3, §4). */
@QuarkusTest
class OrgTreeApiTest {
    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    static io.restassured.response.ValidatableResponse create(String code, String parent, String level) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Unit " + code));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        if (level != null) {
            body.put("level", level);
        }
        return as("HR_OFFICER").body(body).post("/api/v1/org-units").then();
    }

    @Test
    void theLevelIsDerivedFromTheParentWhenLeftOut() {
        create("KEMEN-A", null, null).statusCode(201).body("level", equalTo("INSTANSI")).body("depth", equalTo(1));
        create("KEMEN-A-DITJEN", "KEMEN-A", null).statusCode(201).body("level", equalTo("PERANGKAT_DAERAH")).body("depth", equalTo(2));
        create("KEMEN-A-DIT", "KEMEN-A-DITJEN", "BIDANG").statusCode(201).body("level", equalTo("BIDANG"));
        create("KEMEN-A-SUBDIT", "KEMEN-A-DIT", null).statusCode(201).body("level", equalTo("SEKSI"));
        // deeper than the four regional names: generic labels, given or derived
        create("KEMEN-A-SEKSI", "KEMEN-A-SUBDIT", null).statusCode(201).body("level", equalTo("LEVEL_5")).body("depth", equalTo(5))
                .body("path", contains("KEMEN-A", "KEMEN-A-DITJEN", "KEMEN-A-DIT", "KEMEN-A-SUBDIT", "KEMEN-A-SEKSI"));
        create("KEMEN-A-SUBSEKSI", "KEMEN-A-SEKSI", "LEVEL_6").statusCode(201).body("level", equalTo("LEVEL_6")).body("depth", equalTo(6));
        as("ADMIN").get("/api/v1/org-units/KEMEN-A-SUBSEKSI").then().statusCode(200).body("level", equalTo("LEVEL_6"));
    }

    @Test
    void aLevelThatContradictsTheParentIs422NamingLevel() {
        create("KEMEN-B", null, null).statusCode(201);
        create("KEMEN-B-DITJEN", "KEMEN-B", "SEKSI").statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("level"))
                .body("errors[0].message", containsString("is a PERANGKAT_DAERAH, not a SEKSI"));
        create("KEMEN-B-ROOT2", "KEMEN-B", "INSTANSI").statusCode(422).body("errors[0].field", equalTo("level"));
        // not a label at all: a 400 naming level; a deeper level without a parent: parentCode is missing
        create("KEMEN-B-X", "KEMEN-B", "DIREKTORAT").statusCode(400).body("errors[0].field", equalTo("level"));
        create("KEMEN-B-Y", null, "BIDANG").statusCode(400).body("errors[0].field", equalTo("parentCode"));
        as("ADMIN").get("/api/v1/org-units/KEMEN-B-DITJEN").then().statusCode(404);
    }

    @Test
    void theTreeStopsAtTheConfiguredDepth() {
        String parent = null;
        for (int depth = 1; depth <= 6; depth++) {
            String code = "KEMEN-C-" + depth;
            create(code, parent, null).statusCode(201).body("depth", equalTo(depth));
            parent = code;
        }
        create("KEMEN-C-7", "KEMEN-C-6", null).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("parentCode"))
                .body("errors[0].message", containsString("asn.org.max-depth=6"));
        as("ADMIN").get("/api/v1/org-units/KEMEN-C-7").then().statusCode(404);
    }

    @Test
    void aMoveReDerivesTheLevelsAndRespectsTheMaximumDepth() {
        create("KEMEN-D", null, null).statusCode(201);
        create("KEMEN-D-1", "KEMEN-D", null).statusCode(201);
        create("KEMEN-D-1-1", "KEMEN-D-1", null).statusCode(201);
        create("KEMEN-D-1-1-1", "KEMEN-D-1-1", null).statusCode(201);
        create("KEMEN-D-1-1-1-1", "KEMEN-D-1-1-1", null).statusCode(201); // depth 5
        create("KEMEN-D-2", "KEMEN-D", null).statusCode(201);
        create("KEMEN-D-2-1", "KEMEN-D-2", null).statusCode(201);      // depth 3, a BIDANG with a child
        create("KEMEN-D-2-1-1", "KEMEN-D-2-1", null).statusCode(201);  // depth 4

        // under the depth-5 unit, KEMEN-D-2-1's subtree would reach depth 7
        as("HR_OFFICER").body(Map.of("parentCode", "KEMEN-D-1-1-1-1")).patch("/api/v1/org-units/KEMEN-D-2-1")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("parentCode")).body("errors[0].message", containsString("depth 7"));
        as("ADMIN").get("/api/v1/org-units/KEMEN-D-2-1").then().body("parentCode", equalTo("KEMEN-D-2")).body("level", equalTo("BIDANG"));

        // one level deeper fits: every level of the moved subtree follows its new depth
        as("HR_OFFICER").body(Map.of("parentCode", "KEMEN-D-1-1")).patch("/api/v1/org-units/KEMEN-D-2-1")
                .then().statusCode(200).body("level", equalTo("SEKSI")).body("depth", equalTo(4))
                .body("path", contains("KEMEN-D", "KEMEN-D-1", "KEMEN-D-1-1", "KEMEN-D-2-1"));
        as("ADMIN").get("/api/v1/org-units/KEMEN-D-2-1-1").then().statusCode(200)
                .body("level", equalTo("LEVEL_5")).body("depth", equalTo(5))
                .body("path", contains("KEMEN-D", "KEMEN-D-1", "KEMEN-D-1-1", "KEMEN-D-2-1", "KEMEN-D-2-1-1"));
    }

    @Test
    void orgUnitListsArePagedAndStablySorted() {
        create("KEMEN-E", null, null).statusCode(201);
        for (String c : new String[]{"KEMEN-E-C", "KEMEN-E-A", "KEMEN-E-B"}) {
            create(c, "KEMEN-E", null).statusCode(201);
        }
        create("KEMEN-E-A-1", "KEMEN-E-A", null).statusCode(201);

        as("ADMIN").get("/api/v1/org-units?parentCode=KEMEN-E&size=2").then().statusCode(200)
                .body("items.code", contains("KEMEN-E-A", "KEMEN-E-B")).body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3));
        as("ADMIN").get("/api/v1/org-units?parentCode=KEMEN-E&size=2&page=1").then().statusCode(200)
                .body("items.code", contains("KEMEN-E-C")).body("total", equalTo(3));
        as("EMPLOYEE").get("/api/v1/org-units/KEMEN-E/children").then().statusCode(200)
                .body("items.code", contains("KEMEN-E-A", "KEMEN-E-B", "KEMEN-E-C")).body("size", equalTo(50));
        as("INTEGRATOR").get("/api/v1/org-units/KEMEN-E/subtree?size=3").then().statusCode(200)
                .body("items.code", contains("KEMEN-E", "KEMEN-E-A", "KEMEN-E-A-1")).body("total", equalTo(5));
        as("ADMIN").get("/api/v1/org-units/KEMEN-E/subtree?size=3&page=1").then()
                .body("items.code", contains("KEMEN-E-B", "KEMEN-E-C"));
        as("ADMIN").get("/api/v1/org-units").then().statusCode(200).body("items.code", org.hamcrest.Matchers.hasItem("KEMEN-E"));

        as("ADMIN").get("/api/v1/org-units?parentCode=KEMEN-E&size=501").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("ADMIN").get("/api/v1/org-units/KEMEN-E/subtree?page=abc").then().statusCode(400).body("errors[0].field", equalTo("page"));
        as("ADMIN").get("/api/v1/org-units/KEMEN-E/children?size=x").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("ADMIN").get("/api/v1/org-units/NO-SUCH-UNIT/children").then().statusCode(404);
        as("ADMIN").get("/api/v1/org-units/NO-SUCH-UNIT/subtree").then().statusCode(404).body("items", org.hamcrest.Matchers.nullValue());
        as("ADMIN").get("/api/v1/org-units/KEMEN-E/children?size=500").then().statusCode(200).body("items", hasSize(3));
    }
}
