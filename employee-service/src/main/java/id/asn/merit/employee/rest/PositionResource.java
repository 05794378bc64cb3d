package id.asn.merit.employee.rest;

import id.asn.merit.employee.domain.PositionType;
import id.asn.merit.employee.mapping.PositionRequest;
import id.asn.merit.employee.mapping.PositionView;
import id.asn.merit.employee.service.OrgUnitService;
import id.asn.merit.employee.service.PositionService;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.IfMatch;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.QueryParams;
import id.asn.merit.platform.web.PageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/positions")
@Tag(name = "Positions", description = "Jabatan: type, functional level, grade (kelas jabatan), minimum rank, required leadership training")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PositionResource {
    private static final String FUNCTIONAL_LEVEL = "{\"type\":\"urn:asn:problem:validation\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"functionalLevel: is required for a FUNGSIONAL position\","
            + "\"errors\":[{\"field\":\"functionalLevel\",\"message\":\"is required for a FUNGSIONAL position\"}]}";

    @Inject
    Idempotency idempotency;
    @Inject
    PositionService service;
    @Inject
    OrgUnitService orgUnits;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "createPosition", summary = "Create a position in an org unit",
            description = "Adds a position to an org unit: type, functional level (FUNGSIONAL only), kelas jabatan, minimum rank and education, and the required leadership training (defaulted by type). Answers 201 with its Location; emits asn.org.position-changed.v1.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PositionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "functional level", value = FUNCTIONAL_LEVEL)))
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "409", description = "The code exists already")
    public Response create(@NotNull @Valid PositionRequest request, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey) {
        return idempotency.run(idempotencyKey, "/api/v1/positions", request, () -> {
            PositionView created = service.create(request);
            return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build())
                    .tag(new EntityTag(Long.toString(created.version()))).entity(created).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "searchPositions", summary = "Positions, paged and sorted by code; orgUnit with subtree=true takes the whole subtree",
            description = "Positions (jabatan), filtered by org unit (optionally with its subtree) and type, paged and sorted by code. Answers {items, page, size, total}.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}")
    @APIResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<PositionView> search(@QueryParam("orgUnit") String orgUnit, @QueryParam("subtree") boolean subtree,
            @QueryParam("type") @Parameter(schema = @Schema(implementation = PositionType.class)) String typeParam,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.parse(page, size);
        PositionType type = QueryParams.enumValue(PositionType.class, "type", typeParam);
        String path = orgUnit != null && subtree ? String.join("/", orgUnits.require(orgUnit).pathCodes()) : null;
        return service.search(path, orgUnit, type, paging);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getPosition", summary = "Read one position",
            description = "One position with its requirements; the ETag carries its version.")
    @APIResponse(responseCode = "200", description = "The position; ETag carries the version", content = @Content(schema = @Schema(implementation = PositionView.class)))
    @APIResponse(responseCode = "404", description = "No such position", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("code") String code) {
        var p = service.require(code);
        return Response.ok(PositionView.of(p)).tag(new EntityTag(Long.toString(p.version))).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "replacePosition", summary = "Replace a position; If-Match with the ETag read",
            description = "Replaces a position; send If-Match with the ETag read (a stale one is a 412). Emits asn.org.position-changed.v1.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = PositionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid PositionRequest request) {
        PositionView updated = service.update(code, IfMatch.parse(ifMatch), request);
        return Response.ok(updated).tag(new EntityTag(Long.toString(updated.version()))).build();
    }
}
