package id.asn.merit.competency.rest;

import id.asn.merit.competency.mapping.GapPolicyRequest;
import id.asn.merit.competency.mapping.GapPolicyView;
import id.asn.merit.competency.service.GapPolicyVersions;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.IfMatch;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.platform.web.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

import static id.asn.merit.competency.rest.StandardExamples.*;

/**
 * The gap/JPM policy (SYSTEM.md §6.1) as versioned data: read by every role, replaced by ADMIN. Its own root resource
 * under /api/v1/competency-gaps/policy, so that the more literal path wins over the gaps resource's /{nip}.
 */
@Path("/api/v1/competency-gaps/policy")
@Authenticated
@Tag(name = "Competency gap policy", description = "JPM category bands per purpose, the assessment validity window, rounding and "
        + "the KLASIKAL threshold, versioned; every gap names the version it used")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
public class GapPolicyResource {
    @Inject
    GapPolicyVersions policies;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getGapPolicy", summary = "The gap policy in force",
            description = "The current (highest) version: MAPPING bands (OPTIMAL, CUKUP_OPTIMAL; default 90/78), SELECTION bands (MEMENUHI_SYARAT, "
                    + "MASIH_MEMENUHI_SYARAT; default 80/68), how many years an assessment counts (default 3), the rounding of JPM (default 2 "
                    + "decimals HALF_UP) and the shortfall from which a need suggests KLASIKAL (default 2). The ETag carries the version.")
    @APIResponse(responseCode = "200", description = "The current policy; the ETag carries its version",
            headers = @Header(name = "ETag", description = "the version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GapPolicyView.class),
                    examples = @ExampleObject(name = "defaults", value = POLICY)))
    public Response get() {
        GapPolicyView p = policies.current();
        return Response.ok(p).tag(CompetencyStandardResource.etag(p.version())).build();
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getGapPolicyVersion", summary = "One stored version of the gap policy",
            description = "Any version ever in force, as it was: a gap result names its policyVersion, and this shows the rules behind it.")
    @APIResponse(responseCode = "200", description = "That version",
            headers = @Header(name = "ETag", description = "the version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GapPolicyView.class),
                    examples = @ExampleObject(name = "version 2", value = POLICY)))
    @APIResponse(responseCode = "400", description = "Not a version number", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not a number", value = BAD_POLICY_VERSION)))
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown version", value = POLICY_VERSION_NOT_FOUND)))
    public Response version(@PathParam("version") @Parameter(example = "1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) String version) {
        Integer v = QueryParams.integer("version", version);
        GapPolicyView p = policies.version(v == null ? 0 : v);
        return Response.ok(p).tag(CompetencyStandardResource.etag(p.version())).build();
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listGapPolicyHistory", summary = "Every version of the gap policy, newest first",
            description = "All versions with who wrote them and when, paged {items, page, size, total}.")
    @APIResponse(responseCode = "200", description = "A page of versions, newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two versions", value = POLICY_HISTORY)))
    @APIResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "size", value = BAD_SIZE)))
    public PageResponse<GapPolicyView> history(
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        return policies.history(PageRequest.parse(page, size));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putGapPolicy", summary = "Replace the gap policy with a new version",
            description = "ADMIN only. Writes version latest + 1, in force at once: every stored gap is recomputed with it. Bands are percentages "
                    + "0..100, each upper band above its lower one; validityYears above 0; rounding scale 0..6 with a mode that rounds; "
                    + "klasikalFromGap above 0 and at most 4 levels. Every broken rule is listed in one 422. If-Match, when sent, must be the "
                    + "current version (412 otherwise).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GapPolicyRequest.class),
            examples = @ExampleObject(name = "the defaults", value = POLICY_REQUEST)))
    @APIResponse(responseCode = "200", description = "The new version; the ETag carries it",
            headers = @Header(name = "ETag", description = "the version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GapPolicyView.class),
                    examples = @ExampleObject(name = "version 2", value = POLICY)))
    @APIResponse(responseCode = "400", description = "Unreadable body, field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "rounding mode", value = POLICY_BAD_MODE)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = POLICY_STALE)))
    @APIResponse(responseCode = "422", description = "The policy breaks its rules; every broken rule named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "violations", value = POLICY_VIOLATIONS)))
    public Response replace(
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the ETag read, e.g. \"1\"", example = "\"1\"") String ifMatch,
            @NotNull GapPolicyRequest request) {
        GapPolicyView p = policies.replace(IfMatch.parse(ifMatch), request);
        return Response.ok(p).tag(CompetencyStandardResource.etag(p.version())).build();
    }
}
