package id.asn.merit.platform.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static id.asn.merit.platform.web.Things.post;
import static id.asn.merit.platform.web.Things.thing;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** SYSTEM.md §4: the same key and body replay the first response; the same key with another body is a 422. */
@QuarkusTest
class IdempotencyReplayTest {
    @Inject
    ThingResource.Effects effects;

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstResponseWithoutASecondEffect() {
        String key = UUID.randomUUID().toString();
        Response first = post("ADMIN", key, thing("replayed"));
        first.then().statusCode(201);
        assertNull(first.header("Idempotent-Replayed"));

        Response retry = post("ADMIN", key, thing("replayed"));
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .body("id", equalTo(first.path("id")));
        assertEquals(1, effects.of("replayed"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422NamingTheHeader() {
        String key = UUID.randomUUID().toString();
        post("ADMIN", key, thing("first body")).then().statusCode(201);
        post("ADMIN", key, thing("second body")).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(0, effects.of("second body"));
    }

    @Test
    void keysAreScopedByCaller() {
        String key = UUID.randomUUID().toString();
        post("ADMIN", key, thing("per caller")).then().statusCode(201);
        post("HR_OFFICER", key, thing("per caller")).then().statusCode(201);
        assertEquals(2, effects.of("per caller"));
    }

    @Test
    void aFailedCreationDoesNotKeepTheKey() {
        String key = UUID.randomUUID().toString();
        post("ADMIN", key, Map.of("name", "fails first", "delayMs", 0, "fail", true)).then().statusCode(422)
                .body("errors[0].field", equalTo("fail"));
        post("ADMIN", key, thing("fails first")).then().statusCode(201);
        post("ADMIN", key, thing("fails first")).then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(2, effects.of("fails first"));
    }

    @Test
    void aKeyWithControlCharactersOrTooLongIsA400() {
        post("ADMIN", "x".repeat(201), thing("bad key")).then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        post("ADMIN", "tab\there", thing("bad key")).then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(0, effects.of("bad key"));
    }
}
