package id.asn.merit.gateway.security;

import id.asn.merit.devinfra.DevJwt;
import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Every /api call needs a valid bearer JWT; the gateway only authenticates and passes the token on. */
@QuarkusTest
@WithTestResource(StubServices.class)
class AuthenticationTest {

    @Test
    void noTokenIs401ProblemWithBearerChallenge() {
        given().get("/api/v1/employees").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("urn:asn:problem:unauthenticated"))
                .body("title", equalTo("Unauthenticated"))
                .body("status", equalTo(401))
                .body("detail", containsString("no bearer token"))
                .body("instance", equalTo("/api/v1/employees"));
    }

    @Test
    void aGarbageTokenIs401() {
        given().auth().oauth2("not-a-jwt").get("/api/v1/employees").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("invalid_token"))
                .body("detail", containsString("invalid"));
        given().header("Authorization", "Basic Zm9vOmJhcg==").get("/api/v1/employees").then().statusCode(401)
                .body("detail", containsString("not a bearer token"));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        Path otherKeys = DevJwt.ensureKeyPair(Files.createTempDirectory("other-keys"));
        String forged = DevJwt.sign(otherKeys, "mallory", List.of("ADMIN"), null, null, Duration.ofHours(1));
        given().auth().oauth2(forged).get("/api/v1/employees").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anExpiredTokenIs401() {
        String expired = DevJwt.sign(TestTokens.keyDir(), "late", List.of("ADMIN"), null, null, Duration.ofHours(-2));
        given().auth().oauth2(expired).get("/api/v1/employees").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anUnsignedTokenWithAlgNoneIs401EvenWhenItsClaimsAreThoseOfAValidOne() {
        String valid = TestTokens.token("ADMIN");
        String claims = valid.split("\\.")[1];
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().auth().oauth2(header + "." + claims + ".").get("/api/v1/employees").then().statusCode(401)
                .contentType("application/problem+json");
        // and the valid token's cache entry is not reached by a token of other text with the same claims
        given().auth().oauth2(valid).get("/api/v1/employees").then().statusCode(200);
        given().auth().oauth2(header + "." + claims + ".").get("/api/v1/employees").then().statusCode(401);
    }

    @Test
    void aValidTokenPassesAndReachesTheBackendUnchanged() {
        String token = TestTokens.token("EMPLOYEE", "198503152010011001", null);
        given().auth().oauth2(token).get("/api/v1/employees/198503152010011001").then().statusCode(200)
                .body("service", equalTo("employee-service"))
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void theGatewaysOwnEndpointsNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/asyncapi").then().statusCode(200);
    }
}
