package id.asn.merit.merit.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static id.asn.merit.merit.rest.Policies.PATH;
import static id.asn.merit.merit.rest.Policies.as;
import static id.asn.merit.merit.rest.Policies.current;
import static id.asn.merit.merit.rest.Policies.ifMatch;
import static id.asn.merit.merit.rest.Policies.requestFromCurrent;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class MeritPolicyApiTest {

    @Test
    void versionOneHoldsTheDefaultsOfSystemMd() {
        as("EMPLOYEE").get(PATH + "/1").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("effectiveFrom", equalTo("2024-01-01"))
                .body("performanceScores.SANGAT_BAIK", equalTo(100)).body("performanceScores.BAIK", equalTo(80))
                .body("performanceScores.BUTUH_PERBAIKAN", equalTo(60)).body("performanceScores.KURANG", equalTo(40))
                .body("performanceScores.SANGAT_KURANG", equalTo(20))
                .body("axisCutoffs.high", equalTo(80)).body("axisCutoffs.medium", equalTo(60))
                .body("potentialWeights.competency", equalTo(40)).body("potentialWeights.potentialTest", equalTo(25))
                .body("potentialWeights.qualification", equalTo(20)).body("potentialWeights.integrity", equalTo(15))
                .body("integrityScores.none", equalTo(100)).body("integrityScores.light", equalTo(50))
                .body("integrityScores.moderateOrSevere", equalTo(0))
                .body("disciplineLookbackYears", equalTo(2))
                .body("meritWeights.performance", equalTo(50)).body("meritWeights.potential", equalTo(50))
                .body("talentPoolBoxes", contains(7, 8, 9))
                .body("jpm.mapping.optimal", equalTo(90)).body("jpm.mapping.cukupOptimal", equalTo(78))
                .body("jpm.selection.memenuhiSyarat", equalTo(80)).body("jpm.selection.masihMemenuhiSyarat", equalTo(68))
                .body("requiredJpPerYear.PNS", equalTo(20)).body("requiredJpPerYear.CPNS", equalTo(20)).body("requiredJpPerYear.PPPK", equalTo(20));
    }

    @Test
    void theCurrentPolicyCarriesItsVersionAsETag() {
        JsonPath current = current();
        as("INTEGRATOR").get(PATH + "/current").then().statusCode(200)
                .header("ETag", equalTo(ifMatch(current))).body("version", equalTo(current.getInt("version")));
    }

    @Test
    void publishingAddsAVersionAndKeepsTheOldOne() {
        JsonPath before = current();
        int version = before.getInt("version");
        Map<String, Object> body = requestFromCurrent(before);
        body.put("potentialWeights", Map.of("competency", 45, "potentialTest", 20, "qualification", 20, "integrity", 15));
        body.put("effectiveFrom", LocalDate.now().toString());
        body.put("note", "more weight on competency");

        as("ADMIN").header("If-Match", ifMatch(before)).body(body).put(PATH + "/current").then().statusCode(200)
                .header("ETag", equalTo("\"" + (version + 1) + "\""))
                .body("version", equalTo(version + 1))
                .body("potentialWeights.competency", equalTo(45))
                .body("note", equalTo("more weight on competency"))
                .body("publishedBy", equalTo("test-admin"))
                .body("publishedAt", notNullValue());

        as("UNIT_HEAD").get(PATH + "/current").then().body("version", equalTo(version + 1)).body("potentialWeights.competency", equalTo(45));
        as("HR_OFFICER").get(PATH + "/" + version).then().statusCode(200)
                .body("potentialWeights.competency", equalTo(before.getInt("potentialWeights.competency")));
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailureAndNothingIsPublished() {
        JsonPath before = current();
        int version = before.getInt("version");
        Map<String, Object> body = requestFromCurrent(before);
        as("ADMIN").header("If-Match", "\"" + (version - 1) + "\"").body(body).put(PATH + "/current").then().statusCode(412)
                .contentType("application/problem+json").body("detail", containsString("version " + version));
        as("ADMIN").body(body).put(PATH + "/current").then().statusCode(428)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        as("ADMIN").get(PATH + "/current").then().body("version", equalTo(version));
    }

    @Test
    void theEffectiveDateCannotGoBackBeforeTheCurrentVersion() {
        JsonPath before = current();
        Map<String, Object> body = requestFromCurrent(before);
        body.put("effectiveFrom", "2023-12-31");
        as("ADMIN").header("If-Match", ifMatch(before)).body(body).put(PATH + "/current").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("effectiveFrom"));
    }

    @Test
    void everyVersionIsListedNewestFirst() {
        JsonPath before = current();
        as("ADMIN").header("If-Match", ifMatch(before)).body(requestFromCurrent(before)).put(PATH + "/current").then().statusCode(200);
        int newest = before.getInt("version") + 1;
        as("ASSESSOR").get(PATH).then().statusCode(200)
                .body("total", equalTo(newest)).body("items[0].version", equalTo(newest))
                .body("items[-1].version", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(50));
        as("ASSESSOR").get(PATH + "?page=0&size=1").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].version", equalTo(newest)).body("total", greaterThanOrEqualTo(2));
        as("ASSESSOR").get(PATH + "?page=" + (newest - 1) + "&size=1").then().statusCode(200).body("items[0].version", equalTo(1));
    }

    @Test
    void anUnknownVersionIsNotFound() {
        as("ADMIN").get(PATH + "/999").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("999"));
    }
}
