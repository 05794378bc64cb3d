package id.asn.merit.suite;

import id.asn.merit.devinfra.TestInfra;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10: a caller that closes its connection as soon as it has read an answer ({@code Connection: close}, as
 * Python's urllib and many scripts do) must never cost another caller — the gateway once reset the upstream request
 * of such a caller and handed the closed pooled connection to the next request, which then failed with a 502. Here
 * 2 000 sequential requests, GETs and POSTs mixed, each on its own connection that the client closes after reading,
 * go through the real gateway to the real employee-service: none may be a 502 (or any 5xx).
 */
class ClosingClientEndToEndTest {
    static String host;
    static int port;
    /** Two callers, so that the pace below stays under the gateway's default limit per subject (100/s). */
    static String[] tokens;

    @BeforeAll
    static void startSuite() {
        URI gateway = URI.create(RunningSuite.get().url("gateway"));
        host = gateway.getHost();
        port = gateway.getPort();
        tokens = new String[] {TestInfra.token("HR_OFFICER"), TestInfra.token("ADMIN")};
    }

    @Test
    void twoThousandClosingCallersGetNoBadGateway() throws Exception {
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 2_000; i++) {
            // paced at 180 requests/s: under the default limits (100/s per subject, 400/s per address), so every
            // answer is the service's and none is the rate limiter's 429
            long due = start + i * 5_555_000L;
            while (System.nanoTime() < due) {
                Thread.sleep(1);
            }
            String token = tokens[i % 4 < 2 ? 0 : 1];
            String request;
            if (i % 2 == 0) {
                request = "GET /api/v1/org-units?page=0&size=1 HTTP/1.1\r\n" + headers(token) + "\r\n";
            } else {
                // a body the service refuses with a 400 naming the field: it reaches the service and writes nothing
                byte[] body = "{\"name\":\"closing client\"}".getBytes(StandardCharsets.UTF_8);
                request = "POST /api/v1/org-units HTTP/1.1\r\n" + headers(token) + "Content-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8);
            }
            int status = exchange(request);
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500 && failures.size() < 5) {
                failures.add("request " + i + " (" + (i % 2 == 0 ? "GET" : "POST") + "): " + status);
            }
        }
        assertEquals(List.of(), failures, "answers by status: " + statuses);
        assertEquals(1_000, statuses.getOrDefault(200, 0), "every GET answered: " + statuses);
        assertTrue(statuses.getOrDefault(400, 0) + statuses.getOrDefault(422, 0) == 1_000,
                "every POST reached the service and was refused for its missing fields: " + statuses);
    }

    private static String headers(String token) {
        return "Host: " + host + ":" + port + "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json\r\n"
                + "Connection: close\r\n";
    }

    /** Sends one request on a fresh connection, reads the answer to its end, closes; the status code. */
    private static int exchange(String request) throws Exception {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("HTTP/1.1 "), "an HTTP answer: " + text.substring(0, Math.min(80, text.length())));
            return Integer.parseInt(text.substring(9, 12));
        }
    }
}
