package id.asn.merit.gateway.health;

import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/** With all four services up, the gateway is ready and the merged document misses nobody. */
@QuarkusTest
@WithTestResource(value = StubServices.class, initArgs = @ResourceArg(name = "merit", value = "up"))
class AllServicesUpTest {
    static final String CHECK = "checks.find { it.name == 'suite-services' }";

    @Test
    void healthIsUpWhenEveryServiceIs() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body(CHECK + ".data.'merit-service'", equalTo("UP"))
                .body(CHECK + ".data.'employee-service'", equalTo("UP"));
    }

    @Test
    void theMergedDocumentHasAllFourServices() {
        given().get("/q/openapi").then().statusCode(200)
                .body("'x-unavailable-services'", empty())
                .body("paths", hasKey("/api/v1/merit-policies/current"))
                .body("components.schemas", hasKey("Merit.MeritPolicy"));
        given().auth().oauth2(TestTokens.token("ADMIN")).get("/api/v1/nine-box?year=2025").then().statusCode(200)
                .body("service", equalTo("merit-service")).body("query", equalTo("year=2025"));
    }
}
