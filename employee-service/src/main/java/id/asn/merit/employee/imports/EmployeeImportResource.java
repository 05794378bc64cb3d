package id.asn.merit.employee.imports;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

@Path("/api/v1/employee-imports")
@Tag(name = "Employee imports", description = "Bulk import of employees from CSV or a JSON array, processed asynchronously")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only ADMIN and HR_OFFICER import", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class EmployeeImportResource {
    static final String CSV_DESCRIPTION = """
            CSV (text/csv): UTF-8, comma-separated, RFC 4180 quotes, a header row naming the columns in any order:
            nip, name, gender (M/F), birthDate (YYYY-MM-DD), employmentType (PNS/CPNS/PPPK), rank (III/a or PPPK IX),
            positionCode, orgUnitCode, educationLevel (SD..S3), educationField, status (default ACTIVE), tmtCpns (YYYY-MM-DD).
            Required: nip, name, gender, birthDate, employmentType, orgUnitCode. JSON (application/json): an array of
            objects with the same fields (education may be nested as {level, field}).
            Rows are upserted by NIP: importing the same file again updates (or leaves unchanged) instead of duplicating.
            Each bad row is reported with its row number (data rows from 1) and field; good rows are stored.""";
    static final String CSV_EXAMPLE = """
            nip,name,gender,birthDate,employmentType,rank,orgUnitCode,educationLevel
            198503152010011001,Yohanes Kambu,M,1985-03-15,PNS,III/b,PMPTSP,S1
            200012312024211001,Andi Pratama,M,2000-12-31,PPPK,IX,PMPTSP,S1""";

    @Inject
    EmployeeImportJobs jobs;
    @Inject
    ImportJobs engine;

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "startEmployeeImport", summary = "Start a bulk import of employees", description = CSV_DESCRIPTION)
    @RequestBody(content = {@Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
            examples = @ExampleObject(name = "two employees", value = CSV_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = ImportRowSchema.class))})
    @APIResponse(responseCode = "202", description = "Accepted; follow Location for progress", content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "400", description = "Unreadable file", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than quarkus.http.limits.max-body-size (512M by default)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another file", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(InputStream body, @HeaderParam("Content-Type") String contentType, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe start: the same key and the same file replay the first response (one job)") String idempotencyKey) {
        return engine.accept(jobs, "/api/v1/employee-imports", "EmployeeImport", contentType, body, idempotencyKey, uri,
                ImportJobView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "getEmployeeImport", summary = "Progress and row errors of an import",
            description = "The job's status (QUEUED, RUNNING, COMPLETED, FAILED), how many rows it has processed of the total and how many failed, with the first row errors. The Location of a POST /employee-imports.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "404", description = "No such import", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportJobView get(@PathParam("id") String id) {
        return ImportJobView.of(engine.view(jobs, ImportJobs.parseId(id)));
    }

    @GET
    @Path("/{id}/errors")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "listEmployeeImportErrors", summary = "All row errors of an import, by row, paged",
            description = "Every failed row of the job as {row, field, message}, paged, so a caller can correct and re-send just those rows.")
    @APIResponse(responseCode = "200", description = "A page of row errors")
    public PageResponse<ImportJobView.RowError> errors(@PathParam("id") String id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return engine.errors(jobs, ImportJobs.parseId(id), PageRequest.of(page, size)).map(ImportJobView.RowError::of);
    }
}
