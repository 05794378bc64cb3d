package id.asn.merit.gateway.security;

import id.asn.merit.devinfra.DevJwt;
import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The verification key comes from a JWKS URL of a slow identity provider (1.5 s per fetch). The gateway, on one
 * event loop, keeps serving while a token waits for the key set (the check runs on a worker), and fetches the set
 * once for many tokens (SmallRye's cache).
 */
@QuarkusTest
@WithTestResource(value = StubServices.class, initArgs = {
        @ResourceArg(name = "key", value = "jwks"),
        @ResourceArg(name = "quarkus.vertx.event-loops-pool-size", value = "1")})
class JwksTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static String token(String subject) {
        return DevJwt.sign(TestTokens.keyDir(), subject, List.of("ADMIN"), null, null, Duration.ofHours(1));
    }

    private static int fetches() throws Exception {
        String location = ConfigProvider.getConfig().getValue("mp.jwt.verify.publickey.location", String.class);
        URI count = URI.create(location).resolve("/__jwks/count");
        return Integer.parseInt(CLIENT.send(HttpRequest.newBuilder(count).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void theEventLoopServesOthersWhileTheKeySetIsFetchedAndTheSetIsFetchedOnce() throws Exception {
        URI employees = URI.create("http://localhost:" + RestAssured.port + "/api/v1/employees");
        CompletableFuture<HttpResponse<String>> first = CLIENT.sendAsync(
                HttpRequest.newBuilder(employees).header("Authorization", "Bearer " + token("first")).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300); // the first request is now waiting for the slow key set
        // answered by the gateway's only event loop while the first request still waits: the loop is not blocked
        given().auth().oauth2("not.a-jwt").get("/api/v1/employees").then().statusCode(401);
        assertFalse(first.isDone(), "the first request waits for the key set, the event loop does not");
        assertEquals(200, first.get().statusCode(), first.get().body());

        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(token("caller-" + i)).get("/api/v1/employees").then().statusCode(200);
        }
        assertEquals(1, fetches(), "one fetch of the key set for 21 different tokens");
    }
}
