package id.asn.merit.merit.rest;

import id.asn.merit.merit.rest.MeritPolicyModels.MeritPolicyView;
import id.asn.merit.merit.rest.MeritPolicyModels.PublishRequest;
import id.asn.merit.merit.service.MeritPolicies;
import id.asn.merit.platform.audit.AuditEntryView;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.IfMatch;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/merit-policies")
@Tag(name = "Merit policies", description = "The versioned rules behind every merit result (SYSTEM.md §6)")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MeritPolicyResource {
    private static final String WEIGHTS_EXAMPLE = "{\"type\":\"urn:asn:problem:validation\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"rules.potentialWeights: must sum to 100, not 95\",\"errors\":[{\"field\":\"rules.potentialWeights\",\"message\":\"must sum to 100, not 95\"}]}";

    @Inject
    MeritPolicies policies;
    @Inject
    AuditLog audit;

    @GET
    @Path("/current")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getCurrentMeritPolicy", summary = "The policy in force (the newest version)")
    @APIResponse(responseCode = "200", description = "The policy; ETag carries the version", content = @Content(schema = @Schema(implementation = MeritPolicyView.class)))
    public Response current() {
        MeritPolicyView p = policies.current();
        return Response.ok(p).tag(new EntityTag(Integer.toString(p.version()))).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listMeritPolicies", summary = "Every policy version, newest first")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}")
    @APIResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<MeritPolicyView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return policies.all(PageRequest.of(page, size));
    }

    @GET
    @Path("/{version: [0-9]+}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getMeritPolicyVersion", summary = "One policy version (old results name the version they used)")
    @APIResponse(responseCode = "200", description = "The version", content = @Content(schema = @Schema(implementation = MeritPolicyView.class)))
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MeritPolicyView version(@PathParam("version") int version) {
        return policies.version(version);
    }

    @PUT
    @Path("/current")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "publishMeritPolicy", summary = "Publish a new policy version",
            description = "Send If-Match with the current version's ETag; a stale one is a 412. Emits asn.merit.policy-published.v1.")
    @APIResponse(responseCode = "200", description = "The new version", content = @Content(schema = @Schema(implementation = MeritPolicyView.class)))
    @APIResponse(responseCode = "400", description = "Inconsistent rules, field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "weights", value = WEIGHTS_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Only ADMIN publishes policies")
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@HeaderParam("If-Match") String ifMatch, @NotNull @Valid PublishRequest request) {
        Long expected = IfMatch.parse(ifMatch);
        MeritPolicyView published = policies.publish(expected == null ? null : expected.intValue(), request);
        return Response.ok(published).tag(new EntityTag(Integer.toString(published.version()))).build();
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listMeritServiceAudit", summary = "Audit entries of merit-service, newest first")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "403", description = "Only ADMIN reads the audit log")
    public PageResponse<AuditEntryView> audit(@QueryParam("entity") String entity, @QueryParam("id") String id,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return audit.find(entity, id, PageRequest.of(page, size));
    }
}
