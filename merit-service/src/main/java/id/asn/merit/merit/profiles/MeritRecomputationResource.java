package id.asn.merit.merit.profiles;

import id.asn.merit.merit.service.MeritClock;
import id.asn.merit.merit.service.MeritRecomputations;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.platform.web.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

import static id.asn.merit.merit.profiles.MeritProfileExamples.*;

/** Recomputations of every profile of a year: queued by each policy publication, or asked for by an ADMIN. */
@Path(MeritRecomputationResource.PATH)
@Authenticated
@Tag(name = "Merit policies", description = "The versioned rules behind every merit result (SYSTEM.md §6): weights, cut-offs, bands")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
public class MeritRecomputationResource {
    public static final String PATH = "/api/v1/merit-policies/recomputations";

    /** The body of an on-demand recomputation. */
    @Schema(name = "MeritRecomputationRequest")
    public record Request(@Schema(description = "the merit year, 2000..next year", example = "2025", required = true) Integer year) {
    }

    @Inject
    MeritRecomputations recomputations;
    @Inject
    MeritClock clock;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "listMeritRecomputations", summary = "Recomputations of every profile of a year, newest first",
            description = "One per policy publication (cause POLICY) and per on-demand request (cause REBUILD), with progress; ?policyVersion= filters.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = RECOMPUTATION_PAGE)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "year", value = BAD_YEAR)))
    public PageResponse<MeritRecomputationView> list(
            @QueryParam("policyVersion") @Parameter(description = "only jobs of this policy version", schema = @Schema(type = SchemaType.INTEGER, example = "2")) String policyVersion,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        return recomputations.list(QueryParams.integer("policyVersion", policyVersion), PageRequest.parse(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "getMeritRecomputation", summary = "One recomputation and its progress",
            description = "status QUEUED, RUNNING, DONE or FAILED (with error); total, processed and changed profiles, updated per chunk.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MeritRecomputationView.class), examples = @ExampleObject(name = "done", value = RECOMPUTATION)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = JOB_NOT_FOUND)))
    public MeritRecomputationView get(@PathParam("id") @Parameter(example = "7d1f0c7e-2b9a-4f7e-a1c3-5e8d9b0a1c2d") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("recomputation", id);
        }
        return recomputations.find(uuid);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "requestMeritRecomputation", summary = "Recompute every profile of a year under the policy in force",
            description = "Queues a job (cause REBUILD) that recomputes every stored profile of the year and one for every ACTIVE employee; "
                    + "answers 202 with the job and its Location. Idempotency-Key honoured; audited. ADMIN only.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Request.class),
            examples = @ExampleObject(name = "2025", value = RECOMPUTATION_REQUEST)))
    @APIResponse(responseCode = "202", description = "Queued; Location is the job", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeritRecomputationView.class),
                    examples = @ExampleObject(name = "queued", value = RECOMPUTATION)))
    @APIResponse(responseCode = "400", description = "A bad year, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "year", value = BAD_YEAR)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "idempotency", value = IDEMPOTENCY)))
    public Response request(Request request, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey) {
        int current = clock.currentYear();
        if (request == null || request.year() == null) {
            throw ApiException.badRequest("year", "is required");
        }
        if (request.year() < 2000 || request.year() > current + 1) {
            throw ApiException.badRequest("year", "must be between 2000 and " + (current + 1));
        }
        return idempotency.run(idempotencyKey, PATH, request, () -> {
            MeritRecomputationView job = recomputations.rebuild(request.year(), caller.subject());
            return Response.accepted(job).location(uri.getBaseUriBuilder().path(PATH).path(job.id().toString()).build()).build();
        });
    }
}
