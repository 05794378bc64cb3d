package id.asn.merit.gateway.proxy;

import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Given the prefix table, when a path is asked for, then the owning service gets the same method, path and query. */
@QuarkusTest
@WithTestResource(StubServices.class)
class RoutingTest {
    static final String TOKEN = TestTokens.token("HR_OFFICER");

    static ValidatableResponse get(String uri) {
        return given().urlEncodingEnabled(false).auth().oauth2(TOKEN).get(uri).then();
    }

    @Test
    void everyPrefixOfTheLiveServicesRoutesToItsService() {
        Map<String, String> probes = new LinkedHashMap<>();
        for (String p : new String[] {"org-units", "positions", "employees", "employee-imports"}) {
            probes.put("/api/v1/" + p, "employee-service");
        }
        for (String p : new String[] {"competencies", "competency-standards", "assessments", "competency-gaps", "development-needs"}) {
            probes.put("/api/v1/" + p, "competency-service");
        }
        for (String p : new String[] {"learning-methods", "training-programs", "training-records", "training-imports",
                "jp-compliance", "leadership-training-compliance", "development-plans"}) {
            probes.put("/api/v1/" + p, "training-service");
        }
        probes.forEach((prefix, service) -> {
            get(prefix).statusCode(200).body("service", equalTo(service)).body("path", equalTo(prefix));
            get(prefix + "/198503152010011001/items?year=2025&q=a%20b").statusCode(200)
                    .body("service", equalTo(service))
                    .body("path", equalTo(prefix + "/198503152010011001/items"))
                    .body("query", equalTo("year=2025&q=a%20b"))
                    .body("method", equalTo("GET"));
        });
    }

    @Test
    void meritServicePrefixesRouteToMeritService() {
        // merit-service is down in this setup: reaching it at all is what shows the route
        for (String p : new String[] {"merit-policies", "merit-profiles", "nine-box", "talent-pool", "promotion-rankings",
                "fairness-reports", "merit-index-assessments"}) {
            get("/api/v1/" + p).statusCode(502).body("detail", containsString("merit-service"));
        }
    }

    @Test
    void theMethodAndBodyArePassedOn() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            given().auth().oauth2(TOKEN).contentType("application/json").body("{\"name\":\"Budi\"}")
                    .request(method, "/api/v1/employees/198503152010011001")
                    .then().statusCode(200).body("method", equalTo(method)).body("bodyBytes", equalTo(15))
                    .body("headers.'content-type'", containsString("application/json"));
        }
        given().auth().oauth2(TOKEN).delete("/api/v1/positions/X").then().statusCode(200).body("method", equalTo("DELETE"))
                .body("bodyBytes", equalTo(0));
    }

    @Test
    void aPrefixMatchesWholeSegmentsOnly() {
        get("/api/v1/employeesX").statusCode(404).contentType("application/problem+json");
        get("/api/v1/employees-imports").statusCode(404);
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        given().auth().oauth2(TOKEN).get("/api/v1/nothing").then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"))
                .body("type", equalTo("urn:asn:problem:not-found"))
                .body("instance", equalTo("/api/v1/nothing"))
                .body("detail", containsString("/api/v1/nothing"))
                .body("requestId", not(emptyOrNullString()));
    }

    @Test
    void aPathOutsideApiIsA404ProblemToo() {
        given().get("/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("instance", equalTo("/nothing-here"));
    }

    @Test
    void forwardingHeadersAreSetAndHopByHopHeadersDropped() {
        given().auth().oauth2(TOKEN)
                .header("Connection", "keep-alive, X-Hop-Secret")
                .header("X-Hop-Secret", "only-for-the-gateway")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("X-Custom", "kept")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "host=evil.example")
                .get("/api/v1/competencies")
                .then().statusCode(200)
                .body("headers.'x-custom'", equalTo("kept"))
                .body("headers.'x-hop-secret'", nullValue())
                .body("headers.'proxy-authorization'", nullValue())
                .body("headers.'x-forwarded-for'", allOf(notNullValue(), not(containsString("203.0.113.7"))))
                .body("headers.'x-forwarded-proto'", equalTo("http"))
                .body("headers.'x-forwarded-host'", startsWith("localhost:"))
                .body("headers.'x-forwarded-port'", notNullValue())
                .body("headers.forwarded", nullValue())
                .body("headers.host", containsString("127.0.0.1"));
    }

    @Test
    void theBackendsAnswerComesBackWithItsStatusAndHeadersButNotItsCors() {
        get("/api/v1/employees").statusCode(200).header("X-Backend", "employee-service")
                .header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(TOKEN).get("/api/v1/learning-methods/no-content").then().statusCode(204)
                .header("X-Request-Id", notNullValue()).body(equalTo(""));
    }
}
