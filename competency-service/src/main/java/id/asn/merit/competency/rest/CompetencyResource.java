package id.asn.merit.competency.rest;

import id.asn.merit.competency.domain.Competency;
import id.asn.merit.competency.domain.CompetencyGroup;
import id.asn.merit.competency.rest.CompetencyModels.CompetencyRequest;
import id.asn.merit.competency.rest.CompetencyModels.CompetencyView;
import id.asn.merit.competency.service.CompetencyDictionary;
import id.asn.merit.platform.audit.AuditEntryView;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.Idempotency;
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

@Path("/api/v1/competencies")
@Tag(name = "Competency dictionary", description = "PermenPANRB 38/2017: manajerial M.1-M.8 and sosial kultural SK.1 (seeded), teknis and pemerintahan (per instansi)")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CompetencyResource {
    private static final String LEVELS_EXAMPLE = "{\"type\":\"urn:asn:problem:validation\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"levels: must have each level 1 to 5 exactly once\",\"errors\":[{\"field\":\"levels\",\"message\":\"must have each level 1 to 5 exactly once\"}]}";

    @Inject
    CompetencyDictionary dictionary;
    @Inject
    Idempotency idempotency;
    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listCompetencies", summary = "The competency dictionary, paged and sorted by code")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}")
    @APIResponse(responseCode = "400", description = "Bad paging or group", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<CompetencyView> list(@QueryParam("group") CompetencyGroup group, @QueryParam("q") String q,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return dictionary.search(group, q, PageRequest.of(page, size));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getCompetency", summary = "One competency with its five levels")
    @APIResponse(responseCode = "200", description = "The competency; ETag carries the version", content = @Content(schema = @Schema(implementation = CompetencyView.class)))
    @APIResponse(responseCode = "404", description = "No such competency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("code") String code) {
        Competency c = dictionary.require(code);
        return Response.ok(dictionary.view(c)).tag(new EntityTag(Long.toString(c.version))).build();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "createCompetency", summary = "Add a TEKNIS or PEMERINTAHAN competency")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CompetencyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "levels", value = LEVELS_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "409", description = "The code exists already")
    @APIResponse(responseCode = "422", description = "MANAJERIAL and SOSIAL_KULTURAL are the regulation's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid CompetencyRequest request, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create") String idempotencyKey) {
        return idempotency.run(idempotencyKey, "/api/v1/competencies", request, () -> {
            CompetencyView created = dictionary.create(request);
            return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build())
                    .tag(new EntityTag(Long.toString(created.version()))).entity(created).build();
        });
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "replaceCompetency", summary = "Replace a TEKNIS or PEMERINTAHAN competency; If-Match with the ETag read")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = CompetencyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A regulation competency cannot be changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid CompetencyRequest request) {
        CompetencyView updated = dictionary.replace(code, IfMatch.parse(ifMatch), request);
        return Response.ok(updated).tag(new EntityTag(Long.toString(updated.version()))).build();
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listCompetencyServiceAudit", summary = "Audit entries of competency-service, newest first")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "403", description = "Only ADMIN reads the audit log")
    public PageResponse<AuditEntryView> audit(@QueryParam("entity") String entity, @QueryParam("id") String id,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return audit.find(entity, id, PageRequest.of(page, size));
    }

}
