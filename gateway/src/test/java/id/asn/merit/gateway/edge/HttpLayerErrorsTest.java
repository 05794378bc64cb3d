package id.asn.merit.gateway.edge;

import id.asn.merit.gateway.proxy.RawHttp;

import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests the HTTP decoder refuses before any route (Quarkus's defaults: a 4096-byte request line, 20 kB of
 * headers) are answered as problem+json with a request id, on the real gateway over raw sockets, and the
 * connection is closed; a well-formed request on a fresh connection still reaches the stub.
 */
@QuarkusTest
@WithTestResource(StubServices.class)
class HttpLayerErrorsTest {
    static final String TOKEN = TestTokens.token("HR_OFFICER");

    static RawHttp.Closing send(String request) throws IOException {
        return RawHttp.exchangeThenClosed(RestAssured.port, request);
    }

    static JsonObject problem(RawHttp.Closing exchange, int status, String type) {
        RawHttp.Answer answer = exchange.answer();
        assertEquals(status, answer.status(), answer.head());
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer.head());
        assertNotNull(answer.header("X-Request-Id"), "the answer carries a request id: " + answer.head());
        assertTrue(exchange.closed(), "the connection is closed after the answer");
        JsonObject body = new JsonObject(answer.body());
        assertEquals(status, body.getInteger("status"));
        assertEquals(type, body.getString("type"));
        assertEquals(answer.header("X-Request-Id"), body.getString("requestId"));
        assertTrue(!body.containsKey("instance"), body.encode());
        return body;
    }

    @Test
    void aRequestLineTooLongIs414ProblemJson() throws IOException {
        String path = "/api/v1/employees?q=" + "a".repeat(5_000);
        // several connections: Quarkus serves on one HTTP server per event loop and each must answer so
        for (int i = 0; i < 8; i++) {
            JsonObject body = problem(send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 414,
                    "urn:asn:problem:uri-too-long");
            assertTrue(body.getString("detail").contains("4096"), body.encode());
        }
    }

    @Test
    void headersTooLargeAre431ProblemJson() throws IOException {
        String request = "GET /api/v1/employees HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                + "\r\nX-Padding: " + "p".repeat(30_000) + "\r\n\r\n";
        JsonObject body = problem(send(request), 431, "urn:asn:problem:headers-too-large");
        assertTrue(body.getString("detail").contains(Integer.toString(20 * 1024)), body.encode());
    }

    @Test
    void aMalformedRequestIs400ProblemJson() throws IOException {
        JsonObject body = problem(send("POST /api/v1/employees HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n"),
                400, "urn:asn:problem:malformed-request");
        assertTrue(body.getString("detail").startsWith("the request is not valid HTTP"), body.encode());
        problem(send("POST /api/v1/employees HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"),
                400, "urn:asn:problem:malformed-request");
    }

    @Test
    void wellFormedRequestsStillPass() throws IOException {
        RawHttp.Answer ok = send("GET /api/v1/employees HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                + "\r\nConnection: close\r\nX-Padding: " + "p".repeat(5_000) + "\r\n\r\n").answer(); // the stub takes 8 kB
        assertEquals(200, ok.status(), ok.head());
        assertEquals("employee-service", new JsonObject(ok.body()).getString("service"));
    }
}
