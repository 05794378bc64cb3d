package id.asn.merit.competency.rest;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static id.asn.merit.competency.rest.Competencies.PATH;
import static id.asn.merit.competency.rest.Competencies.as;
import static id.asn.merit.competency.rest.Competencies.teknis;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** SYSTEM.md §7: every role reads the dictionary; ADMIN and HR_OFFICER write it; only ADMIN retires; no token is a 401. */
@QuarkusTest
class CompetencyRolesTest {

    @Test
    void withoutATokenEveryEndpointIsUnauthenticated() {
        given().get(PATH).then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().get(PATH + "/M.1").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(teknis("T.40")).post(PATH).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(teknis("T.40")).put(PATH + "/T.40").then().statusCode(401);
        given().get(PATH + "/audit").then().statusCode(401).contentType("application/problem+json");
        given().post(PATH + "/T.40/retirement").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").get(PATH).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "HR_OFFICER", "UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR"})
    void everyRoleReadsTheDictionary(String role) {
        as(role).get(PATH + "?size=1").then().statusCode(200).body("size", equalTo(1));
        as(role).get(PATH + "/M.8").then().statusCode(200).body("name", equalTo("Pengambilan Keputusan"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR"})
    void onlyAdminAndHrOfficerWrite(String role) {
        as(role).body(teknis("T.41")).post(PATH).then().statusCode(403).contentType("application/problem+json");
        as(role).body(teknis("T.42")).put(PATH + "/T.42").then().statusCode(403).contentType("application/problem+json");
        as("ADMIN").get(PATH + "/T.41").then().statusCode(404);
    }

    @Test
    void adminAndHrOfficerWrite() {
        as("ADMIN").body(teknis("T.43")).post(PATH).then().statusCode(201);
        as("HR_OFFICER").body(teknis("T.44")).post(PATH).then().statusCode(201);
        as("HR_OFFICER").body(teknis("T.43")).put(PATH + "/T.43").then().statusCode(200);
        as("ADMIN").body(teknis("T.44")).put(PATH + "/T.44").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HR_OFFICER", "UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR"})
    void onlyAdminRetires(String role) {
        String code = "T.45";
        as("ADMIN").body(teknis(code)).post(PATH);
        as(role).post(PATH + "/" + code + "/retirement").then().statusCode(403).contentType("application/problem+json");
        as(role).get(PATH + "/" + code).then().statusCode(200).body("retired", equalTo(false));
    }

    @Test
    void adminRetires() {
        as("ADMIN").body(teknis("T.46")).post(PATH).then().statusCode(201);
        as("ADMIN").post(PATH + "/T.46/retirement").then().statusCode(200).body("retired", equalTo(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HR_OFFICER", "UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR"})
    void onlyAdminReadsTheAuditLog(String role) {
        given().auth().oauth2(TestInfra.token(role)).get(PATH + "/audit").then().statusCode(403).contentType("application/problem+json");
        as("ADMIN").get(PATH + "/audit").then().statusCode(200);
    }
}
