package id.asn.merit.training.catalog;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TrainingProgramApiTest {
    static final String PATH = "/api/v1/training-programs";

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    static String body(String code, String title, String method, String jp, String competencies, String level) {
        return """
                {"code":"%s","title":"%s","methodCode":"%s","organizer":"BPSDM Papua Barat Daya","jp":%s,"competencyCodes":%s,"leadershipLevel":%s}"""
                .formatted(code, title, method, jp, competencies, level == null ? "null" : "\"" + level + "\"");
    }

    @Test
    void createReadReplaceAndWithdraw() {
        as("HR_OFFICER").body(body("TPA-PKP-1", "Pelatihan Kepemimpinan Pengawas I", "KL01", "830", "[\"M.4\",\"M.8\"]", "PKP"))
                .post(PATH).then().statusCode(201).header("Location", endsWith(PATH + "/TPA-PKP-1")).header("ETag", equalTo("\"0\""))
                .body("code", equalTo("TPA-PKP-1")).body("methodCode", equalTo("KL01")).body("jp", equalTo(830))
                .body("competencyCodes", contains("M.4", "M.8")).body("leadershipLevel", equalTo("PKP"))
                .body("active", equalTo(true)).body("version", equalTo(0));
        as("ASSESSOR").get(PATH + "/TPA-PKP-1").then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("title", equalTo("Pelatihan Kepemimpinan Pengawas I")).body("jp", equalTo(830.0f));

        String replaced = body("TPA-PKP-1", "Pelatihan Kepemimpinan Pengawas Angkatan I", "KL01", "830", "[\"M.4\"]", "PKP");
        as("ADMIN").header("If-Match", "\"0\"").body(replaced).put(PATH + "/TPA-PKP-1").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("version", equalTo(1)).body("competencyCodes", contains("M.4"));
        as("ADMIN").header("If-Match", "\"0\"").body(replaced).put(PATH + "/TPA-PKP-1").then().statusCode(412)
                .contentType("application/problem+json");
        as("ADMIN").body(body("OTHER", "x", "KL01", "1", "[]", null)).put(PATH + "/TPA-PKP-1").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));

        as("HR_OFFICER").delete(PATH + "/TPA-PKP-1").then().statusCode(204);
        as("HR_OFFICER").delete(PATH + "/TPA-PKP-1").then().statusCode(204);
        as("EMPLOYEE").get(PATH + "?q=pengawas angkatan").then().statusCode(200).body("items.code", not(hasItem("TPA-PKP-1")));
        as("EMPLOYEE").get(PATH + "?q=pengawas angkatan&includeInactive=true").then().statusCode(200)
                .body("items.code", contains("TPA-PKP-1")).body("items[0].active", equalTo(false));
        as("INTEGRATOR").get(PATH + "/TPA-PKP-1").then().statusCode(200).body("active", equalTo(false));

        as("ADMIN").get("/api/v1/training-records/audit?entity=TrainingProgram&id=TPA-PKP-1").then().statusCode(200)
                .body("total", equalTo(3)).body("items.action", contains("DEACTIVATE", "UPDATE", "CREATE"))
                .body("items[2].actor", equalTo("test-hr-officer")).body("items[2].before", nullValue());
    }

    @Test
    void anExistingCodeIsAConflictAndAnIdempotentRetryReplays() {
        String b = body("TPA-DUP", "Bimtek OSS RBA", "KL10", "24", "[]", null);
        as("ADMIN").header("Idempotency-Key", "tpa-dup-1").body(b).post(PATH).then().statusCode(201);
        as("ADMIN").header("Idempotency-Key", "tpa-dup-1").body(b).post(PATH).then().statusCode(201).body("code", equalTo("TPA-DUP"));
        as("ADMIN").header("Idempotency-Key", "tpa-dup-1").body(body("TPA-DUP", "Bimtek lain", "KL10", "24", "[]", null)).post(PATH)
                .then().statusCode(422);
        as("ADMIN").body(b).post(PATH).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void validationNamesEveryWrongField() {
        as("ADMIN").body(body("TPA-BAD", "", "XX99", "0", "[\"M.1\",\"NOPE.1\"]", "PKP")).post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("title", "methodCode", "jp", "competencyCodes"));
        // a leadership level only on a method that counts as leadership training
        as("ADMIN").body(body("TPA-BAD", "Bimtek", "KL03", "10", "[]", "PKA")).post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("leadershipLevel"));
        as("ADMIN").body(body("TPA-BAD", "Diklat", "KL01", "10", "[]", "DIKLATPIM_III")).post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("leadershipLevel"));
        as("ADMIN").body(body("bad code!", "Diklat", "KL01", "10", "[]", null)).post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        as("ADMIN").get(PATH + "/TPA-BAD").then().statusCode(404);
    }

    @Test
    void listFiltersAndPagesByCode() {
        as("ADMIN").body(body("TPL-3", "Pelatihan Kepemimpinan Administrator", "KL01", "380", "[]", "PKA")).post(PATH).then().statusCode(201);
        as("ADMIN").body(body("TPL-1", "Pelatihan Kepemimpinan Pengawas", "KL01", "830", "[]", "PKP")).post(PATH).then().statusCode(201);
        as("ADMIN").body(body("TPL-2", "Bimtek Kearsipan Kepemimpinan", "KL10", "16", "[\"M.5\"]", null)).post(PATH).then().statusCode(201);
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, "X")).get(PATH + "?q=kepemimpinan&size=2").then().statusCode(200)
                .body("items.code", contains("TPL-1", "TPL-2")).body("total", equalTo(3)).body("size", equalTo(2));
        as("EMPLOYEE").get(PATH + "?q=kepemimpinan&methodCode=KL01").then().body("items.code", contains("TPL-1", "TPL-3"));
        as("EMPLOYEE").get(PATH + "?leadershipLevel=PKA&q=kepemimpinan").then().body("items.code", contains("TPL-3"));
        as("EMPLOYEE").get(PATH + "?leadershipLevel=PKX").then().statusCode(400).body("errors[0].field", equalTo("leadershipLevel"));
        as("EMPLOYEE").get(PATH + "?includeInactive=perhaps").then().statusCode(400).body("errors[0].field", equalTo("includeInactive"));
    }

    @Test
    void onlyAdminAndHrOfficerWrite() {
        String b = body("TPA-ROLE", "Bimtek", "KL10", "8", "[]", null);
        for (String role : new String[] {"UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR"}) {
            as(role).body(b).post(PATH).then().statusCode(403);
            as(role).body(b).put(PATH + "/TPA-ROLE").then().statusCode(403);
            as(role).delete(PATH + "/TPA-ROLE").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(b).post(PATH).then().statusCode(401);
        given().get(PATH).then().statusCode(401);
        as("ADMIN").delete(PATH + "/TPA-ROLE").then().statusCode(404);
    }
}
