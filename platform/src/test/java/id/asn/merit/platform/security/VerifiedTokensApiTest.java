package id.asn.merit.platform.security;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.platform.problem.ProbeResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * On the real app: the bearer token of every request goes through {@link VerifiedTokens}; a repeated token is
 * verified once, a forged one (the same claims, another signature) is refused every time, and the roles of a kept
 * token are still enforced.
 */
@QuarkusTest
class VerifiedTokensApiTest {
    private static final String PROBE = ProbeResource.PATH + "/A1";

    @Inject
    JWTParser parser;
    @Inject
    VerifiedTokens tokens;

    @Test
    void quarkusParsesBearerTokensWithTheCachingParser() {
        assertInstanceOf(VerifiedTokens.class, parser);
    }

    @Test
    void aRepeatedTokenIsVerifiedOnce() {
        String token = TestInfra.token("ADMIN");
        long before = tokens.verifications();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get(PROBE).then().statusCode(200);
        }
        assertEquals(before + 1, tokens.verifications());
    }

    @Test
    void aForgedSignatureIsRefusedEveryTimeEvenWhenTheGenuineTokenIsKept() {
        String token = TestInfra.token("ADMIN");
        given().auth().oauth2(token).get(PROBE).then().statusCode(200);
        int at = token.lastIndexOf('.') + 10;
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        long before = tokens.verifications();
        given().auth().oauth2(forged).get(PROBE).then().statusCode(401);
        given().auth().oauth2(forged).get(PROBE).then().statusCode(401);
        assertEquals(before + 2, tokens.verifications());
        given().auth().oauth2(token).get(PROBE).then().statusCode(200);
    }

    @Test
    void theRolesOfAKeptTokenAreStillChecked() {
        String token = TestInfra.token("EMPLOYEE");
        given().auth().oauth2(token).get(PROBE).then().statusCode(403);
        given().auth().oauth2(token).get(PROBE).then().statusCode(403);
    }
}
