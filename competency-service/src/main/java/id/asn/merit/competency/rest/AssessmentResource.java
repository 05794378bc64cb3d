package id.asn.merit.competency.rest;

import id.asn.merit.competency.mapping.AssessmentRequest;
import id.asn.merit.competency.mapping.AssessmentView;
import id.asn.merit.competency.service.Assessments;
import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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

import static id.asn.merit.competency.rest.CompetencyExamples.FORBIDDEN;
import static id.asn.merit.competency.rest.CompetencyExamples.UNAUTHENTICATED;
import static id.asn.merit.competency.rest.GapExamples.*;

/** Assessments: recorded by ASSESSOR, HR_OFFICER and ADMIN; read by them, by a UNIT_HEAD for their subtree, by an EMPLOYEE for themself. */
@Path("/api/v1/assessments")
@Authenticated
@Tag(name = "Assessments", description = "Competency assessments per person (assessment centre, uji kompetensi, ...); a correction supersedes, never overwrites")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
public class AssessmentResource {
    @Inject
    Assessments assessments;
    @Inject
    PersonAccess access;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.ASSESSOR})
    @Operation(operationId = "recordAssessment", summary = "Record an assessment (or a correction of one)",
            description = "Levels 1.0-5.0 with one decimal, assessedOn not in the future, every competency in the dictionary. A correction names "
                    + "the assessment it supersedes; the original stays readable and no longer counts. The person's gap is refreshed and "
                    + "asn.competency.assessment-recorded.v1 (with the JPM against the current position) is published. Idempotency-Key honoured.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentRequest.class),
            examples = {@ExampleObject(name = "assessment", value = ASSESSMENT_REQUEST), @ExampleObject(name = "correction", value = CORRECTION_REQUEST)}))
    @APIResponse(responseCode = "201", description = "Recorded; Location set",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class),
                    examples = @ExampleObject(name = "recorded", value = ASSESSMENT)))
    @APIResponse(responseCode = "400", description = "Invalid input, every wrong field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = ASSESSMENT_INVALID)))
    @APIResponse(responseCode = "409", description = "The superseded assessment was already corrected", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "already corrected", value = ALREADY_CORRECTED)))
    @APIResponse(responseCode = "422", description = "An unknown competency or superseded assessment, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown competency", value = ASSESSMENT_UNKNOWN)))
    public Response record(@NotNull AssessmentRequest request, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey) {
        assessments.validate(request);
        return idempotency.run(idempotencyKey, "/api/v1/assessments", request, () -> {
            AssessmentView created = assessments.record(request);
            return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.ASSESSOR, Roles.UNIT_HEAD, Roles.EMPLOYEE})
    @Operation(operationId = "listAssessments", summary = "A person's (or a unit's) assessments, newest first, paged",
            description = "ADMIN, HR_OFFICER and ASSESSOR may list anyone's (nip optional); a UNIT_HEAD the people of their subtree; an EMPLOYEE "
                    + "only their own (nip defaults to theirs). Superseded assessments are listed too, with supersededBy.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = ASSESSMENT_PAGE)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad date", value = BAD_PARAM)))
    @APIResponse(responseCode = "404", description = "No such person, or one the caller may not see", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = EMPLOYEE_NOT_FOUND)))
    public PageResponse<AssessmentView> list(
            @QueryParam("nip") @Parameter(description = "the person", example = "198503302010012001") String nip,
            @QueryParam("from") @Parameter(description = "assessed on or after", schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(description = "assessed on or before", schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        PageRequest paging = PageRequest.parse(page, size);
        LocalDate fromDate = RequestParams.date("from", from);
        LocalDate toDate = RequestParams.date("to", to);
        String who = nip == null || nip.isBlank() ? null : RequestParams.nip("nip", nip.trim());
        if (who == null && !access.seesEveryone(Roles.ASSESSOR)) {
            if (caller.hasRole(Roles.UNIT_HEAD)) {
                PersonAccess.Scope scope = access.listScope(null, true);
                return assessments.list(null, fromDate, toDate, scope.path(), true, paging);
            }
            if (caller.nip() == null) {
                throw ApiException.forbidden("your token carries no nip claim");
            }
            who = caller.nip();
        }
        if (who != null) {
            access.checkCanRead(who, Roles.ASSESSOR);
        }
        return assessments.list(who, fromDate, toDate, null, false, paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.ASSESSOR, Roles.UNIT_HEAD, Roles.EMPLOYEE})
    @Operation(operationId = "getAssessment", summary = "One assessment with its scores",
            description = "Readable by whoever may read the person's assessments; a superseded one shows supersededBy.")
    @APIResponse(responseCode = "200", description = "The assessment", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentView.class), examples = @ExampleObject(name = "assessment", value = ASSESSMENT)))
    @APIResponse(responseCode = "404", description = "No such assessment, or one the caller may not see", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = EMPLOYEE_NOT_FOUND)))
    public AssessmentView get(@PathParam("id") @Parameter(example = "0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11") String id) {
        AssessmentView a = assessments.get(id);
        try {
            access.checkCanRead(a.nip(), Roles.ASSESSOR);
        } catch (ApiException e) {
            throw ApiException.notFound("assessment", id);
        }
        return a;
    }
}
