package id.asn.merit.training.rest;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class LearningMethodApiTest {
    @Test
    void theSeededMethodsCarryTheirJpRules() {
        given().auth().oauth2(TestInfra.token("EMPLOYEE", "199002142015032007", null))
                .get("/api/v1/learning-methods").then().statusCode(200)
                .body("items", hasSize(25)).body("total", equalTo(25)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items[0].code", equalTo("KL01"));
        given().auth().oauth2(TestInfra.token("INTEGRATOR")).get("/api/v1/learning-methods?pathway=NONKLASIKAL&size=5&page=2")
                .then().statusCode(200).body("items", hasSize(3)).body("total", equalTo(13))
                .body("items[0].code", equalTo("NKL11"));
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).get("/api/v1/learning-methods/NKL02")
                .then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("name", equalTo("Mentoring")).body("jpRule.maxJpPerRecord", equalTo(2.0f))
                .body("jpRule.maxJpPerYear", nullValue());
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).get("/api/v1/learning-methods/NKL09")
                .then().body("jpRule.maxJpPerDay", equalTo(2.0f));
    }

    @Test
    void errorsAreProblems() {
        given().get("/api/v1/learning-methods").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/learning-methods/XX99")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/learning-methods?pathway=ONLINE")
                .then().statusCode(400).body("errors[0].field", equalTo("pathway"));
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/learning-methods?size=many")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).get("/api/v1/training-records/audit").then().statusCode(403);
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/training-records/audit").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(0));   // other tests of the shared app audit their changes
    }
}
