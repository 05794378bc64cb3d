package id.asn.merit.gateway;

import id.asn.merit.devinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@TestProfile(RateLimitTest.Tight.class)
@QuarkusTestResource(value = StubServices.class, restrictToAnnotatedClass = true)
class RateLimitTest {
    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asn.gateway.rate-limit.requests-per-second", "0.5", "asn.gateway.rate-limit.burst", "3");
        }
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfter() {
        String alice = TestTokens.token("HR_OFFICER", "198503152010011001", null);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(alice).get("/api/v1/competencies").then().statusCode(200);
        }
        given().auth().oauth2(alice).get("/api/v1/competencies").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue()).body("status", equalTo(429));
        // another client has its own budget
        given().auth().oauth2(TestTokens.token("ADMIN")).get("/api/v1/competencies").then().statusCode(200);
    }
}
