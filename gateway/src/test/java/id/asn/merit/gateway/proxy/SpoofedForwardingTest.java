package id.asn.merit.gateway.proxy;

import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Forwarding headers a caller sends never reach a service; the gateway's own, from what it saw, do. */
@QuarkusTest
@WithTestResource(StubServices.class)
class SpoofedForwardingTest {
    static final String TOKEN = TestTokens.token("HR_OFFICER");

    @Test
    void spoofedForwardingHeadersAreReplacedByTheGatewaysOwn() {
        given().auth().oauth2(TOKEN)
                .header("Forwarded", "for=203.0.113.7;host=evil.example;proto=https")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/evil")
                .header("X-Forwarded-Server", "evil")
                .header("X-Real-IP", "203.0.113.7")
                .get("/api/v1/employees")
                .then().statusCode(200)
                .body("headers.forwarded", nullValue())
                .body("headers.'x-real-ip'", nullValue())
                .body("headers.'x-forwarded-prefix'", nullValue())
                .body("headers.'x-forwarded-server'", nullValue())
                .body("headers.'x-forwarded-for'", equalTo("127.0.0.1"))
                .body("headers.'x-forwarded-proto'", equalTo("http"))
                .body("headers.'x-forwarded-host'", equalTo("localhost:" + RestAssured.port))
                .body("headers.'x-forwarded-port'", equalTo(Integer.toString(RestAssured.port)));
    }
}
