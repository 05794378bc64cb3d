package id.asn.merit.competency.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static id.asn.merit.competency.rest.Competencies.as;
import static id.asn.merit.competency.rest.Standards.POLICY;
import static id.asn.merit.competency.rest.Standards.defaultPolicy;
import static id.asn.merit.competency.rest.Standards.rows;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SYSTEM.md §6.1: the gap policy is versioned data at /api/v1/competency-gaps/policy; a replacement is a new version,
 * every old version stays readable, and a broken policy is one 422 naming every rule it breaks.
 */
@QuarkusTest
class GapPolicyRestTest {

    @Test
    void theSeededPolicyHasTheDefaultsOfSystemSixOne() {
        as("EMPLOYEE").get(POLICY + "/versions/1").then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1)).body("mapping.optimal", equalTo(90)).body("mapping.cukupOptimal", equalTo(78))
                .body("selection.memenuhiSyarat", equalTo(80)).body("selection.masihMemenuhiSyarat", equalTo(68))
                .body("validityYears", equalTo(3)).body("rounding.scale", equalTo(2)).body("rounding.mode", equalTo("HALF_UP"))
                .body("klasikalFromGap", equalTo(2)).body("createdBy", equalTo("system"));
        as("INTEGRATOR").get(POLICY).then().statusCode(200).body("mapping.optimal", equalTo(90));
    }

    @Test
    void anAdminWritesANewVersionAndTheOldOneStaysReadable() {
        int before = as("ADMIN").get(POLICY).then().statusCode(200).extract().path("version");
        Map<String, Object> stricter = defaultPolicy();
        stricter.put("mapping", Map.of("optimal", 91, "cukupOptimal", 85));
        stricter.put("validityYears", 2);
        as("ADMIN").header("If-Match", "\"" + before + "\"").body(stricter).put(POLICY).then().statusCode(200)
                .header("ETag", equalTo("\"" + (before + 1) + "\"")).body("version", equalTo(before + 1))
                .body("mapping.optimal", equalTo(91)).body("mapping.cukupOptimal", equalTo(85)).body("validityYears", equalTo(2))
                .body("createdBy", equalTo("test-admin"));
        try {
            as("UNIT_HEAD").get(POLICY).then().statusCode(200).header("ETag", equalTo("\"" + (before + 1) + "\""))
                    .body("mapping.optimal", equalTo(91));
            as("UNIT_HEAD").get(POLICY + "/versions/" + before).then().statusCode(200).body("version", equalTo(before));
            as("HR_OFFICER").get(POLICY + "/history?size=2").then().statusCode(200).body("total", equalTo(before + 1))
                    .body("items.version", contains(before + 1, before));
            // a stale If-Match is refused
            as("ADMIN").header("If-Match", "\"" + before + "\"").body(defaultPolicy()).put(POLICY).then().statusCode(412)
                    .contentType("application/problem+json");
            List<Map<String, Object>> audit = rows("""
                    select action, actor, before_json, after_json from audit_entry where entity = 'GapPolicy' and entity_id = ?""",
                    Integer.toString(before + 1));
            assertEquals(1, audit.size());
            assertEquals("UPDATE", audit.get(0).get("action"));
            assertEquals("test-admin", audit.get(0).get("actor"));
        } finally {
            as("ADMIN").body(defaultPolicy()).put(POLICY).then().statusCode(200).body("version", equalTo(before + 2));
        }
    }

    @Test
    void aBrokenPolicyNamesEveryRuleAndWritesNothing() {
        int before = as("ADMIN").get(POLICY).then().extract().path("version");
        Map<String, Object> broken = defaultPolicy();
        broken.put("mapping", Map.of("optimal", 70, "cukupOptimal", 78));
        broken.put("selection", Map.of("memenuhiSyarat", 120, "masihMemenuhiSyarat", 68));
        broken.put("validityYears", 0);
        broken.put("rounding", Map.of("scale", 9, "mode", "UNNECESSARY"));
        broken.remove("klasikalFromGap");
        as("ADMIN").body(broken).put(POLICY).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("mapping.optimal", "selection.memenuhiSyarat", "validityYears",
                        "rounding.scale", "rounding.mode", "klasikalFromGap"))
                .body("errors.message", hasItem("must be above mapping.cukupOptimal (70 ≤ 78)"));
        as("ADMIN").body(Map.of("rounding", Map.of("scale", 2, "mode", "NEAREST"))).put(POLICY).then().statusCode(400)
                .body("errors.field", contains("rounding.mode"));
        as("ADMIN").get(POLICY).then().body("version", equalTo(before));
    }

    @Test
    void anUnknownVersionIsNotFoundAndANonNumberABadRequest() {
        as("ADMIN").get(POLICY + "/versions/9999").then().statusCode(404).contentType("application/problem+json");
        as("ADMIN").get(POLICY + "/versions/x").then().statusCode(400).body("errors.field", contains("version"));
    }
}
