package id.asn.merit.merit.rest;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static id.asn.merit.merit.rest.Policies.PATH;
import static id.asn.merit.merit.rest.Policies.as;
import static id.asn.merit.merit.rest.Policies.current;
import static id.asn.merit.merit.rest.Policies.ifMatch;
import static id.asn.merit.merit.rest.Policies.requestFromCurrent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** SYSTEM.md §7: the policy is public rule data for every role; only ADMIN publishes one or reads the audit log. */
@QuarkusTest
class MeritPolicyRolesTest {

    @Test
    void withoutATokenEveryEndpointIsUnauthenticated() {
        given().get(PATH + "/current").then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().get(PATH + "/1").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{}").put(PATH + "/current").then().statusCode(401)
                .contentType("application/problem+json");
        given().get(PATH + "/audit").then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "HR_OFFICER", "UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR"})
    void everyRoleReadsThePolicy(String role) {
        as(role).get(PATH + "/current").then().statusCode(200).body("talentPoolBoxes.size()", equalTo(3));
        as(role).get(PATH).then().statusCode(200);
        as(role).get(PATH + "/1").then().statusCode(200).body("version", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HR_OFFICER", "UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR"})
    void onlyAdminPublishes(String role) {
        JsonPath before = current();
        as(role).header("If-Match", ifMatch(before)).body(requestFromCurrent(before)).put(PATH + "/current").then().statusCode(403)
                .contentType("application/problem+json");
        as("ADMIN").get(PATH + "/current").then().body("version", equalTo(before.getInt("version")));
    }

    @Test
    void adminPublishes() {
        JsonPath before = current();
        as("ADMIN").header("If-Match", ifMatch(before)).body(requestFromCurrent(before)).put(PATH + "/current").then().statusCode(200)
                .body("version", equalTo(before.getInt("version") + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HR_OFFICER", "UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR"})
    void onlyAdminReadsTheAuditLog(String role) {
        given().auth().oauth2(TestInfra.token(role)).get(PATH + "/audit").then().statusCode(403).contentType("application/problem+json");
        as("ADMIN").get(PATH + "/audit").then().statusCode(200);
    }
}
