package id.asn.merit.merit.rest;

import id.asn.merit.devinfra.TestInfra;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Callers and request bodies shared by the merit policy API tests. */
final class Policies {
    static final String PATH = "/api/v1/merit-policies";
    static final List<String> RULE_FIELDS = List.of("performanceScores", "axisCutoffs", "potentialWeights", "integrityScores",
            "disciplineLookbackYears", "meritWeights", "talentPoolBoxes", "jpm", "requiredJpPerYear");

    private Policies() {
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    static JsonPath current() {
        return as("ADMIN").get(PATH + "/current").then().statusCode(200).extract().jsonPath();
    }

    /** A publish request carrying the rules of the current version, to be changed by the test. */
    static Map<String, Object> requestFromCurrent(JsonPath current) {
        Map<String, Object> body = new HashMap<>();
        for (String field : RULE_FIELDS) {
            body.put(field, current.get(field));
        }
        return body;
    }

    static String ifMatch(JsonPath current) {
        return "\"" + current.getInt("version") + "\"";
    }
}
