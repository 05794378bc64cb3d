package id.asn.merit.merit.index;

import id.asn.merit.merit.index.MeritIndexApi.AssessmentView;
import id.asn.merit.merit.index.MeritIndexApi.CreateRequest;
import id.asn.merit.merit.index.MeritIndexApi.IndicatorBatchRequest;
import id.asn.merit.merit.index.MeritIndexApi.IndicatorRequest;
import id.asn.merit.merit.index.MeritIndexApi.IndicatorView;
import id.asn.merit.merit.index.MeritIndexApi.ScoreRequest;
import id.asn.merit.merit.index.MeritIndexApi.VerificationRequest;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.web.IfMatch;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.platform.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import static id.asn.merit.merit.index.MeritIndexExamples.*;

/**
 * The merit index self-assessment (SYSTEM.md §3, domain reference §8): HR_OFFICER and ADMIN open, read, score and
 * submit an instansi's assessment; only ADMIN verifies (or returns) one and edits the indicator definitions. Nobody
 * else reads it (403). The logic is in {@link MeritIndexAssessments} and {@link MeritIndexIndicators}.
 */
@Path(MeritIndexAssessments.PATH)
@Tag(name = "Merit index", description = "The institution's merit system self-assessment: 8 aspects, indicators scored 1..4, total 100..400, category I..IV")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "Only HR_OFFICER and ADMIN (verification and indicator definitions: ADMIN only)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
public class MeritIndexResource {
    private static final String ID_EXAMPLE = "5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87";

