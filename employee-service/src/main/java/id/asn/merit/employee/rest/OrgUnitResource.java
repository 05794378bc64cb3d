package id.asn.merit.employee.rest;

import id.asn.merit.employee.mapping.OrgUnitRequest;
import id.asn.merit.employee.mapping.OrgUnitView;
import id.asn.merit.employee.service.OrgUnitService;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    public Response create(@NotNull @Valid OrgUnitRequest request, @Context UriInfo uri) {
        OrgUnitView created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listOrgUnits", summary = "List the children of a unit (the roots without parentCode)")
    @APIResponse(responseCode = "200", description = "The units, sorted by code")
    @APIResponse(responseCode = "401", description = "No valid token")
    public List<OrgUnitView> list(@QueryParam("parentCode") String parentCode) {
        return service.children(parentCode);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getOrgUnit", summary = "Read one org unit with its path from the root")
    @APIResponse(responseCode = "200", description = "The unit", content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = "404", description = "No such unit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrgUnitView get(@PathParam("code") String code) {
        return service.get(code);
    }
}
