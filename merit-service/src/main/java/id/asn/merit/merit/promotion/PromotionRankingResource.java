package id.asn.merit.merit.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
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
import jakarta.ws.rs.core.HttpHeaders;
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

import static id.asn.merit.merit.promotion.PromotionRankingExamples.*;

/** Promotion rankings with their blockers (SYSTEM.md §3, §6.4): made and read by ADMIN and HR_OFFICER. */
@Path(PromotionRankingResource.PATH)
@Authenticated
@Tag(name = "Promotion rankings", description = "Candidates for a position with their blockers, JPM for the target and merit score, stored as decided")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "Rankings are for ADMIN and HR_OFFICER", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
public class PromotionRankingResource {
    public static final String PATH = "/api/v1/promotion-rankings";

    @Inject
    PromotionRankings rankings;
    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "createPromotionRanking", summary = "Rank the candidates for a position, with what blocks each one",
            description = "Every ACTIVE person in scope (orgUnit with its subtree by default; everyone without one) except the target's "
                    + "current holders, with the blockers of the merit policy (discipline MODERATE/SEVERE within the look-back window, annual "
                    + "SKP below the minimum in the year or the years before, JP of the year not met, rank below the target's minRank, a "
                    + "managerial target's leadership training missing; only the last can be waived), the JPM against the target from "
                    + "competency-service, and the year's merit score. Order: eligible first, merit score descending, longer time in rank, NIP. "
                    + "Stored as decided. When competency-service cannot answer, nothing is ranked or stored (503, Retry-After). "
                    + "Idempotency-Key honoured. ADMIN and HR_OFFICER; audited.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromotionRankingRequest.class),
            examples = {@ExampleObject(name = "one unit", value = REQUEST), @ExampleObject(name = "leadership waived", value = REQUEST_WAIVED)}))
    @APIResponse(responseCode = "201", description = "Ranked and stored; Location names it",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromotionRankingView.class),
                    examples = @ExampleObject(name = "two candidates", value = RANKING)))
    @APIResponse(responseCode = "400", description = "A required field missing or out of range, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID)))
    @APIResponse(responseCode = "422", description = "Target position or unit not known (or the Idempotency-Key was used with another body)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unknown position", value = UNKNOWN_POSITION), @ExampleObject(name = "unknown unit", value = UNKNOWN_UNIT)}))
    @APIResponse(responseCode = "503", description = "competency-service unavailable: the ranking was not made",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "competency-service down", value = UNAVAILABLE)))
    public Response create(PromotionRankingRequest request, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.AUTHORIZATION) @Parameter(hidden = true) String authorization,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey) {
        PromotionRankings.Checked checked = rankings.check(request);
        return idempotency.run(idempotencyKey, PATH, request, () -> {
            PromotionRankingView created = rankings.create(checked, authorization);
            return Response.created(uri.getBaseUriBuilder().path(PATH).path(created.id().toString()).build()).entity(created).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "getPromotionRanking", summary = "A promotion ranking exactly as it was decided",
            description = "The stored body: never recomputed, so it shows what the decision was made on. ADMIN and HR_OFFICER.")
    @APIResponse(responseCode = "200", description = "The ranking as decided", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PromotionRankingView.class), examples = @ExampleObject(name = "two candidates", value = RANKING)))
    @APIResponse(responseCode = "404", description = "No such ranking", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public JsonNode get(@PathParam("id") @Parameter(example = "3f6c1e2a-9b7d-4c55-8e21-6a0d4b9f7c10") String id) {
        return rankings.get(uuid(id));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "listPromotionRankings", summary = "Stored promotion rankings, newest first",
            description = "Summaries {id, targetPositionCode, year, candidates, eligible, ...}, optionally of one year and target, as "
                    + "{items, page, size, total}; the whole ranking is at its id. ADMIN and HR_OFFICER.")
    @APIResponse(responseCode = "200", description = "A page of summaries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one ranking", value = PAGE)))
    @APIResponse(responseCode = "400", description = "Bad parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "year", value = BAD_YEAR)))
    public PageResponse<PromotionRankingSummary> list(
            @QueryParam("year") @Parameter(description = "the merit year", schema = @Schema(type = SchemaType.INTEGER), example = "2026") String year,
            @QueryParam("targetPositionCode") @Parameter(example = "ADM-KABID-YANKES") String targetPositionCode,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        return rankings.list(year(year), targetPositionCode, PageRequest.parse(page, size));
    }

    private static Integer year(String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(year.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("year", "must be a whole number");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            // not an id any ranking could have: answered like one that does not exist
            throw ApiException.notFound("promotion ranking", id);
        }
    }
}
