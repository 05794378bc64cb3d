package id.asn.merit.competency.rest;

import id.asn.merit.competency.domain.CompetencyGroup;
import id.asn.merit.competency.domain.RetirementFilter;
import id.asn.merit.competency.mapping.CompetencyRequest;
import id.asn.merit.competency.mapping.CompetencyView;
import id.asn.merit.competency.service.CompetencyDictionary;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.Idempotency;
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

import java.util.Arrays;
import java.util.stream.Collectors;

import static id.asn.merit.competency.rest.CompetencyExamples.*;

/**
 * The competency dictionary: read by every role; TEKNIS and PEMERINTAHAN entries written by ADMIN and HR_OFFICER,
 * retired by ADMIN only (SYSTEM.md §7: ADMIN owns the dictionary). There is deliberately no DELETE: standards and
 * assessments name competencies, so one no longer used is retired.
 */
@Path("/api/v1/competencies")
@Authenticated
@Tag(name = "Competency dictionary", description = "PermenPANRB 38/2017: manajerial M.1-M.8 and sosial kultural SK.1 (seeded, read-only); "
        + "teknis and pemerintahan competencies added by the instansi")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
public class CompetencyResource {
    @Inject
    CompetencyDictionary dictionary;
    @Inject
    Idempotency idempotency;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listCompetencies", summary = "Search the competency dictionary, paged and sorted by code",
            description = "Filters by group and by text in code, name or definition; every role may read the dictionary. Answers {items, page, size, total}. "
                    + "Retired competencies are left out unless retired=true (only those) or retired=all (both).")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "sosial kultural", value = PAGE)))
    @APIResponse(responseCode = "400", description = "Bad paging, group or retired, field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = {@ExampleObject(name = "size", value = BAD_SIZE),
                    @ExampleObject(name = "retired", value = BAD_RETIRED)}))
    public PageResponse<CompetencyView> list(
            @QueryParam("group") @Parameter(description = "MANAJERIAL, SOSIAL_KULTURAL, TEKNIS or PEMERINTAHAN",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"MANAJERIAL", "SOSIAL_KULTURAL", "TEKNIS", "PEMERINTAHAN"})) String group,
            @QueryParam("retired") @Parameter(description = "false (the default): in use only; true: retired only; all: both",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"false", "true", "all"}, defaultValue = "false")) String retired,
            @QueryParam("q") @Parameter(description = "text in code, name or definition (case-insensitive)", example = "kerja") String q,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        PageRequest paging = PageRequest.parse(page, size);
        return dictionary.search(parseGroup(group), parseRetired(retired), q, paging);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getCompetency", summary = "One competency with its five levels",
            description = "The competency with its five proficiency levels and their behaviour indicators; the ETag header carries its version for a later If-Match.")
    @APIResponse(responseCode = "200", description = "The competency; the ETag header carries its version",
            headers = @Header(name = "ETag", description = "the version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompetencyView.class),
                    examples = @ExampleObject(name = "M.2", value = COMPETENCY)))
    @APIResponse(responseCode = "404", description = "No such competency", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public Response get(@PathParam("code") @Parameter(example = "M.2") String code) {
        CompetencyView c = dictionary.get(code);
        return Response.ok(c).tag(etag(c)).build();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "createCompetency", summary = "Add a TEKNIS or PEMERINTAHAN competency",
            description = "MANAJERIAL and SOSIAL_KULTURAL competencies are the regulation's (seeded); creating one is a 422 naming group.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompetencyRequest.class),
            examples = @ExampleObject(name = "teknis", value = TEKNIS_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompetencyView.class),
                    examples = @ExampleObject(name = "teknis", value = TEKNIS)))
    @APIResponse(responseCode = "400", description = "Invalid input, field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = {@ExampleObject(name = "levels", value = LEVELS),
                    @ExampleObject(name = "group", value = BAD_GROUP)}))
    @APIResponse(responseCode = "409", description = "The code exists already", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "duplicate", value = CONFLICT)))
    @APIResponse(responseCode = "422", description = "MANAJERIAL and SOSIAL_KULTURAL are the regulation's", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "regulation group", value = REGULATION_GROUP)))
    public Response create(@NotNull @Valid CompetencyRequest request, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey) {
        return idempotency.run(idempotencyKey, "/api/v1/competencies", request, () -> {
            CompetencyView created = dictionary.create(request);
            return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).tag(etag(created)).entity(created).build();
        });
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "replaceCompetency", summary = "Replace a TEKNIS or PEMERINTAHAN competency",
            description = "Send If-Match with the ETag read; a stale one is a 412. Regulation competencies cannot be changed (422).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompetencyRequest.class),
            examples = @ExampleObject(name = "teknis", value = TEKNIS_REQUEST)))
    @APIResponse(responseCode = "200", description = "Replaced; the ETag carries the new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompetencyView.class),
                    examples = @ExampleObject(name = "teknis", value = TEKNIS)))
    @APIResponse(responseCode = "400", description = "Invalid input, field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "levels", value = LEVELS)))
    @APIResponse(responseCode = "404", description = "No such competency", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Changed concurrently by someone else, or retired", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = {@ExampleObject(name = "concurrent change", value = CONFLICT),
                    @ExampleObject(name = "retired", value = RETIRED_CONFLICT)}))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "422", description = "A regulation competency cannot be changed", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "regulation group", value = REGULATION_GROUP)))
    public Response replace(@PathParam("code") @Parameter(example = "T.1") String code,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the ETag read, e.g. \"3\"", example = "\"0\"") String ifMatch,
            @NotNull @Valid CompetencyRequest request) {
        CompetencyView updated = dictionary.replace(code, IfMatch.parse(ifMatch), request);
        return Response.ok(updated).tag(etag(updated)).build();
    }

    @POST
    @Path("/{code}/retirement")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retireCompetency", summary = "Retire a TEKNIS or PEMERINTAHAN competency",
            description = "A competency is never deleted: standards and assessments name it. Retiring takes it out of the default list; "
                    + "it stays readable by code and can no longer be changed. Retiring one already retired answers its unchanged state "
                    + "(200, same retiredAt, no new audit entry). The regulation's competencies cannot be retired (422). ADMIN only.")
    @APIResponse(responseCode = "200", description = "Retired (now or before); the ETag carries the version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompetencyView.class),
                    examples = @ExampleObject(name = "retired", value = RETIRED)))
    @APIResponse(responseCode = "404", description = "No such competency", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "422", description = "A regulation competency cannot be retired", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "regulation group", value = REGULATION_RETIRE)))
    public Response retire(@PathParam("code") @Parameter(example = "T.1") String code) {
        CompetencyView retired = dictionary.retire(code);
        return Response.ok(retired).tag(etag(retired)).build();
    }

    private static EntityTag etag(CompetencyView c) {
        return new EntityTag(Long.toString(c.version()));
    }

    private static RetirementFilter parseRetired(String retired) {
        RetirementFilter filter = RetirementFilter.ofParameter(retired);
        if (filter == null) {
            throw ApiException.badRequest("retired", "value '" + retired + "' is not one of false, true, all");
        }
        return filter;
    }

    private static CompetencyGroup parseGroup(String group) {
        if (group == null || group.isBlank()) {
            return null;
        }
        try {
            return CompetencyGroup.valueOf(group.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("group", "value '" + group + "' is not one of "
                    + Arrays.stream(CompetencyGroup.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