    @Inject
    MeritIndexAssessments assessments;
    @Inject
    MeritIndexIndicators indicators;
    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "createMeritIndexAssessment", summary = "Open the merit index self-assessment of an instansi for a year (DRAFT)",
            description = "orgUnitCode is meant to be the instansi's root unit (parentCode null); any unit known to merit-service is accepted and "
                    + "its subtree is what the suite measures. The draft holds the 8 aspects with the active indicator definitions (names and "
                    + "weights kept from now on); the indicators the suite measures itself (JP_20_LAST_YEAR, POSITIONS_WITH_OWN_STANDARD, "
                    + "ASSESSED_LAST_3_YEARS, MANAGERIAL_WITH_LEADERSHIP_TRAINING) are pre-filled with a score by their share thresholds and "
                    + "the evidence in words; the others wait for a score. One assessment per unit and year (409 names the existing one). "
                    + "Idempotency-Key honoured.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateRequest.class),
            examples = @ExampleObject(name = "instansi 2026", value = CREATE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Opened; Location set, ETag the version",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class),
                    examples = @ExampleObject(name = "draft", value = DRAFT)))
    @APIResponse(responseCode = "400", description = "year or orgUnitCode missing or out of range, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "year", value = INVALID_CREATE)))
    @APIResponse(responseCode = "409", description = "The unit already has an assessment for that year (the detail names it)", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "exists", value = DUPLICATE)))
    @APIResponse(responseCode = "422", description = "Unknown unit, or Idempotency-Key reused with another body", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown unit", value = UNKNOWN_UNIT)))
    public Response create(CreateRequest request, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey) {
        if (request == null) {
            throw ApiException.badRequest("body", "is required");
        }
        assessments.validate(request);
        return idempotency.run(idempotencyKey, MeritIndexAssessments.PATH, request, () -> {
            AssessmentView created = assessments.create(request);
            return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                    .tag(etag(created.version())).entity(created).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "listMeritIndexAssessments", summary = "List merit index assessments, paged",
            description = "Newest year first, then unit code; filter by year, by the assessment's unit code and by status. Answers {items, page, size, total}.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = PAGE)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad year", value = BAD_PARAM)))
    public PageResponse<AssessmentView> list(
            @QueryParam("year") @Parameter(description = "assessment year", schema = @Schema(type = SchemaType.INTEGER, example = "2026")) String year,
            @QueryParam("orgUnitCode") @Parameter(description = "the assessment's unit code", example = "KAB-SORONG") String orgUnitCode,
            @QueryParam("status") @Parameter(description = "status", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"DRAFT", "SUBMITTED", "VERIFIED"})) String status,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        PageRequest paging = PageRequest.parse(page, size);
        return assessments.list(QueryParams.integer("year", year), orgUnitCode, status, paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "getMeritIndexAssessment", summary = "One merit index assessment with its aspects and indicators",
            description = "The ETag carries its version (send it as If-Match on changes). total is shown while incomplete (complete false); "
                    + "category and categoryLabel only once every indicator has a score.")
    @APIResponse(responseCode = "200", description = "The assessment; ETag the version", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class),
                    examples = {@ExampleObject(name = "draft", value = DRAFT), @ExampleObject(name = "verified", value = VERIFIED)}))
    @APIResponse(responseCode = "404", description = "No such assessment", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public Response get(@PathParam("id") @Parameter(example = ID_EXAMPLE) String id) {
        AssessmentView view = assessments.get(id);
        return Response.ok(view).tag(etag(view.version())).build();
    }

    @PUT
    @Path("/{id}/indicators/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "scoreMeritIndexIndicator", summary = "Score one indicator of a DRAFT assessment (1..4) with its evidence",
            description = "Overrides a pre-filled score too (prefilled becomes false; the measurement stays under measured). Absent evidence keeps "
                    + "the evidence recorded. SUBMITTED and VERIFIED assessments are read-only (409). If-Match (the assessment's ETag) honoured; "
                    + "the answer's ETag is the new version.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreRequest.class),
            examples = @ExampleObject(name = "score", value = SCORE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The assessment with the new score, subtotal and total", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentView.class), examples = @ExampleObject(name = "draft", value = DRAFT)))
    @APIResponse(responseCode = "400", description = "score missing, not a whole number or not 1..4; evidence too long", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "score", value = INVALID)))
    @APIResponse(responseCode = "404", description = "No such assessment, or no such indicator in it", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The assessment is SUBMITTED or VERIFIED: read-only", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "read-only", value = READ_ONLY)))
    @APIResponse(responseCode = "412", description = "If-Match names another version", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    public Response score(@PathParam("id") @Parameter(example = ID_EXAMPLE) String id, @PathParam("code") @Parameter(example = "1.1") String code,
            ScoreRequest request, @HeaderParam(IfMatch.HEADER) @Parameter(description = "the assessment's ETag") String ifMatch) {
        AssessmentView view = assessments.score(id, code, request, IfMatch.parse(ifMatch));
        return Response.ok(view).tag(etag(view.version())).build();
    }

    @POST
    @Path("/{id}/prefill")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "prefillMeritIndexAssessment", summary = "Measure the measured indicators of a DRAFT again",
            description = "Re-measures every indicator that has a measure from the read model as it is now (as of today, or the year's end once "
                    + "it is over) and sets its score and evidence from the measurement (prefilled true, also over an entered score). "
                    + "DRAFT only (409). If-Match honoured.")
    @APIResponse(responseCode = "200", description = "The assessment with fresh measurements", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentView.class), examples = @ExampleObject(name = "draft", value = DRAFT)))
    @APIResponse(responseCode = "404", description = "No such assessment", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not a DRAFT: read-only", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "read-only", value = READ_ONLY)))
    @APIResponse(responseCode = "412", description = "If-Match names another version", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    public Response prefill(@PathParam("id") @Parameter(example = ID_EXAMPLE) String id,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the assessment's ETag") String ifMatch) {
        AssessmentView view = assessments.prefill(id, IfMatch.parse(ifMatch));
        return Response.ok(view).tag(etag(view.version())).build();
    }

    @POST
    @Path("/{id}/submission")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "submitMeritIndexAssessment", summary = "Submit a complete DRAFT for verification (DRAFT → SUBMITTED)",
            description = "Every indicator must have a score: otherwise 422 with one field error per indicator without a score. From now on "
                    + "the assessment is read-only until an ADMIN verifies or returns it. If-Match honoured.")
    @APIResponse(responseCode = "200", description = "The assessment, SUBMITTED, with its total and category", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentView.class), examples = @ExampleObject(name = "verified", value = VERIFIED)))
    @APIResponse(responseCode = "404", description = "No such assessment", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not a DRAFT", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "read-only", value = READ_ONLY)))
    @APIResponse(responseCode = "412", description = "If-Match names another version", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "422", description = "Indicators without a score, each named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing scores", value = MISSING_SCORES)))
    public Response submit(@PathParam("id") @Parameter(example = ID_EXAMPLE) String id,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the assessment's ETag") String ifMatch) {
        AssessmentView view = assessments.submit(id, IfMatch.parse(ifMatch));
        return Response.ok(view).tag(etag(view.version())).build();
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "verifyMeritIndexAssessment", summary = "Verify a SUBMITTED assessment, or return it to DRAFT (ADMIN)",
            description = "decision VERIFIED: the assessment is read-only for good; RETURNED: back to DRAFT with the note, to be corrected and "
                    + "submitted again. Only a SUBMITTED assessment (409 otherwise). If-Match honoured.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationRequest.class),
            examples = {@ExampleObject(name = "verify", value = VERIFY_REQUEST), @ExampleObject(name = "return", value = RETURN_REQUEST)}))
    @APIResponse(responseCode = "200", description = "The assessment, VERIFIED or back in DRAFT", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentView.class), examples = @ExampleObject(name = "verified", value = VERIFIED)))
    @APIResponse(responseCode = "400", description = "decision missing or not VERIFIED/RETURNED; note too long", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID)))
    @APIResponse(responseCode = "404", description = "No such assessment", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not SUBMITTED (a DRAFT, or VERIFIED already)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not submitted", value = NOT_SUBMITTED)))
    @APIResponse(responseCode = "412", description = "If-Match names another version", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    public Response verify(@PathParam("id") @Parameter(example = ID_EXAMPLE) String id, VerificationRequest request,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the assessment's ETag") String ifMatch) {
        AssessmentView view = assessments.verify(id, request, IfMatch.parse(ifMatch));
        return Response.ok(view).tag(etag(view.version())).build();
    }

    // ---- indicator definitions ----

    @GET
    @Path("/indicators")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "listMeritIndexIndicators", summary = "The indicator definitions of the merit index (active and inactive)",
            description = "By sort order: aspect, code, name, weight (the active weights sum to 100), measure and share thresholds of the "
                    + "indicators the suite measures, version (the ETag for a change). The official sub-indicator list is unconfirmed "
                    + "(domain reference §8.2), so the seeded list is data an ADMIN adjusts.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = INDICATOR_PAGE)))
    @APIResponse(responseCode = "400", description = "Bad paging, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad parameter", value = BAD_PARAM)))
    public PageResponse<IndicatorView> listIndicators(
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        return indicators.list(PageRequest.parse(page, size));
    }

    @PUT
    @Path("/indicators/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateMeritIndexIndicator", summary = "Change one indicator definition (ADMIN)",
            description = "Fields present are changed (name, description, weight, active, measure, scoreThresholds, sortOrder); absent ones stay. "
                    + "A change after which the active weights do not sum to 100 is refused (422): move several weights at once with "
                    + "updateMeritIndexIndicators. Assessments opened later use the new definition; existing ones keep theirs. If-Match honoured.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorRequest.class),
            examples = @ExampleObject(name = "rename and thresholds", value = INDICATOR_REQUEST)))
    @APIResponse(responseCode = "200", description = "The definition as now stored; ETag its version", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IndicatorView.class), examples = @ExampleObject(name = "indicator", value = INDICATOR)))
    @APIResponse(responseCode = "400", description = "Invalid field, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "thresholds", value = INVALID_INDICATOR)))
    @APIResponse(responseCode = "404", description = "No such indicator", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = INDICATOR_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match names another version", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "422", description = "The active weights would not sum to 100", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "weights", value = WEIGHTS)))
    public Response updateIndicator(@PathParam("code") @Parameter(example = "3.3") String code, IndicatorRequest request,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the indicator's ETag") String ifMatch) {
        IndicatorView view = indicators.update(code, request, IfMatch.parse(ifMatch));
        return Response.ok(view).tag(etag(view.version())).build();
    }

    @PUT
    @Path("/indicators")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateMeritIndexIndicators", summary = "Change several indicator definitions at once, e.g. re-weighting (ADMIN)",
            description = "Each item names an indicator by code (a new code with aspectCode, name and weight adds one); fields present change, "
                    + "absent ones stay; an item's version, when sent, must be the current one (412). Only the result is checked: the active "
                    + "weights must sum to 100 (422). Answers the whole list.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorBatchRequest.class),
            examples = @ExampleObject(name = "move 2 points", value = BATCH_REQUEST)))
    @APIResponse(responseCode = "200", description = "Every definition as now stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = INDICATOR_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid item field, named with its index", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "thresholds", value = INVALID_INDICATOR)))
    @APIResponse(responseCode = "412", description = "An item's version is stale", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "422", description = "The active weights would not sum to 100", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "weights", value = WEIGHTS)))
    public PageResponse<IndicatorView> updateIndicators(IndicatorBatchRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body", "is required");
        }
        return indicators.updateAll(request.items());
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
