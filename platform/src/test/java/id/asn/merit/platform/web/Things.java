package id.asn.merit.platform.web;

import id.asn.merit.devinfra.TestInfra;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Requests to {@link ThingResource} for the idempotency tests. */
final class Things {
    private Things() {
    }

    static Response post(String role, String key, Map<String, Object> body) {
        var request = given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header(Idempotency.HEADER, key);
        }
        return request.post(ThingResource.PATH);
    }

    static Map<String, Object> thing(String name) {
        return Map.of("name", name, "delayMs", 0, "fail", false);
    }

    static Map<String, Object> slowThing(String name, int delayMs) {
        return Map.of("name", name, "delayMs", delayMs, "fail", false);
    }
}
