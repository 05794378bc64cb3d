package id.asn.merit.gateway.proxy;

import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

/** merit-service listens nowhere; the stubs' /slow answers after 5 s while the gateway waits 1 s. */
@QuarkusTest
@WithTestResource(StubServices.class)
class UpstreamFailureTest {
    static final String TOKEN = TestTokens.token("ADMIN");

    @Test
    void anUnreachableServiceIs502Problem() {
        given().auth().oauth2(TOKEN).get("/api/v1/merit-policies/current").then().statusCode(502)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(502))
                .body("title", equalTo("Bad gateway"))
                .body("type", equalTo("urn:asn:problem:upstream-unavailable"))
                .body("detail", containsString("merit-service"))
                .body("instance", equalTo("/api/v1/merit-policies/current"))
                .body("requestId", notNullValue());
    }

    @Test
    void aSlowServiceIs504ProblemAfterTheTimeout() {
        given().auth().oauth2(TOKEN).get("/api/v1/employees/slow").then().statusCode(504)
                .time(lessThan(4000L))
                .contentType("application/problem+json")
                .body("status", equalTo(504))
                .body("title", equalTo("Gateway timeout"))
                .body("type", equalTo("urn:asn:problem:upstream-timeout"))
                .body("detail", containsString("employee-service"))
                .body("requestId", notNullValue());
    }

    @Test
    void theGatewayStaysUsableAfterFailures() {
        given().auth().oauth2(TOKEN).post("/api/v1/training-records/slow").then().statusCode(504);
        given().auth().oauth2(TOKEN).get("/api/v1/training-records").then().statusCode(200)
                .body("service", equalTo("training-service"));
    }
}
