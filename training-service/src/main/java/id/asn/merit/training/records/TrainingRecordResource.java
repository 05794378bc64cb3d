package id.asn.merit.training.records;

import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.IfMatch;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.platform.web.QueryParams;
import id.asn.merit.training.domain.JpRecognition;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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

/**
 * Training records (SYSTEM.md §3): entered by ADMIN and HR_OFFICER for anyone (PENDING or VERIFIED) and by an
 * EMPLOYEE for themself (always PENDING), verified or rejected by ADMIN and HR_OFFICER, corrected while PENDING, read
 * as SYSTEM.md §7 allows (an INTEGRATOR without personal fields; ASSESSOR not at all).
 */
@Path(TrainingRecords.PATH)
@Authenticated
@Tag(name = "Training records", description = "The JP log: training a person completed, with its verification; only VERIFIED JP count")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingRecordResource {
    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    TrainingRecords records;
    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.EMPLOYEE})
    @Operation(operationId = "createTrainingRecord", summary = "Enter a training record",
            description = "From a programme (programCode fills title, method, organizer, JP, competencies and leadership level where left out) or "
                    + "free-standing; jp as on the certificate, or durationMinutes converted at 45 minutes per JP (2 decimals, half up). "
                    + "endDate >= startDate, neither in the future (Asia/Jakarta), jp > 0, a known method and known competencies; a leadership "
                    + "level only on KL01. ADMIN and HR_OFFICER enter for anyone (an NIP the employee replica does not know yet is accepted) "
                    + "and may enter it VERIFIED; an EMPLOYEE only for their own nip and always PENDING. A duplicate (nip, organizer ignoring "
                    + "case, certificateNumber) is a 409 naming the existing record. Idempotency-Key honoured. Publishes asn.training.recorded.v1 "
                    + "with the person's recognised JP of the year.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TrainingRecordRequest.class), examples = {
            @ExampleObject(name = "free-standing", value = CREATE_REQUEST),
            @ExampleObject(name = "from a programme, in minutes", value = CREATE_FROM_PROGRAMME)}))
    @APIResponse(responseCode = "201", description = "Entered; Location names it",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingRecordView.class),
                    examples = @ExampleObject(name = "entered", value = RECORD)))
    @APIResponse(responseCode = "400", description = "Invalid input, every wrong field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID)))
    @APIResponse(responseCode = "403", description = "Not a role that enters records; an EMPLOYEE for another nip or asking VERIFIED (the field named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "employee verifying", value = FORBIDDEN_STATUS)))
    @APIResponse(responseCode = "409", description = "The person has a record with this organizer and certificate number already: it is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate", value = DUPLICATE)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response create(TrainingRecordRequest request, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String key) {
        TrainingRecords.Checked checked = records.check(request);
        return idempotency.run(key, TrainingRecords.PATH, request, () -> {
            TrainingRecordView created = records.create(checked);
            return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created)
                    .tag(etag(created.version())).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listTrainingRecords", summary = "Training records by person, year and status, newest end date first",
            description = "ADMIN and HR_OFFICER list anyone's; a UNIT_HEAD the people of their unit subtree; an EMPLOYEE their own (nip defaults "
                    + "to theirs, another nip is 404); an INTEGRATOR anyone's without personal fields (TrainingRecordSummary). Sorted by endDate "
                    + "descending, then id; paged {items, page, size, total}.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = PAGE)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad year", value = BAD_YEAR)))
    @APIResponse(responseCode = "404", description = "A person the caller may not see", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = PERSON_NOT_FOUND)))
    public PageResponse<Object> list(
            @QueryParam("nip") @Parameter(description = "the person (18 digits)", example = "199001012015031001") String nip,
            @QueryParam("year") @Parameter(description = "the JP year (of endDate)", schema = @Schema(type = SchemaType.INTEGER, example = "2025")) String year,
            @QueryParam("status") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING", "VERIFIED", "REJECTED"})) String status,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        PageRequest paging = PageRequest.parse(page, size);
        String who = nip == null || nip.isBlank() ? null : nip.strip();
        if (who != null && !who.matches("\\d{18}")) {
            throw ApiException.badRequest("nip", "must be 18 digits");
        }
        Integer y = QueryParams.integer("year", year);
        if (y != null && (y < 1900 || y > 9999)) {
            throw ApiException.badRequest("year", "must be a year between 1900 and 9999");
        }
        return records.list(who, y, QueryParams.enumValue(JpRecognition.Status.class, "status", status), paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getTrainingRecord", summary = "One training record; the ETag carries its version",
            description = "Readable by whoever may read the person's records (an INTEGRATOR gets TrainingRecordSummary, without personal fields); "
                    + "a record the caller may not see is answered exactly like an unknown id.")
    @APIResponse(responseCode = "200", description = "The record", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {TrainingRecordView.class, TrainingRecordSummaryView.class}), examples = @ExampleObject(name = "record", value = RECORD)))
    @APIResponse(responseCode = "404", description = "No such record, or one the caller may not see", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public Response get(@PathParam("id") @Parameter(example = "5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11") String id) {
        Object view = records.get(id);
        return Response.ok(view).tag(etag(records.version(view))).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.EMPLOYEE})
    @Operation(operationId = "correctTrainingRecord", summary = "Correct a PENDING training record (JSON merge patch)",
            description = "ADMIN and HR_OFFICER correct anyone's, an EMPLOYEE their own; only while PENDING (409 once decided). Fields left out "
                    + "stay, null clears; nip and status cannot be patched. The merged record passes the same rules as a new one, and a changed "
                    + "organizer or certificate number the duplicate check. Send If-Match with the ETag read (412 when stale).")
    @RequestBody(required = true, content = {
            @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = TrainingRecordPatch.class),
                    examples = @ExampleObject(name = "correct JP and end date", value = PATCH_REQUEST)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingRecordPatch.class),
                    examples = @ExampleObject(name = "correct JP and end date", value = PATCH_REQUEST))})
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TrainingRecordView.class), examples = @ExampleObject(name = "corrected", value = RECORD)))
    @APIResponse(responseCode = "400", description = "Invalid input, the field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID)))
    @APIResponse(responseCode = "404", description = "No such record, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Already decided, or the new certificate key is another record's", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "decided", value = DECIDED)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    public Response patch(@PathParam("id") @Parameter(example = "5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11") String id,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the ETag read, e.g. \"0\"") String ifMatch, String body) {
        TrainingRecordView updated = records.patch(id, IfMatch.parse(ifMatch), body);
        return Response.ok(updated).tag(etag(updated.version())).build();
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "verifyTrainingRecord", summary = "Verify or reject a PENDING training record",
            description = "ADMIN and HR_OFFICER only (an EMPLOYEE never verifies, not even their own). decision VERIFIED makes its JP count; "
                    + "REJECTED needs a reason. A record already decided is a 409. Publishes asn.training.verified.v1 or rejected.v1 with the "
                    + "person's recognised JP of the year after the change (and jp-threshold-reached.v1 the first time it reaches the requirement). "
                    + "If-Match honoured when sent.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VerificationRequest.class), examples = {
            @ExampleObject(name = "verify", value = "{\"decision\":\"VERIFIED\"}"),
            @ExampleObject(name = "reject", value = "{\"decision\":\"REJECTED\",\"reason\":\"certificate not legible\"}")}))
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TrainingRecordView.class), examples = @ExampleObject(name = "verified", value = RECORD)))
    @APIResponse(responseCode = "400", description = "No or an unknown decision, or REJECTED without a reason", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "no reason", value = NO_REASON)))
    @APIResponse(responseCode = "404", description = "No such record", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Already decided", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "decided", value = DECIDED)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    public Response verify(@PathParam("id") @Parameter(example = "5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11") String id,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the ETag read, e.g. \"0\"") String ifMatch, VerificationRequest request) {
        TrainingRecordView decided = records.decide(id, IfMatch.parse(ifMatch), request);
        return Response.ok(decided).tag(etag(decided.version())).build();
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    static final String CREATE_REQUEST = """
            {"nip":"199001012015031001","title":"Pelatihan Analisis Kebijakan","methodCode":"KL02","organizer":"BPSDM Provinsi Jawa Barat",
             "startDate":"2025-03-03","endDate":"2025-03-07","jp":40,"certificateNumber":"BPSDM/2025/0123","competencyCodes":["M.4"],
             "cost":3500000}""";
    static final String CREATE_FROM_PROGRAMME = """
            {"nip":"199001012015031001","programCode":"PKA-2025-01","startDate":"2025-03-03","endDate":"2025-03-03",
             "durationMinutes":90,"certificateNumber":"PKA/2025/0007","status":"VERIFIED"}""";
    static final String RECORD = """
            {"id":"5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11","nip":"199001012015031001","name":"Rina Wulandari",
             "title":"Pelatihan Analisis Kebijakan","methodCode":"KL02","organizer":"BPSDM Provinsi Jawa Barat","startDate":"2025-03-03",
             "endDate":"2025-03-07","year":2025,"jp":40,"certificateNumber":"BPSDM/2025/0123","competencyCodes":["M.4"],"cost":3500000,"status":"PENDING",
             "submittedBy":"rina","source":"API","version":0,"createdAt":"2025-03-10T09:00:00+07:00"}""";
    static final String PAGE = "{\"items\":[" + RECORD + "],\"page\":0,\"size\":50,\"total\":1}";
    static final String PATCH_REQUEST = "{\"endDate\":\"2025-03-08\",\"jp\":42}";
    static final String INVALID = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
             "detail":"endDate: must be on or after startDate 2025-03-03; competencyCodes[1]: no competency X.9 in the dictionary",
             "instance":"/api/v1/training-records","errors":[{"field":"endDate","message":"must be on or after startDate 2025-03-03"},
             {"field":"competencyCodes[1]","message":"no competency X.9 in the dictionary"}]}""";
    static final String FORBIDDEN_STATUS = """
            {"type":"urn:asn:problem:forbidden","title":"Forbidden","status":403,
             "detail":"status: an EMPLOYEE's record is PENDING until an HR officer verifies it","instance":"/api/v1/training-records",
             "errors":[{"field":"status","message":"an EMPLOYEE's record is PENDING until an HR officer verifies it"}]}""";
    static final String DUPLICATE = """
            {"type":"urn:asn:problem:duplicate-training-record","title":"Duplicate training record","status":409,
             "detail":"this NIP already has training record 5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11 (/api/v1/training-records/5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11) with the same organizer and certificate number",
             "instance":"/api/v1/training-records","errors":[{"field":"certificateNumber",
             "message":"already recorded for this NIP and organizer as training record 5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11 at /api/v1/training-records/5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11"}]}""";
    static final String BAD_YEAR = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"year: value 'last' is not a whole number",
             "instance":"/api/v1/training-records","errors":[{"field":"year","message":"value 'last' is not a whole number"}]}""";
    static final String PERSON_NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"employee 199001012015031001 does not exist",
             "instance":"/api/v1/training-records"}""";
    static final String NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,
             "detail":"training record 5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11 does not exist","instance":"/api/v1/training-records/5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11"}""";
    static final String DECIDED = """
            {"type":"urn:asn:problem:conflict","title":"Conflict","status":409,
             "detail":"training record 5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11 was already decided: VERIFIED by hr.officer at 2025-03-11T10:00:00+07:00",
             "instance":"/api/v1/training-records/5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11/verification"}""";
    static final String STALE = """
            {"type":"urn:asn:problem:stale-version","title":"Precondition failed","status":412,
             "detail":"training record 5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11 is at version 1, not 0; read it again",
             "instance":"/api/v1/training-records/5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11"}""";
    static final String NO_REASON = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"reason: is required when the decision is REJECTED",
             "instance":"/api/v1/training-records/5f0c2d9e-8a41-4c55-9a57-0c9a3e2b7d11/verification",
             "errors":[{"field":"reason","message":"is required when the decision is REJECTED"}]}""";
}
