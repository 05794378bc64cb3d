package id.asn.merit.employee.rest;

import id.asn.merit.employee.mapping.OrgUnitPatch;
import id.asn.merit.employee.mapping.OrgUnitRequest;
import id.asn.merit.employee.mapping.OrgUnitView;
import id.asn.merit.employee.service.OrgUnitService;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.IfMatch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/org-units")
@Tag(name = "Org units", description = "The organisation tree: instansi → perangkat daerah → bidang → seksi")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrgUnitResource {

    @Inject
    Idempotency idempotency;
    @Inject
    OrgUnitService service;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "createOrgUnit", summary = "Create an org unit under its parent")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing parent",
            value = "{\"type\":\"urn:asn:problem:validation\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"parentCode: is required for a BIDANG\",\"errors\":[{\"field\":\"parentCode\",\"message\":\"is required for a BIDANG\"}]}")))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "409", description = "The code exists already")
    public Response create(@NotNull @Valid OrgUnitRequest request, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey) {
        return idempotency.run(idempotencyKey, "/api/v1/org-units", request, () -> {
            OrgUnitView created = service.create(request);
            return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listOrgUnits", summary = "List the children of a unit (the roots without parentCode)")
    @APIResponse(responseCode = "200", description = "The units, sorted by code")
    @APIResponse(responseCode = "401", description = "No valid token")
    public List<OrgUnitView> list(@QueryParam("parentCode") String parentCode) {
        return service.children(parentCode);
    }

    @PATCH
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "updateOrgUnit", summary = "Rename, move (with its subtree) or close an org unit",
            description = "Send If-Match with the ETag you read. Closing needs an empty subtree (no active employee or position): 409 otherwise.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = "400", description = "Invalid move or input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Still has active employees or positions", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid OrgUnitPatch patch) {
        OrgUnitView updated = service.patch(code, IfMatch.parse(ifMatch), patch);
        return Response.ok(updated).tag(new EntityTag(Long.toString(updated.version()))).build();
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "deleteOrgUnit", summary = "Delete an org unit that never had children, employees or positions")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "It has children, employees or positions: close it instead", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("code") String code) {
        service.delete(code);
    }

    @GET
    @Path("/{code}/subtree")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getOrgUnitSubtree", summary = "The unit and every unit below it, ordered by path")
    @APIResponse(responseCode = "200", description = "The subtree")
    @APIResponse(responseCode = "404", description = "No such unit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<OrgUnitView> subtree(@PathParam("code") String code) {
        return service.subtree(code);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getOrgUnit", summary = "Read one org unit with its path from the root")
    @APIResponse(responseCode = "200", description = "The unit", content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = "404", description = "No such unit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("code") String code) {
        OrgUnitView unit = service.get(code);
        return Response.ok(unit).tag(new EntityTag(Long.toString(unit.version()))).build();
    }
}
