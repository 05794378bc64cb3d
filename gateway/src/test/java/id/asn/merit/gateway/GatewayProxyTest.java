package id.asn.merit.gateway;

import id.asn.merit.devinfra.DevJwt;
import id.asn.merit.devinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = StubServices.class, restrictToAnnotatedClass = true)
class GatewayProxyTest {
    static String token() {
        return TestTokens.token("HR_OFFICER");
    }

    @Test
    void eachPrefixRoutesToItsServiceWithPathQueryAndMethod() {
        Map<String, String> probes = Map.of(
                "/api/v1/employees/198503152010011001", "employee-service",
                "/api/v1/org-units", "employee-service",
                "/api/v1/employee-imports/1", "employee-service",
                "/api/v1/competencies", "competency-service",
                "/api/v1/competency-gaps/198503152010011001", "competency-service",
                "/api/v1/learning-methods", "training-service",
                "/api/v1/jp-compliance", "training-service");
        probes.forEach((path, service) -> given().auth().oauth2(token()).get(path + "?page=1&size=5")
                .then().statusCode(200).body("service", equalTo(service)).body("path", equalTo(path))
                .body("query", equalTo("page=1&size=5")).body("method", equalTo("GET")));
        given().auth().oauth2(token()).delete("/api/v1/positions/X").then().statusCode(200).body("method", equalTo("DELETE"));
        // a prefix matches whole segments only
        given().auth().oauth2(token()).get("/api/v1/employeesX").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token()).get("/api/v1/nothing").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("requestId", notNullValue());
    }

    @Test
    void requestIdsAreKeptOrMadeAndPassedOn() {
        given().auth().oauth2(token()).header("X-Request-Id", "caller-7").get("/api/v1/competencies")
                .then().header("X-Request-Id", equalTo("caller-7")).body("requestId", equalTo("caller-7"));
        String made = given().auth().oauth2(token()).get("/api/v1/competencies")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}")).extract().header("X-Request-Id");
        given().auth().oauth2(token()).header("X-Request-Id", made).get("/api/v1/competencies").then().body("requestId", equalTo(made));
    }

    @Test
    void onlyValidTokensPass() throws Exception {
        given().get("/api/v1/employees").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").header("X-Request-Id", notNullValue()).body("title", equalTo("Unauthenticated"));
        given().auth().oauth2("not-a-jwt").get("/api/v1/employees").then().statusCode(401).contentType("application/problem+json");
        Path otherKeys = DevJwt.ensureKeyPair(Files.createTempDirectory("other-keys"));
        String forged = DevJwt.sign(otherKeys, "mallory", List.of("ADMIN"), null, null, Duration.ofHours(1));
        given().auth().oauth2(forged).get("/api/v1/employees").then().statusCode(401);
        String expired = DevJwt.sign(TestTokens.keyDir(), "late", List.of("ADMIN"), null, null, Duration.ofHours(-1));
        given().auth().oauth2(expired).get("/api/v1/employees").then().statusCode(401);
        String valid = token();
        given().auth().oauth2(valid).get("/api/v1/employees").then().statusCode(200).body("authorization", equalTo("Bearer " + valid));
        // the gateway's own endpoints need no token
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void bodiesStreamBothWaysIntact() {
        byte[] upload = new byte[5 * 1024 * 1024];
        for (int i = 0; i < upload.length; i++) {
            upload[i] = (byte) (i * 7);
        }
        long expected = StubServices.checksum(io.vertx.core.buffer.Buffer.buffer(upload));
        given().auth().oauth2(token()).contentType("application/octet-stream").body(upload).post("/api/v1/employee-imports")
                .then().statusCode(200).body("bodyBytes", equalTo(upload.length)).body("bodyChecksum", equalTo(expected));
        byte[] download = given().auth().oauth2(token()).get("/api/v1/employees/big?bytes=5242880").then().statusCode(200)
                .extract().asByteArray();
        assertEquals(5 * 1024 * 1024, download.length);
        assertEquals('a', download[0]);
        assertEquals('a' + (5242879 % 26), download[5242879]);
    }

    @Test
    void aDownServiceIs502AndASlowOne504() {
        given().auth().oauth2(token()).get("/api/v1/merit-policies/current").then().statusCode(502)
                .contentType("application/problem+json").body("detail", containsString("merit-service"));
        given().auth().oauth2(token()).get("/api/v1/employees/slow").then().statusCode(504)
                .contentType("application/problem+json").body("title", equalTo("Gateway timeout"));
    }

    @Test
    void healthIsDownWhileAServiceIsDown() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'suite services' }.data.'employee-service'", equalTo("UP"))
                .body("checks.find { it.name == 'suite services' }.data.'merit-service'", containsString("DOWN"));
        given().get("/q/health").then().statusCode(503).body("status", equalTo("DOWN"));
    }

    @Test
    void swaggerUiShowsTheSuiteDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().get("/q/openapi").then().statusCode(200).body("info.title", equalTo("ASN Merit Suite API"))
                .body("'x-unavailable-services'", org.hamcrest.Matchers.hasItem("merit-service"));
    }
}
