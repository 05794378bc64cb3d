package id.asn.merit.gateway.proxy;

import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A caller that closes its connection as soon as it has read an answer ({@code Connection: close}, like Python's
 * urllib) must never cost the next caller: the gateway's pooled connection to the service stays usable.
 */
@QuarkusTest
// the rate limit is not what is tested here
@WithTestResource(value = StubServices.class, initArgs = {
        @ResourceArg(name = "asn.gateway.rate-limit.requests-per-second", value = "100000"),
        @ResourceArg(name = "asn.gateway.rate-limit.burst", value = "100000"),
        @ResourceArg(name = "asn.gateway.rate-limit.address-requests-per-second", value = "100000"),
        @ResourceArg(name = "asn.gateway.rate-limit.address-burst", value = "100000")})
class ConnectionCloseTest {
    static final String TOKEN = TestTokens.token("HR_OFFICER");

    @Test
    void twoThousandClosingCallersMixedGetAndPostGetNo502() throws Exception {
        int port = RestAssured.port;
        List<String> bad = new ArrayList<>();
        int ok = 0;
        for (int i = 0; i < 2000; i++) {
            RawHttp.Answer answer;
            if (i % 2 == 0) {
                answer = RawHttp.exchange(port, "GET /api/v1/employees/19850315201001100" + (i % 10) + " HTTP/1.1\r\n"
                        + "Host: localhost\r\nAuthorization: Bearer " + TOKEN + "\r\nConnection: close\r\n\r\n", null);
            } else {
                byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                answer = RawHttp.exchange(port, "POST /api/v1/training-records HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n", body);
            }
            if (answer.status() == 200) {
                ok++;
            } else if (bad.size() < 5) {
                bad.add(i + ": " + answer.status() + " " + answer.body());
            }
        }
        assertTrue(bad.isEmpty(), "answers other than 200: " + bad);
        assertEquals(2000, ok);
    }
}
