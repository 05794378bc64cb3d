package id.asn.merit.platform.web;

import id.asn.merit.platform.problem.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only creating POST behind {@link Idempotency}: every run of its creation counts one effect per name, may
 * take {@code delayMs} (to hold a race open) and may fail on request.
 */
@Path("/test/things")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "HR_OFFICER"})
public class ThingResource {
    public static final String PATH = "/test/things";

    @Inject
    Idempotency idempotency;
    @Inject
    Effects effects;

    public record ThingRequest(@NotBlank String name, int delayMs, boolean fail) {
    }

    public record Thing(String id, String name) {
    }

    @POST
    public Response create(@NotNull @Valid ThingRequest request, @HeaderParam(Idempotency.HEADER) String key, @Context UriInfo uri) {
        return idempotency.run(key, PATH, request, () -> {
            effects.count(request.name());
            pause(request.delayMs());
            if (request.fail()) {
                throw ApiException.unprocessable("fail", "the test asked this creation to fail");
            }
            Thing thing = new Thing(UUID.randomUUID().toString(), request.name());
            return Response.created(uri.getAbsolutePathBuilder().path(thing.id()).build()).entity(thing).build();
        });
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many times the creation ran, per name. */
    @ApplicationScoped
    public static class Effects {
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        void count(String name) {
            counts.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        }

        public int of(String name) {
            AtomicInteger count = counts.get(name);
            return count == null ? 0 : count.get();
        }
    }
}
