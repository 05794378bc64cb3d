package id.asn.merit.gateway.health;

import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** /q/health is DOWN (503) while any service is: merit-service listens nowhere; training-service can be made DOWN. */
@QuarkusTest
@WithTestResource(StubServices.class)
class HealthTest {
    static final String CHECK = "checks.find { it.name == 'suite-services' }";

    @Test
    void anUnreachableServiceMakesTheGatewayNotReady() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(CHECK + ".status", equalTo("DOWN"))
                .body(CHECK + ".data.'employee-service'", equalTo("UP"))
                .body(CHECK + ".data.'competency-service'", equalTo("UP"))
                .body(CHECK + ".data.'training-service'", equalTo("UP"))
                .body(CHECK + ".data.'merit-service'", startsWith("DOWN"));
        given().get("/q/health").then().statusCode(503).body("status", equalTo("DOWN"));
        // liveness is the gateway's own: it is alive even when a service is not
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aServiceReportingDownIsShownDown() {
        String training = ConfigProvider.getConfig().getValue("asn.gateway.services.training-service.url", String.class);
        given().post(training + "/__stub/health?status=503").then().statusCode(200);
        try {
            given().get("/q/health").then().statusCode(503)
                    .body(CHECK + ".data.'training-service'", equalTo("DOWN (HTTP 503)"))
                    .body(CHECK + ".data.'employee-service'", equalTo("UP"));
        } finally {
            given().post(training + "/__stub/health?status=200").then().statusCode(200);
        }
        given().get("/q/health").then().body(CHECK + ".data.'training-service'", equalTo("UP"));
    }
}
