package id.asn.merit.gateway.security;

import id.asn.merit.devinfra.DevJwt;
import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With {@code mp.jwt.verify.audiences} configured, a token meant for another audience (or for none) is refused. */
@QuarkusTest
@WithTestResource(value = StubServices.class, initArgs = @ResourceArg(name = "mp.jwt.verify.audiences", value = "asn-merit-suite"))
class AudienceTest {
    private static String token(String audience) {
        return DevJwt.sign(TestTokens.keyDir(), "aud-" + audience, List.of("ADMIN"), null, null, Duration.ofHours(1), audience);
    }

    @Test
    void theConfiguredAudiencePasses() {
        given().auth().oauth2(token("asn-merit-suite")).get("/api/v1/employees").then().statusCode(200)
                .body("service", equalTo("employee-service"));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        given().auth().oauth2(token("some-other-system")).get("/api/v1/employees").then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("urn:asn:problem:unauthenticated"));
    }

    @Test
    void aTokenWithoutAnAudienceIs401() {
        given().auth().oauth2(TestTokens.token("ADMIN")).get("/api/v1/employees").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
