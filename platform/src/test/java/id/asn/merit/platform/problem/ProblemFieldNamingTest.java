package id.asn.merit.platform.problem;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** SYSTEM.md §4: bad input is a 400 problem+json whose errors[].field names the field that is wrong. */
@QuarkusTest
class ProblemFieldNamingTest {

    private static ValidatableResponse post(String body) {
        return given().auth().oauth2(TestInfra.token("ADMIN")).contentType(ContentType.JSON).body(body)
                .post(ProbeResource.PATH).then().contentType("application/problem+json");
    }

    @Test
    void aValidBodyIsAccepted() {
        given().auth().oauth2(TestInfra.token("ADMIN")).contentType(ContentType.JSON)
                .body("{\"code\":\"A1\",\"count\":2,\"colour\":\"RED\",\"day\":\"2024-02-29\",\"items\":[{\"name\":\"x\",\"quantity\":1}],\"note\":\"line 1\\nline 2\\tend\"}")
                .post(ProbeResource.PATH).then().statusCode(200).body("colour", equalTo("RED"));
    }

    @Test
    void malformedJsonNamesTheBody() {
        post("{\"code\": \"A1\" \"count\": 2}").statusCode(400).body("status", equalTo(400))
                .body("errors[0].field", equalTo("body")).body("errors[0].message", containsString("JSON"));
        post("").statusCode(400);
        post("[").statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void aWrongTypeNamesTheField() {
        post("{\"code\":\"A1\",\"count\":\"two\"}").statusCode(400).body("errors[0].field", equalTo("count"));
        post("{\"code\":\"A1\",\"items\":\"five\"}").statusCode(400).body("errors[0].field", equalTo("items"));
        post("{\"code\":\"A1\",\"items\":[{\"name\":\"x\",\"quantity\":\"many\"}]}").statusCode(400)
                .body("errors[0].field", equalTo("items[0].quantity"));
        post("{\"code\":\"A1\",\"day\":\"2024-02-30\"}").statusCode(400).body("errors[0].field", equalTo("day"));
        post("{\"code\":{\"nested\":true}}").statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndListsTheValues() {
        post("{\"code\":\"A1\",\"colour\":\"BLUE\"}").statusCode(400).body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", containsString("RED")).body("errors[0].message", containsString("GREEN"));
    }

    @Test
    void beanValidationNamesEachField() {
        post("{\"code\":\" \"}").statusCode(400).body("errors.field", hasItem("code"));
        post("{\"code\":\"" + "x".repeat(21) + "\"}").statusCode(400).body("errors[0].field", equalTo("code"));
        post("{\"code\":\"A1\",\"items\":[{\"name\":\"ok\",\"quantity\":1},{\"name\":\"\",\"quantity\":0}]}").statusCode(400)
                .body("errors.field", hasItem("items[1].name")).body("errors.field", hasItem("items[1].quantity"));
        post("null").statusCode(400);
    }

    @Test
    void controlCharactersInAStringNameTheField() {
        post("{\"code\":\"A\\u00001\"}").statusCode(400).body("errors[0].field", equalTo("code"))
                .body("errors[0].message", containsString("control characters"));
        post("{\"code\":\"A1\",\"items\":[{\"name\":\"x\\u0001\",\"quantity\":1}]}").statusCode(400)
                .body("errors[0].field", equalTo("items[0].name"));
        post("{\"code\":\"A1\",\"note\":\"bell\\u0007\"}").statusCode(400).body("errors[0].field", equalTo("note"));
    }
}
