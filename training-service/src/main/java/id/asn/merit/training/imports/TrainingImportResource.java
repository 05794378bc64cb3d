package id.asn.merit.training.imports;

import id.asn.merit.platform.imports.ImportJobs;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

@Path(TrainingImportResource.PATH)
@Tag(name = "Training imports", description = "Bulk import of training records from CSV or a JSON array, processed asynchronously")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only ADMIN and HR_OFFICER import", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TrainingImportResource {
    static final String PATH = "/api/v1/training-imports";
    static final String DESCRIPTION = """
            CSV (text/csv): UTF-8, comma-separated, RFC 4180 quotes, a header row naming the columns in any order, the
            fields of POST /training-records: nip, programCode, title, methodCode, organizer, startDate, endDate
            (YYYY-MM-DD), jp or durationMinutes (45 minutes per JP), certificateNumber, competencyCodes (separated by ';'
            or '|'), leadershipLevel (PKP, PKA, PKN_II, PKN_I), cost (rupiah), status (VERIFIED, the default, or PENDING).
            A programCode supplies title, method, organizer, JP, competencies and leadership level where the row leaves
            them empty. JSON (application/json): an array of objects with the same fields (competencyCodes an array).
            Every row is checked like a POST (endDate ≥ startDate, not in the future, jp > 0, a known method and known
            competencies, a known employee); each bad row is reported as {row, field, message} (data rows from 1) and
            good rows are stored. A row whose (nip, organizer, certificateNumber) is already recorded counts as a
            duplicate and changes nothing: importing the same file again creates no record and no event. Every record
            created updates the person's JP of the year and emits asn.training.recorded.v1.""";
    static final String CSV_EXAMPLE = """
            nip,methodCode,title,organizer,startDate,endDate,jp,certificateNumber,competencyCodes
            198503152010011001,KL02,Analisis Kebijakan,BPSDM Papua,2026-03-02,2026-03-04,24,BPSDM/2026/0117,M.1;SK.1
            198601012010011002,NKL01,Seminar Pelayanan Publik,LAN,2026-04-10,2026-04-10,4,LAN/SEM/88,""";
    static final String JSON_EXAMPLE = """
            [{"nip":"198503152010011001","methodCode":"KL02","title":"Analisis Kebijakan","organizer":"BPSDM Papua",
              "startDate":"2026-03-02","endDate":"2026-03-04","jp":24,"certificateNumber":"BPSDM/2026/0117",
              "competencyCodes":["M.1","SK.1"]}]""";
    static final String JOB_EXAMPLE = """
            {"id":"5b7f3c0e-8a4e-4c47-9d0b-2f1f6f6d3a11","status":"RUNNING","format":"CSV","total":20000,"processed":12000,
             "created":11950,"duplicates":40,"failed":10,"errors":[{"row":17,"field":"endDate","message":"must be on or after startDate 2026-03-02"}],
             "errorCount":10,"createdBy":"hr-officer","createdAt":"2026-05-04T08:00:00Z",
             "startedAt":"2026-05-04T08:00:01Z"}""";

    @Inject
    TrainingImportHandler handler;
    @Inject
    ImportJobs engine;

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "startTrainingImport", summary = "Start a bulk import of training records", description = DESCRIPTION)
    @RequestBody(required = true, content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "two records", value = CSV_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TrainingImportRowSchema.class),
                    examples = @ExampleObject(name = "one record", value = JSON_EXAMPLE))})
    @APIResponse(responseCode = "202", description = "Accepted; follow Location (/api/v1/training-imports/{id}) for progress",
            content = @Content(schema = @Schema(implementation = TrainingImportJobView.class), examples = @ExampleObject(name = "queued", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unreadable or empty file (field body)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than quarkus.http.limits.max-body-size (512M)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another file", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(InputStream body, @HeaderParam("Content-Type") String contentType, @Context UriInfo uri,
                          @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe start: the same key and the same file replay the first response (one job)") String idempotencyKey) {
        return engine.accept(handler, PATH, "TrainingImport", contentType, body, idempotencyKey, uri, TrainingImportJobView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "getTrainingImport", summary = "Progress and row errors of a training-record import",
            description = "The job's status (QUEUED, RUNNING, COMPLETED, FAILED), how many rows it has processed of the total, how many records it created, how many rows were duplicates of records already there and how many failed, with the first row errors {row, field, message}. The Location of a POST /training-imports.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = TrainingImportJobView.class),
            examples = @ExampleObject(name = "running", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such import", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TrainingImportJobView get(@PathParam("id") @Parameter(description = "the job's id", example = "5b7f3c0e-8a4e-4c47-9d0b-2f1f6f6d3a11") String id) {
        return TrainingImportJobView.of(engine.view(handler, ImportJobs.parseId(id)));
    }

    @GET
    @Path("/{id}/errors")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "listTrainingImportErrors", summary = "All row errors of a training-record import, by row, paged",
            description = "Every refused row of the job as {row, field, message}, sorted by row, as {items, page, size, total}, so a caller can correct and re-send just those rows.")
    @APIResponse(responseCode = "200", description = "A page of row errors", content = @Content(examples = @ExampleObject(name = "one error",
            value = "{\"items\":[{\"row\":17,\"field\":\"endDate\",\"message\":\"must be on or after startDate 2026-03-02\"}],\"page\":0,\"size\":50,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "Bad page or size", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such import", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<TrainingImportJobView.RowError> errors(@PathParam("id") String id,
                                                               @QueryParam("page") @Parameter(example = "0") String page,
                                                               @QueryParam("size") @Parameter(example = "50") String size) {
        return engine.errors(handler, ImportJobs.parseId(id), PageRequest.parse(page, size)).map(TrainingImportJobView.RowError::of);
    }
}
