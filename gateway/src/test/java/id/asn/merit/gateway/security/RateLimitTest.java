package id.asn.merit.gateway.security;

import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a budget of 3 requests and 0.2 more per second, the 4th request of a client is refused. */
@QuarkusTest
@TestProfile(RateLimitTest.Tight.class)
@WithTestResource(StubServices.class)
class RateLimitTest {
    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asn.gateway.rate-limit.requests-per-second", "0.2", "asn.gateway.rate-limit.burst", "3",
                    "asn.gateway.rate-limit.address-requests-per-second", "0.2", "asn.gateway.rate-limit.address-burst", "30");
        }
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfter() {
        String alice = TestTokens.token("HR_OFFICER", "198503152010011001", null);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(alice).get("/api/v1/competencies").then().statusCode(200);
        }
        String retryAfter = given().auth().oauth2(alice).header("X-Request-Id", "busy-1").get("/api/v1/competencies")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("X-Request-Id", "busy-1")
                .body("status", equalTo(429))
                .body("title", equalTo("Too many requests"))
                .body("type", equalTo("urn:asn:problem:rate-limited"))
                .body("detail", containsString("retry after"))
                .extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 5, "at 0.2 requests/s the next token is at most 5 s away: " + seconds);

        // another client (another subject) has its own budget
        given().auth().oauth2(TestTokens.token("ADMIN")).get("/api/v1/competencies").then().statusCode(200);
    }
}
