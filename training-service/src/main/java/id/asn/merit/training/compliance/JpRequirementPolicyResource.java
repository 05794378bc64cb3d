package id.asn.merit.training.compliance;

import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.IfMatch;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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

import static id.asn.merit.training.compliance.ComplianceExamples.*;

/**
 * The JP requirement per employment type (SYSTEM.md §6.3) as versioned data. Its own root resource under
 * /api/v1/jp-compliance/policy so that the more literal path wins over the compliance resource's /{nip}.
 */
@Path("/api/v1/jp-compliance/policy")
@Authenticated
@Tag(name = "JP requirement policy", description = "The JP required a year per employment type, versioned")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class JpRequirementPolicyResource {
    @Inject
    RequirementPolicies policies;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getJpRequirementPolicy", summary = "The JP requirement in force",
            description = "The current (highest) version: JP per employment type (PNS, CPNS, PPPK) and the JP for a type not listed. Every "
                    + "compliance answer names the version it used (requirementVersion). The ETag carries the version.")
    @APIResponse(responseCode = "200", description = "The policy; ETag = version",
            headers = @Header(name = "ETag", description = "the version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplianceViews.Policy.class),
                    examples = @ExampleObject(name = "version 1", value = POLICY)))
    public Response get() {
        ComplianceViews.Policy p = policies.current();
        return Response.ok(p).tag(new EntityTag(Integer.toString(p.version()))).build();
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listJpRequirementPolicyHistory", summary = "Every version of the JP requirement, newest first",
            description = "All versions ever in force with who wrote them, when and why, paged {items, page, size, total}.")
    @APIResponse(responseCode = "200", description = "A page of versions, newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one version", value = POLICY_HISTORY)))
    @APIResponse(responseCode = "400", description = "Bad paging, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public PageResponse<ComplianceViews.Policy> history(
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        return policies.history(PageRequest.parse(page, size));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putJpRequirementPolicy", summary = "Replace the JP requirement with a new version",
            description = "ADMIN only. Writes version latest + 1, in force at once for every compliance answer; older versions stay readable in "
                    + "the history. required: JP per employment type, only PNS, CPNS and PPPK (another key is refused, named); each value and "
                    + "defaultJp above 0, at most 1000, 2 decimals. If-Match, when sent, must be the current version (412 otherwise). Audited. "
                    + "Person-years whose recognised JP reaches a lowered requirement get their jp-threshold-reached event.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ComplianceViews.PolicyRequest.class), examples = @ExampleObject(name = "20 JP for all", value = POLICY_REQUEST)))
    @APIResponse(responseCode = "200", description = "The new version; ETag = version",
            headers = @Header(name = "ETag", description = "the version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplianceViews.Policy.class),
                    examples = @ExampleObject(name = "version 2", value = POLICY)))
    @APIResponse(responseCode = "400", description = "Unreadable body or If-Match, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "422", description = "Every broken rule named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown type", value = POLICY_INVALID)))
    public Response replace(
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the ETag read, e.g. \"1\"", example = "\"1\"") String ifMatch,
            @NotNull ComplianceViews.PolicyRequest request) {
        ComplianceViews.Policy p = policies.replace(IfMatch.parse(ifMatch), request);
        return Response.ok(p).tag(new EntityTag(Integer.toString(p.version()))).build();
    }
}
