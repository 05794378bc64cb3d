package id.asn.merit.gateway.security;

import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-address bucket comes before any token work: a flood of junk tokens from one address is cut with 429
 * without a signature check for each; and a verified token is checked once, then served from the cache.
 */
@QuarkusTest
@TestProfile(AddressRateLimitTest.Tight.class)
@WithTestResource(StubServices.class)
class AddressRateLimitTest {
    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asn.gateway.rate-limit.address-requests-per-second", "0.1", "asn.gateway.rate-limit.address-burst", "10",
                    "asn.gateway.rate-limit.requests-per-second", "1000", "asn.gateway.rate-limit.burst", "1000");
        }
    }

    @Inject
    TokenVerifier tokens;

    @Test
    void aRepeatedTokenIsVerifiedOnceAndJunkTokensAreCutBeforeTheirSignatureIsChecked() {
        String token = TestTokens.token("HR_OFFICER");
        long before = tokens.signatureChecks();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/competencies").then().statusCode(200);
        }
        assertEquals(1, tokens.signatureChecks() - before, "the second and third request were served from the cache");

        long junkBefore = tokens.signatureChecks();
        int refused = 0;
        int limited = 0;
        for (int i = 0; i < 30; i++) {
            int status = given().auth().oauth2("junk." + i + ".token").get("/api/v1/competencies").then()
                    .extract().statusCode();
            if (status == 401) {
                refused++;
            } else if (status == 429) {
                limited++;
            }
        }
        assertTrue(refused <= 8, "at most the rest of the address's burst of 10 was verified: " + refused);
        assertTrue(limited >= 22, "the rest was cut by the address bucket: " + limited);
        assertEquals(refused, tokens.signatureChecks() - junkBefore, "no signature work for a request cut by the address bucket");
        given().get("/api/v1/competencies").then().statusCode(429).body("detail", containsString("address"));
    }
}
