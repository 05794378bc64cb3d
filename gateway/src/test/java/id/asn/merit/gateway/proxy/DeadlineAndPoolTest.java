package id.asn.merit.gateway.proxy;

import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short request deadline (2 s) and a pool of one connection per service with no waiting room: a trickling upload
 * is cut, and a request that would wait for a connection is a 503 with Retry-After.
 */
@QuarkusTest
@WithTestResource(value = StubServices.class, initArgs = {
        @ResourceArg(name = "asn.gateway.request-deadline", value = "2s"),
        @ResourceArg(name = "asn.gateway.timeout", value = "5s"),
        @ResourceArg(name = "asn.gateway.max-connections-per-service", value = "1"),
        @ResourceArg(name = "asn.gateway.max-wait-queue", value = "0")})
class DeadlineAndPoolTest {
    static final String TOKEN = TestTokens.token("HR_OFFICER");

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN + "\r\nConnection: close\r\n\r\n";
    }

    @Test
    void aTricklingUploadIsCutAtTheDeadlineAndItsConnectionClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/employee-imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // one byte every 300 ms for up to 12 s: never idle for the 5 s timeout, never finished
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 40; i++) {
                        out.write("1\r\nx\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        Thread.sleep(300);
                    }
                } catch (Exception e) {
                    // the gateway closed the connection: expected
                }
            });
            trickle.setDaemon(true);
            long started = System.nanoTime();
            trickle.start();
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertEquals(408, answer.status(), answer.body());
            assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer.head());
            assertTrue(answer.body().contains("urn:asn:problem:request-timeout"), answer.body());
            assertEquals("close", answer.header("Connection"));
            assertTrue(ms < 10_000, "cut after " + ms + " ms, not when the upload would have ended");
            trickle.join(15_000);
            assertEquals(-1, socket.getInputStream().read(), "the connection is closed");
        }
    }

    @Test
    void aRequestThatWouldWaitForABusyPoolIs503WithRetryAfter() throws Exception {
        int port = RestAssured.port;
        // the one connection to competency-service is held for 1.5 s (under the 2 s deadline)
        CompletableFuture<RawHttp.Answer> held = CompletableFuture.supplyAsync(() -> {
            try {
                return RawHttp.exchange(port, get("/api/v1/competencies/hold?ms=1500"), null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        RawHttp.Answer busy = null;
        for (int i = 0; i < 20 && (busy == null || busy.status() != 503); i++) {
            Thread.sleep(100);
            busy = RawHttp.exchange(port, get("/api/v1/competencies"), null);
        }
        assertNotNull(busy);
        assertEquals(503, busy.status(), busy.body());
        assertEquals("1", busy.header("Retry-After"));
        assertTrue(busy.header("Content-Type").startsWith("application/problem+json"), busy.head());
        assertTrue(busy.body().contains("urn:asn:problem:upstream-busy"), busy.body());
        assertTrue(busy.body().contains("competency-service"), busy.body());
        assertEquals(200, held.get(10, TimeUnit.SECONDS).status(), "the held request itself is answered");
        // once the connection is free again, so is the route; another service was never affected
        assertEquals(200, RawHttp.exchange(port, get("/api/v1/competencies"), null).status());
        assertEquals(200, RawHttp.exchange(port, get("/api/v1/employees"), null).status());
    }
}
