package id.asn.merit.platform.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static id.asn.merit.platform.web.Things.post;
import static id.asn.merit.platform.web.Things.slowThing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Two requests with the same Idempotency-Key at the same time give one effect and one replay — never a 500 or a
 * second effect; one that would wait longer than asn.idempotency.in-progress-wait (2 s in the tests) is a 409.
 */
@QuarkusTest
class IdempotencyRaceTest {
    @Inject
    ThingResource.Effects effects;

    @Test
    void twoConcurrentRequestsWithTheSameKeyGiveOneEffectAndOneReplay() throws Exception {
        String key = UUID.randomUUID().toString();
        List<Response> responses = concurrently(3, () -> post("ADMIN", key, slowThing("raced", 700)));

        assertEquals(1, effects.of("raced"), "the creation ran once");
        for (Response r : responses) {
            assertEquals(201, r.statusCode(), r.asString());
        }
        List<Response> replays = responses.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).toList();
        assertEquals(2, replays.size(), "all but the first are replays");
        Response original = responses.stream().filter(r -> r.header("Idempotent-Replayed") == null).findFirst().orElseThrow();
        for (Response replay : replays) {
            assertEquals(original.<String>path("id"), replay.path("id"));
            assertEquals(original.header("Location"), replay.header("Location"));
        }
    }

    @Test
    void aRequestThatCannotWaitForTheFirstIsA409InProgressAndItsRetryReplays() throws Exception {
        String key = UUID.randomUUID().toString();
        List<Response> responses = concurrently(2, () -> post("ADMIN", key, slowThing("held", 3500)));
        responses.sort(Comparator.comparingInt(Response::statusCode));

        assertEquals(1, effects.of("held"));
        assertEquals(201, responses.get(0).statusCode(), responses.get(0).asString());
        assertNull(responses.get(0).header("Idempotent-Replayed"));
        Response loser = responses.get(1);
        assertEquals(409, loser.statusCode(), loser.asString());
        assertEquals("application/problem+json", loser.contentType());
        assertEquals(Idempotency.IN_PROGRESS_TYPE, loser.path("type"));
        assertEquals("Idempotency-Key", loser.path("errors[0].field"));

        post("ADMIN", key, slowThing("held", 3500)).then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(1, effects.of("held"));
    }

    @Test
    void concurrentRequestsWithDifferentKeysEachCreate() throws Exception {
        List<Response> responses = concurrently(3, () -> post("ADMIN", UUID.randomUUID().toString(), slowThing("parallel", 300)));
        responses.forEach(r -> assertEquals(201, r.statusCode()));
        assertEquals(3, effects.of("parallel"));
    }

    private static List<Response> concurrently(int n, java.util.concurrent.Callable<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

}
