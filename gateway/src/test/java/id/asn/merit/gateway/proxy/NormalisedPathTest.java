package id.asn.merit.gateway.proxy;

import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway routes by the normalised path and forwards that, never the raw one. */
@QuarkusTest
@WithTestResource(StubServices.class)
class NormalisedPathTest {
    static final String TOKEN = TestTokens.token("HR_OFFICER");

    static RawHttp.Answer get(String rawPath) throws Exception {
        return RawHttp.exchange(RestAssured.port, "GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TOKEN + "\r\nConnection: close\r\n\r\n", null);
    }

    static void routesTo(String rawPath, String service, String path) throws Exception {
        RawHttp.Answer answer = get(rawPath);
        assertEquals(200, answer.status(), rawPath + " → " + answer.body());
        JsonObject echo = new JsonObject(answer.body());
        assertEquals(service, echo.getString("service"), rawPath);
        assertEquals(path, echo.getString("path"), rawPath);
    }

    @Test
    void dotSegmentsAreResolvedBeforeRoutingAndForwarding() throws Exception {
        routesTo("/api/v1/employees/../competencies/current", "competency-service", "/api/v1/competencies/current");
        routesTo("/api/v1/employees/./1/../2", "employee-service", "/api/v1/employees/2");
        routesTo("/api/v1/training-records/x/../../positions?q=1", "employee-service", "/api/v1/positions");
    }

    @Test
    void percentEncodedDotsAndDoubleSlashesToo() throws Exception {
        routesTo("/api/v1/employees/%2e%2e/competencies", "competency-service", "/api/v1/competencies");
        routesTo("/api/v1/employees/%2E./competencies/.%2e/assessments", "competency-service", "/api/v1/assessments");
        routesTo("/api/v1//employees//198503152010011001", "employee-service", "/api/v1/employees/198503152010011001");
    }

    @Test
    void theDotDotPathOfTheIssueReachesMeritServiceNotEmployeeService() throws Exception {
        // merit-service is down in this setup: the 502 naming it shows where the path was routed
        RawHttp.Answer answer = get("/api/v1/employees/../merit-policies/current");
        assertEquals(502, answer.status(), answer.body());
        assertTrue(answer.body().contains("merit-service"), answer.body());
        assertTrue(answer.body().contains("\"instance\":\"/api/v1/merit-policies/current\""), answer.body());
    }

    @Test
    void aPathClimbingAboveTheRootIs400Problem() throws Exception {
        for (String raw : new String[] {"/api/../../etc/passwd", "/api/v1/../../../x", "/api/v1/%2e%2e/%2e%2e/%2e%2e/q/health"}) {
            RawHttp.Answer answer = get(raw);
            assertEquals(400, answer.status(), raw + " → " + answer.body());
            assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer.head());
            assertTrue(answer.body().contains("urn:asn:problem:bad-path"), answer.body());
        }
    }
}
