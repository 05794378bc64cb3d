package id.asn.merit.employee.rest;

import id.asn.merit.employee.mapping.OrgUnitPatch;
import id.asn.merit.employee.mapping.OrgUnitRequest;
import id.asn.merit.employee.mapping.OrgUnitView;
import id.asn.merit.employee.service.OrgUnitService;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.IfMatch;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/org-units")
@Tag(name = "Org units", description = "The organisation tree: instansi → perangkat daerah → bidang → seksi, deeper for a ministry (LEVEL_5, LEVEL_6, ...)")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrgUnitResource {
    static final String PAGE_EXAMPLE = "{\"items\":[{\"code\":\"PMPTSP-PERIZINAN\",\"name\":\"Bidang Perizinan\",\"parentCode\":\"PMPTSP\","
            + "\"level\":\"BIDANG\",\"depth\":3,\"path\":[\"KOTA-SORONG\",\"PMPTSP\",\"PMPTSP-PERIZINAN\"],\"active\":true,\"version\":0}],"
            + "\"page\":0,\"size\":50,\"total\":1}";

    /** The page schema for the OpenAPI document. */
    @Schema(name = "OrgUnitPage")
    public record OrgUnitPage(List<OrgUnitView> items, int page, int size, long total) {
    }

    @Inject
    Idempotency idempotency;
    @Inject
    OrgUnitService service;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "createOrgUnit", summary = "Create an org unit under its parent",
            description = "level may be left out: it follows from the parent (INSTANSI, PERANGKAT_DAERAH, BIDANG, SEKSI, then LEVEL_5, LEVEL_6, ... down to asn.org.max-depth, default 6). Emits asn.org.unit-changed.v1.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing parent",
            value = "{\"type\":\"urn:asn:problem:validation\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"parentCode: is required for a BIDANG\",\"errors\":[{\"field\":\"parentCode\",\"message\":\"is required for a BIDANG\"}]}")))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "409", description = "The code exists already")
    @APIResponse(responseCode = "422", description = "A level that contradicts the parent, or a parent at the deepest level allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "level",
            value = "{\"type\":\"urn:asn:problem:unprocessable\",\"title\":\"Unprocessable request\",\"status\":422,\"detail\":\"level: a unit under a PERANGKAT_DAERAH is a BIDANG, not a SEKSI (the level follows from the parent; leave it out to derive it)\",\"errors\":[{\"field\":\"level\",\"message\":\"a unit under a PERANGKAT_DAERAH is a BIDANG, not a SEKSI (the level follows from the parent; leave it out to derive it)\"}]}")))
    public Response create(@NotNull @Valid OrgUnitRequest request, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey) {
        return idempotency.run(idempotencyKey, "/api/v1/org-units", request, () -> {
            OrgUnitView created = service.create(request);
            return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listOrgUnits", summary = "List the children of a unit (the roots without parentCode), paged and sorted by code",
            description = "Org units, paged and sorted by code: the roots (instansi) without ?parentCode=, the direct children of a unit with it. Answers {items, page, size, total}.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}", content = @Content(schema = @Schema(implementation = OrgUnitPage.class),
            examples = @ExampleObject(name = "children", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<OrgUnitView> list(@QueryParam("parentCode") String parentCode,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        return service.children(parentCode, PageRequest.parse(page, size));
    }

    @GET
    @Path("/{code}/children")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listOrgUnitChildren", summary = "The units directly below a unit, paged and sorted by code",
            description = "The direct children of a unit, paged and sorted by code; an unknown unit is a 404.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}", content = @Content(schema = @Schema(implementation = OrgUnitPage.class),
            examples = @ExampleObject(name = "children", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such unit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<OrgUnitView> children(@PathParam("code") String code,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        PageRequest paging = PageRequest.parse(page, size);
        service.require(code);
        return service.children(code, paging);
    }

    @PATCH
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "updateOrgUnit", summary = "Rename, move (with its subtree) or close an org unit",
            description = "Send If-Match with the ETag you read. A move takes the whole subtree along, re-deriving every level from the new parent, "
                    + "within asn.org.max-depth (422 otherwise); it emits asn.org.unit-changed.v1 for every unit and asn.employee.updated.v1 for every employee of the subtree. "
                    + "Closing needs an empty subtree (no active employee or position): 409 otherwise.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = "400", description = "Invalid move or input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Still has active employees or positions", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The moved subtree would be deeper than asn.org.max-depth", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid OrgUnitPatch patch) {
        OrgUnitView updated = service.patch(code, IfMatch.parse(ifMatch), patch);
        return Response.ok(updated).tag(new EntityTag(Long.toString(updated.version()))).build();
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "deleteOrgUnit", summary = "Delete an org unit that never had children, employees or positions",
            description = "Deletes a unit that has no child units, employees or positions (409 otherwise; close it instead). Emits asn.org.unit-changed.v1 with status DELETED.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "It has children, employees or positions: close it instead", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("code") String code) {
        service.delete(code);
    }

    @GET
    @Path("/{code}/subtree")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getOrgUnitSubtree", summary = "The unit and every unit below it, paged and ordered by path (a parent before its children)",
            description = "The unit and every unit below it, paged and sorted by path, for scoping lists and reports to a perangkat daerah or bidang.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}", content = @Content(schema = @Schema(implementation = OrgUnitPage.class),
            examples = @ExampleObject(name = "subtree", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such unit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<OrgUnitView> subtree(@PathParam("code") String code,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        return service.subtree(code, PageRequest.parse(page, size));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getOrgUnit", summary = "Read one org unit with its path from the root",
            description = "One org unit with its parent, materialised path, depth, level label and status.")
    @APIResponse(responseCode = "200", description = "The unit", content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = "404", description = "No such unit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("code") String code) {
        OrgUnitView unit = service.get(code);
        return Response.ok(unit).tag(new EntityTag(Long.toString(unit.version()))).build();
    }
}
