package id.asn.merit.competency.rest;

import id.asn.merit.competency.domain.PositionType;
import id.asn.merit.competency.mapping.StandardTemplateRequest;
import id.asn.merit.competency.mapping.StandardTemplateView;
import id.asn.merit.competency.service.StandardTemplateVersions;
import id.asn.merit.platform.problem.ApiException;
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

import java.util.List;

import static id.asn.merit.competency.rest.StandardExamples.*;

/** The default standard per position type (domain.md §3.3, UNCONFIRMED ladder) as versioned data: read by HR, replaced by ADMIN. */
@Path("/api/v1/competency-standards/templates")
@Authenticated
@Tag(name = "Competency standard templates", description = "The default standard a position gets, by its type (and jenjang), "
        + "while the instansi has published none of its own")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
public class StandardTemplateResource {
    static final String TYPE_EXAMPLE = "JPT_UTAMA";

    @Inject
    StandardTemplateVersions templates;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.ASSESSOR, Roles.INTEGRATOR})
    @Operation(operationId = "listStandardTemplates", summary = "The current template of every position type",
            description = "One entry per position type (JPT_UTAMA … FUNGSIONAL), each at its current version. The seeded ladder is the "
                    + "commonly quoted, UNCONFIRMED one of domain.md §3.3; the keterampilan jenjang get level 1 by our own default.")
    @APIResponse(responseCode = "200", description = "Every type's current template", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = StandardTemplateView.class),
            examples = @ExampleObject(name = "templates", value = TEMPLATES)))
    public List<StandardTemplateView> list() {
        return templates.all();
    }

    @GET
    @Path("/{positionType}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.ASSESSOR, Roles.INTEGRATOR})
    @Operation(operationId = "getStandardTemplate", summary = "The current template of one position type",
            description = "The levels and importance a position of this type gets when it has no standard of its own; the ETag carries the "
                    + "template's version for a later If-Match.")
    @APIResponse(responseCode = "200", description = "The template; the ETag carries its version",
            headers = @Header(name = "ETag", description = "the version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StandardTemplateView.class),
                    examples = {@ExampleObject(name = "administrator", value = TEMPLATE), @ExampleObject(name = "fungsional", value = TEMPLATE_FUNGSIONAL)}))
    @APIResponse(responseCode = "404", description = "No such position type", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown type", value = BAD_POSITION_TYPE)))
    public Response get(@PathParam("positionType") @Parameter(example = TYPE_EXAMPLE, schema = @Schema(type = SchemaType.STRING, enumeration = {
            "JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS", "PELAKSANA", "FUNGSIONAL"})) String positionType) {
        StandardTemplateView t = templates.current(parseType(positionType));
        return Response.ok(t).tag(CompetencyStandardResource.etag(t.version())).build();
    }

    @GET
    @Path("/{positionType}/history")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.ASSESSOR, Roles.INTEGRATOR})
    @Operation(operationId = "listStandardTemplateHistory", summary = "Every version of a position type's template, newest first",
            description = "All versions, paged {items, page, size, total}: a standard shown with source TEMPLATE names the template version it came from.")
    @APIResponse(responseCode = "200", description = "A page of versions, newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two versions", value = TEMPLATE_HISTORY)))
    @APIResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "size", value = BAD_SIZE)))
    @APIResponse(responseCode = "404", description = "No such position type", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown type", value = BAD_POSITION_TYPE)))
    public PageResponse<StandardTemplateView> history(
            @PathParam("positionType") @Parameter(example = TYPE_EXAMPLE, schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS", "PELAKSANA", "FUNGSIONAL"})) String positionType,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        PositionType type = parseType(positionType);
        return templates.history(type, PageRequest.parse(page, size));
    }

    @PUT
    @Path("/{positionType}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putStandardTemplate", summary = "Replace a position type's template with a new version",
            description = "ADMIN only. Writes version latest + 1; every position of the type without an own standard takes it at once, and their "
                    + "holders' gaps are recomputed. FUNGSIONAL sets a level per jenjang (levelByFunctionalLevel, all eight) and no requiredLevel; "
                    + "other types set requiredLevel. Overrides per competency must name existing, non-retired MANAJERIAL or SOSIAL_KULTURAL "
                    + "competencies. Every broken rule is listed in one 422. If-Match, when sent, must be the current version (412 otherwise).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StandardTemplateRequest.class),
            examples = {@ExampleObject(name = "the JPT_UTAMA default", value = TEMPLATE_REQUEST),
                    @ExampleObject(name = "with overrides", value = TEMPLATE_REQUEST_OVERRIDES)}))
    @APIResponse(responseCode = "200", description = "The new version; the ETag carries it",
            headers = @Header(name = "ETag", description = "the version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StandardTemplateView.class),
                    examples = @ExampleObject(name = "administrator", value = TEMPLATE)))
    @APIResponse(responseCode = "400", description = "Unreadable body or a positionType other than the path's, field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "type mismatch", value = TEMPLATE_TYPE_MISMATCH)))
    @APIResponse(responseCode = "404", description = "No such position type", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown type", value = BAD_POSITION_TYPE)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = TEMPLATE_STALE)))
    @APIResponse(responseCode = "422", description = "The template breaks its rules; every broken rule named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "violations", value = TEMPLATE_VIOLATIONS)))
    public Response replace(
            @PathParam("positionType") @Parameter(example = TYPE_EXAMPLE, schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS", "PELAKSANA", "FUNGSIONAL"})) String positionType,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the ETag read, e.g. \"1\"", example = "\"1\"") String ifMatch,
            @NotNull StandardTemplateRequest request) {
        StandardTemplateView t = templates.replace(parseType(positionType), IfMatch.parse(ifMatch), request);
        return Response.ok(t).tag(CompetencyStandardResource.etag(t.version())).build();
    }

    /** An unknown type is a resource that does not exist: 404. */
    private static PositionType parseType(String positionType) {
        for (PositionType t : PositionType.values()) {
            if (t.name().equals(positionType)) {
                return t;
            }
        }
        throw ApiException.notFound("position type", positionType.length() > 40 ? positionType.substring(0, 40) + "..." : positionType);
    }
}
