package id.asn.merit.merit.rest;

import id.asn.merit.merit.mapping.MeritPolicyRequest;
import id.asn.merit.merit.mapping.MeritPolicyView;
import id.asn.merit.merit.service.MeritPolicies;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.IfMatch;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
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

import java.util.List;

import static id.asn.merit.merit.rest.MeritPolicyExamples.*;

/** The versioned merit policy: public rule data, read by every role; a new version is published by ADMIN only. */
@Path("/api/v1/merit-policies")
@Authenticated
@Tag(name = "Merit policies", description = "The versioned rules behind every merit result (SYSTEM.md §6): weights, cut-offs, bands")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
public class MeritPolicyResource {
    @Inject
    MeritPolicies policies;
    @Inject
    id.asn.merit.merit.service.MeritRecomputations recomputations;

    @GET
    @Path("/current")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getCurrentMeritPolicy", summary = "The merit policy in force (the newest version)",
            description = "Weights, cut-offs and bands of the 9-box and merit score (SYSTEM.md section 6.4) now in force; every computed result names the version it used.")
    @APIResponse(responseCode = "200", description = "The policy; the ETag header carries its version (send it as If-Match to publish)",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeritPolicyView.class),
                    examples = @ExampleObject(name = "defaults", value = POLICY)))
    public Response current() {
        MeritPolicyView p = policies.current();
        return Response.ok(p).tag(etag(p)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listMeritPolicies", summary = "Every merit policy version, newest first",
            description = "All published versions, so a result computed under an older one can be explained; answers {items, page, size, total}.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one version", value = PAGE)))
    @APIResponse(responseCode = "400", description = "Bad paging, parameter named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "size", value = BAD_SIZE)))
    public PageResponse<MeritPolicyView> list(
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        return policies.all(PageRequest.parse(page, size));
    }

    @GET
    @Path("/{version: [0-9]+}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getMeritPolicyVersion", summary = "One merit policy version (old results name the version they used)",
            description = "A version exactly as it was published; versions are never changed, a new one is published instead.")
    @APIResponse(responseCode = "200", description = "The version; versions never change",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeritPolicyView.class),
                    examples = @ExampleObject(name = "version 1", value = POLICY)))
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public Response version(@PathParam("version") @Parameter(example = "1") int version) {
        MeritPolicyView p = policies.version(version);
        return Response.ok(p).tag(etag(p)).build();
    }

    @PUT
    @Path("/current")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "publishMeritPolicy", summary = "Publish a new merit policy version",
            description = "Send If-Match with the current version's ETag (required; a stale one is a 412). The old versions stay readable. "
                    + "Emits asn.merit.policy-published.v1 on asn.merit.v1 with key \"policy\".")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeritPolicyRequest.class),
            examples = @ExampleObject(name = "defaults from July", value = REQUEST)))
    @APIResponse(responseCode = "200", description = "The new version, now current; the ETag carries it",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Link", description = "the recomputation of every profile of the year: </api/v1/merit-policies/recomputations/{id}>; rel=\"recomputation\"",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeritPolicyView.class),
                    examples = @ExampleObject(name = "version 2", value = PUBLISHED)))
    @APIResponse(responseCode = "400", description = "Invalid or inconsistent rules, field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = {@ExampleObject(name = "weights", value = WEIGHTS),
                    @ExampleObject(name = "cut-offs", value = CUTOFFS)}))
    @APIResponse(responseCode = "409", description = "Another version was published at the same moment", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "conflict", value = CONFLICT)))
    @APIResponse(responseCode = "412", description = "Stale If-Match: the current version is another one", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "422", description = "effectiveFrom before the current version's", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "effectiveFrom", value = EFFECTIVE_FROM)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "If-Match", value = IF_MATCH_REQUIRED)))
    public Response publish(
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the ETag of the current policy, e.g. \"1\"", required = true, example = "\"1\"") String ifMatch,
            @NotNull @Valid MeritPolicyRequest request) {
        Long expected = IfMatch.parse(ifMatch);
        if (expected == null) {
            String message = "is required: send the ETag of the current policy, e.g. \"1\"";
            throw new ApiException(428, "urn:asn:problem:precondition-required", "Precondition required", IfMatch.HEADER + ": " + message,
                    List.of(new Problem.FieldError(IfMatch.HEADER, message)));
        }
        MeritPolicyView published = policies.publish(expected, request);
        Response.ResponseBuilder ok = Response.ok(published).tag(etag(published));
        java.util.UUID job = recomputations.latestFor(published.version());
        if (job != null) {
            // the recomputation of every profile this version queued, to follow its progress
            ok.header("Link", "<" + id.asn.merit.merit.profiles.MeritRecomputationResource.PATH + "/" + job + ">; rel=\"recomputation\"");
        }
        return ok.build();
    }

    private static EntityTag etag(MeritPolicyView p) {
        return new EntityTag(Integer.toString(p.version()));
    }
}
