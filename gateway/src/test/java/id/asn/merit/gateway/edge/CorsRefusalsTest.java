package id.asn.merit.gateway.edge;

import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * CORS on the real gateway (quarkus.http.cors.origins=http://localhost:3000): a preflight or a request from another
 * origin is a 403 problem+json naming it, with a request id, and never reaches the stub; the configured origin and
 * the gateway's own origin get exactly Quarkus's CORS answers; requests without an Origin are untouched.
 */
@QuarkusTest
@WithTestResource(StubServices.class)
class CorsRefusalsTest {
    static final String TOKEN = TestTokens.token("HR_OFFICER");
    static final String ALLOWED = "http://localhost:3000";
    static final String EVIL = "https://evil.example";

    @Test
    void aPreflightFromAnOriginNotConfiguredIs403ProblemJson() {
        given().header("Origin", EVIL).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .options("/api/v1/employees").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .header("X-Request-Id", not(emptyOrNullString()))
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .body("type", equalTo("urn:asn:problem:cors-refused"))
                .body("status", equalTo(403))
                .body("detail", containsString("'" + EVIL + "'"))
                .body("instance", equalTo("/api/v1/employees"));
    }

    @Test
    void aRequestFromAnOriginNotConfiguredIs403ProblemJsonAndNeverReachesTheService() {
        given().auth().oauth2(TOKEN).header("Origin", EVIL).header("X-Request-Id", "cors-test-1")
                .get("/api/v1/employees").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .header("X-Request-Id", equalTo("cors-test-1"))
                .header("X-Backend", nullValue())
                .body("type", equalTo("urn:asn:problem:cors-refused"))
                .body("requestId", equalTo("cors-test-1"))
                .body("detail", containsString(EVIL));
        given().auth().oauth2(TOKEN).header("Origin", "null").contentType("application/json").body("{}")
                .post("/api/v1/employees").then().statusCode(403)
                .body("detail", containsString("'null'"));
    }

    @Test
    void theConfiguredOriginKeepsQuarkussAnswers() {
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .options("/api/v1/employees").then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Max-Age", "3600")
                .body(equalTo(""));
        given().auth().oauth2(TOKEN).header("Origin", ALLOWED).get("/api/v1/employees").then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("X-Backend", "employee-service")
                .body("service", equalTo("employee-service"));
    }

    @Test
    void theGatewaysOwnOriginIsAllowedAsQuarkusAllowsIt() {
        given().auth().oauth2(TOKEN).header("Origin", "http://localhost:" + RestAssured.port)
                .get("/api/v1/competencies").then().statusCode(200)
                .body("service", equalTo("competency-service"));
    }

    @Test
    void aMethodNotConfiguredFromAnAllowedOriginIs403ProblemJson() {
        // quarkus.http.cors.methods does not list HEAD; a HEAD answer has no body, so the head tells
        given().auth().oauth2(TOKEN).header("Origin", ALLOWED).head("/api/v1/employees").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .header("X-Request-Id", not(emptyOrNullString()));
    }

    @Test
    void requestsWithoutAnOriginAreUntouched() {
        given().auth().oauth2(TOKEN).get("/api/v1/employees").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(TOKEN).options("/api/v1/employees").then().statusCode(200)
                .body("method", equalTo("OPTIONS"));
    }
}
