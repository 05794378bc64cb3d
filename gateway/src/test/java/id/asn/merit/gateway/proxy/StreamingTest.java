package id.asn.merit.gateway.proxy;

import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.CRC32;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 5 MB each way arrives intact, whether the caller sends a length or streams chunks. */
@QuarkusTest
@WithTestResource(StubServices.class)
class StreamingTest {
    static final int SIZE = 5 * 1024 * 1024;
    static final String TOKEN = TestTokens.token("HR_OFFICER");

    static byte[] payload() {
        byte[] bytes = new byte[SIZE];
        long x = 42;
        for (int i = 0; i < bytes.length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            bytes[i] = (byte) (x >>> 56);
        }
        return bytes;
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    @Test
    void aFiveMegabytePostArrivesIntact() {
        byte[] upload = payload();
        long backendCrc = given().auth().oauth2(TOKEN).contentType("application/octet-stream").body(upload)
                .post("/api/v1/employee-imports")
                .then().statusCode(200)
                .body("bodyBytes", equalTo(SIZE))
                .body("headers.'content-length'", equalTo(Integer.toString(SIZE)))
                .extract().jsonPath().getLong("bodyCrc");
        assertEquals(crc(upload), backendCrc);
    }

    @Test
    void aChunkedUploadWithoutLengthArrivesIntact() throws Exception {
        byte[] upload = payload();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/training-imports"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        var echo = new io.vertx.core.json.JsonObject(response.body());
        assertEquals(SIZE, echo.getInteger("bodyBytes"));
        assertEquals(crc(upload), echo.getLong("bodyCrc"));
    }

    @Test
    void aSlowUploadIsNotMistakenForASilentBackend() throws Exception {
        // 3 chunks 0.8 s apart: 2.4 s in all, while the gateway gives a silent backend 1 s
        int chunks = 3;
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        java.io.InputStream slow = new java.io.InputStream() {
            int sent;
            int pos;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos == chunk.length) {
                    if (++sent == chunks) {
                        return -1;
                    }
                    pos = 0;
                    try {
                        Thread.sleep(800);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/employee-imports"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> slow))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(chunks * chunk.length, new io.vertx.core.json.JsonObject(response.body()).getInteger("bodyBytes"));
    }

    @Test
    void aFiveMegabyteResponseComesBackIntact() {
        byte[] download = given().auth().oauth2(TOKEN).get("/api/v1/employees/big?bytes=" + SIZE)
                .then().statusCode(200).contentType("application/octet-stream").extract().asByteArray();
        assertEquals(SIZE, download.length);
        for (int i = 0; i < SIZE; i += 4099) {
            assertEquals((byte) ('a' + i % 26), download[i], "byte " + i);
        }
        assertEquals((byte) ('a' + (SIZE - 1) % 26), download[SIZE - 1]);
    }
}
