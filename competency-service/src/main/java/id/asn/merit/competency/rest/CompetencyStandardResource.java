package id.asn.merit.competency.rest;

import id.asn.merit.competency.mapping.StandardRequest;
import id.asn.merit.competency.mapping.StandardView;
import id.asn.merit.competency.service.CompetencyStandards;
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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static id.asn.merit.competency.rest.StandardExamples.*;

/**
 * Position competency standards (SKJ): published by ADMIN and HR_OFFICER, read by every role (a standard is about a
 * position, not a person). A path segment "templates" is the templates resource, not a position.
 */
@Path("/api/v1/competency-standards")
@Authenticated
@Tag(name = "Competency standards", description = "Standar Kompetensi Jabatan (PermenPANRB 38/2017): per position, versioned and "
        + "effective-dated; a position without one gets its type's default template")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
public class CompetencyStandardResource {
    static final String POSITION_EXAMPLE = "PMPTSP-KABID-PERIZINAN";

    @Inject
    CompetencyStandards standards;

    @PUT
    @Path("/{positionCode}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "putCompetencyStandard", summary = "Publish a new version of a position's competency standard",
            description = "Publishes version latest + 1 (the first is 1) of the position's SKJ, effective from effectiveFrom (past, present or future); "
                    + "earlier versions stay readable in the history. The position must be known from employee-service's organisation events, every "
                    + "competency must exist in the dictionary and not be retired, and each may appear once. If-Match, when sent, must be the latest "
                    + "own version (\"0\" before the first); a stale one is a 412. Publishing emits asn.competency.standard-published.v1 and recomputes "
                    + "the gaps of the position's holders in the same transaction.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StandardRequest.class),
            examples = @ExampleObject(name = "kepala bidang perizinan", value = STANDARD_REQUEST)))
    @APIResponse(responseCode = "200", description = "A further version published; the ETag carries it",
            headers = @Header(name = "ETag", description = "the version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StandardView.class),
                    examples = @ExampleObject(name = "version 2", value = STANDARD)))
    @APIResponse(responseCode = "201", description = "The position's first version published; Location and ETag set",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StandardView.class),
                    examples = @ExampleObject(name = "version 1", value = STANDARD_FIRST)))
    @APIResponse(responseCode = "400", description = "Bad shape (missing field, level outside 1..5, unknown importance, a competency twice, no items), field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "level", value = BAD_LEVEL), @ExampleObject(name = "duplicate", value = DUPLICATE_ITEM),
                    @ExampleObject(name = "no items", value = NO_ITEMS)}))
    @APIResponse(responseCode = "409", description = "Another version was published at the same moment", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "concurrent", value = CompetencyExamples.CONFLICT)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STANDARD_STALE)))
    @APIResponse(responseCode = "422", description = "Unknown position, or a competency unknown or retired; every such item named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "unknown competency", value = UNKNOWN_COMPETENCY),
                    @ExampleObject(name = "retired competency", value = RETIRED_COMPETENCY),
                    @ExampleObject(name = "unknown position", value = UNKNOWN_POSITION)}))
    public Response publish(
            @PathParam("positionCode") @Size(max = 50, message = "must be at most 50 characters") @Parameter(example = POSITION_EXAMPLE) String positionCode,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the latest own version read, e.g. \"1\"; \"0\" before the first", example = "\"1\"") String ifMatch,
            @NotNull @Valid StandardRequest request, @Context UriInfo uri) {
        CompetencyStandards.Published published = standards.publish(positionCode, IfMatch.parse(ifMatch), request);
        Response.ResponseBuilder response = published.first()
                ? Response.created(uri.getAbsolutePathBuilder().build()) : Response.ok();
        return response.entity(published.standard()).tag(etag(published.standard().version())).build();
    }

    @GET
    @Path("/{positionCode}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getCompetencyStandard", summary = "The standard a position has today or on a date",
            description = "The own version in force on `on` (default today, Asia/Jakarta): the latest effectiveFrom not after it, ties to the higher "
                    + "version. A position with no own version in force gets its type's default template (source TEMPLATE, version = the template's, "
                    + "effectiveFrom null), never nothing. 404 for a position with no own standard that the organisation data does not know.")
    @APIResponse(responseCode = "200", description = "The standard in force; the ETag carries its version",
            headers = @Header(name = "ETag", description = "the version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StandardView.class),
                    examples = {@ExampleObject(name = "own", value = STANDARD), @ExampleObject(name = "template", value = STANDARD_FROM_TEMPLATE)}))
    @APIResponse(responseCode = "400", description = "Bad date, parameter named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "on", value = BAD_ON)))
    @APIResponse(responseCode = "404", description = "Neither an own standard nor a known position", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown position", value = POSITION_NOT_FOUND)))
    public Response get(
            @PathParam("positionCode") @Size(max = 50, message = "must be at most 50 characters") @Parameter(example = POSITION_EXAMPLE) String positionCode,
            @QueryParam("on") @Parameter(description = "the date asked (yyyy-MM-dd); default today in Asia/Jakarta",
                    schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2025-06-01") String on) {
        StandardView s = standards.inForce(positionCode, parseDate("on", on));
        return Response.ok(s).tag(etag(s.version())).build();
    }

    @GET
    @Path("/{positionCode}/history")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listCompetencyStandardHistory", summary = "Every own version of a position's standard, newest first",
            description = "All published versions with their items, including ones effective in the future, paged {items, page, size, total}. "
                    + "The ETag carries the latest version, the one a following PUT's If-Match names. Empty for a known position with none.")
    @APIResponse(responseCode = "200", description = "A page of versions, newest first",
            headers = @Header(name = "ETag", description = "the latest own version (\"0\" when none), quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "two versions", value = STANDARD_HISTORY)))
    @APIResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "size", value = BAD_SIZE)))
    @APIResponse(responseCode = "404", description = "Neither an own standard nor a known position", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown position", value = POSITION_NOT_FOUND)))
    public Response history(
            @PathParam("positionCode") @Size(max = 50, message = "must be at most 50 characters") @Parameter(example = POSITION_EXAMPLE) String positionCode,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        PageResponse<StandardView> versions = standards.history(positionCode, PageRequest.parse(page, size));
        return Response.ok(versions).tag(etag(standards.latestVersion(positionCode))).build();
    }

    static EntityTag etag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** A yyyy-MM-dd query parameter; absent is today (Asia/Jakarta), anything else a 400 naming it. */
    static LocalDate parseDate(String name, String value) {
        if (value == null || value.isBlank()) {
            return CompetencyStandards.today();
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "value '" + (value.length() > 40 ? value.substring(0, 40) + "..." : value)
                    + "' is not a date (yyyy-MM-dd)");
        }
    }
}
