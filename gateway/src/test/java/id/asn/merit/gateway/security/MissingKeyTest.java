package id.asn.merit.gateway.security;

import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A verification key that is not there must not stop the gateway starting; it refuses every token instead. */
@QuarkusTest
@WithTestResource(value = StubServices.class, initArgs = @ResourceArg(name = "key", value = "missing"))
class MissingKeyTest {
    @Test
    void theGatewayStartsAndRefusesTokens() {
        given().get("/q/health/live").then().statusCode(200);
        given().auth().oauth2(TestTokens.token("ADMIN")).get("/api/v1/employees").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }
}
