package id.asn.merit.gateway.proxy;

import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@WithTestResource(StubServices.class)
class RequestIdTest {
    static final String TOKEN = TestTokens.token("ADMIN");
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aGivenIdIsKeptPassedOnAndReturned() {
        given().auth().oauth2(TOKEN).header("X-Request-Id", "caller-42").get("/api/v1/competencies")
                .then().statusCode(200).header("X-Request-Id", "caller-42")
                .body("headers.'x-request-id'", equalTo("caller-42"));
    }

    @Test
    void aMissingIdIsMadeAndTheBackendSeesTheSameOne() {
        var response = given().auth().oauth2(TOKEN).get("/api/v1/competencies").then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID)).extract();
        assertEquals(response.header("X-Request-Id"), response.path("headers.'x-request-id'"));
        String other = given().auth().oauth2(TOKEN).get("/api/v1/competencies").then().extract().header("X-Request-Id");
        assertNotEquals(response.header("X-Request-Id"), other, "each request gets its own id");
    }

    @Test
    void anInsaneIdIsReplaced() {
        given().auth().oauth2(TOKEN).header("X-Request-Id", "x".repeat(300)).get("/api/v1/competencies")
                .then().header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void errorsAndTheGatewaysOwnEndpointsCarryTheIdToo() {
        given().header("X-Request-Id", "err-1").get("/api/v1/employees").then().statusCode(401)
                .header("X-Request-Id", "err-1").body("requestId", equalTo("err-1"));
        given().auth().oauth2(TOKEN).header("X-Request-Id", "err-2").get("/api/v1/nothing").then().statusCode(404)
                .header("X-Request-Id", "err-2").body("requestId", equalTo("err-2"));
        given().auth().oauth2(TOKEN).header("X-Request-Id", "err-3").get("/api/v1/nine-box").then().statusCode(502)
                .header("X-Request-Id", "err-3").body("requestId", equalTo("err-3"));
        given().get("/q/health/live").then().statusCode(200).header("X-Request-Id", matchesPattern(UUID));
        given().get("/q/health/live").then().header("X-Request-Id", not(equalTo("err-3")));
    }

    @Test
    void onlyWellFormedBoundedIdsAreAccepted() {
        String uuid = "3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8";
        for (String good : new String[] {uuid, "a", "x".repeat(64), "trace:abc.DEF_1-2"}) {
            given().auth().oauth2(TOKEN).header("X-Request-Id", good).get("/api/v1/competencies")
                    .then().statusCode(200).header("X-Request-Id", good).body("headers.'x-request-id'", equalTo(good));
        }
        for (String bad : new String[] {"x".repeat(65), "has space", "semi;colon", "quote\"", "slash/x", "ünï"}) {
            var response = given().auth().oauth2(TOKEN).header("X-Request-Id", bad).get("/api/v1/competencies")
                    .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID)).extract();
            assertEquals(response.header("X-Request-Id"), response.path("headers.'x-request-id'"),
                    "the backend sees the replacement, not " + bad);
        }
    }
}
