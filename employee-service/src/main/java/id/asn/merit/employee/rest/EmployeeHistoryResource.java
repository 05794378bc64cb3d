package id.asn.merit.employee.rest;

import id.asn.merit.employee.mapping.HistoryRequests.DisciplinaryRecordRequest;
import id.asn.merit.employee.mapping.HistoryRequests.EducationRequest;
import id.asn.merit.employee.mapping.HistoryRequests.PerformanceRatingRequest;
import id.asn.merit.employee.mapping.HistoryRequests.PlacementRequest;
import id.asn.merit.employee.mapping.HistoryRequests.RankRequest;
import id.asn.merit.employee.mapping.HistoryViews.DisciplinaryRecordView;
import id.asn.merit.employee.mapping.HistoryViews.EducationEntryView;
import id.asn.merit.employee.mapping.HistoryViews.PerformanceRatingView;
import id.asn.merit.employee.mapping.HistoryViews.PlacementView;
import id.asn.merit.employee.mapping.HistoryViews.RankView;
import id.asn.merit.employee.mapping.PlacementSummary;
import id.asn.merit.employee.service.EmployeeAccess;
import id.asn.merit.employee.service.EmployeeHistoryService;
import id.asn.merit.employee.service.EmployeeService;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** History of one employee: placements, ranks, educations, SKP ratings, disciplinary records. */
@Path("/api/v1/employees/{nip}")
@Tag(name = "Employee history")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not allowed for this role, or a rating of yourself", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such NIP, or one you may not see (answered alike)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class EmployeeHistoryResource {
    private static final String OVERRIDE_EXAMPLE = "{\"type\":\"urn:asn:problem:validation\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"overrideReason: is required to override the derived rating BAIK with SANGAT_BAIK\","
            + "\"errors\":[{\"field\":\"overrideReason\",\"message\":\"is required to override the derived rating BAIK with SANGAT_BAIK\"}]}";

    @Inject
    EmployeeHistoryService history;
    @Inject
    EmployeeService employees;
    @Inject
    EmployeeAccess access;
    @Inject
    Idempotency idempotency;

    /** A 201 for a new history entry: Location of the entry, replayed for a retry with the same Idempotency-Key. */
    private Response created(String key, String nip, String collection, Object request, UriInfo uri,
            java.util.function.Supplier<Object> create, java.util.function.ToLongFunction<Object> id) {
        return idempotency.run(key, "/api/v1/employees/" + nip + "/" + collection, request, () -> {
            Object entry = create.get();
            return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(id.applyAsLong(entry))).build()).entity(entry).build();
        });
    }

    @POST
    @Path("/placements")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "placeEmployee", summary = "Record a placement (position, effective date, DEFINITIF/PLT/PLH)",
            description = "The employee's current position is the DEFINITIF placement in force; a back-dated placement does not replace a later one. Emits asn.employee.placed.v1.")
    @APIResponse(responseCode = "201", description = "Recorded; Location of the entry", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = PlacementView.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response place(@PathParam("nip") String nip, @NotNull @Valid PlacementRequest request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey,
            @Context UriInfo uri) {
        return created(idempotencyKey, nip, "placements", request, uri, () -> history.place(nip, request), v -> ((PlacementView) v).id());
    }

    @GET
    @Path("/placements")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listEmployeePlacements", summary = "Placement history, newest first, with the one in force marked",
            description = "Every placement of the employee (DEFINITIF, PLT, PLH) with its effective date, paged. An INTEGRATOR gets PlacementSummary entries (no decree number, no recorder).")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total} of placements")
    public PageResponse<?> placements(@PathParam("nip") String nip, @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        access.checkCanRead(employees.require(nip));
        PageResponse<PlacementView> placements = history.placements(nip, PageRequest.parse(page, size));
        return access.summaryOnly() ? placements.map(PlacementSummary::of) : placements;
    }

    @GET
    @Path("/placements/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getEmployeePlacement", summary = "One placement (the Location of a recorded placement)",
            description = "One placement of the employee; an INTEGRATOR gets its PlacementSummary.")
    @APIResponse(responseCode = "200", description = "The placement", content = @Content(schema = @Schema(oneOf = {PlacementView.class, PlacementSummary.class})))
    public Object placement(@PathParam("nip") String nip, @PathParam("id") long id) {
        access.checkCanRead(employees.require(nip));
        PlacementView placement = history.placement(nip, id);
        return access.summaryOnly() ? PlacementSummary.of(placement) : placement;
    }

    @POST
    @Path("/ranks")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "addEmployeeRank", summary = "Record a rank (golongan) with its TMT",
            description = "PNS/CPNS take a golongan/ruang, PPPK a PPPK golongan. The current rank is the one in force. Emits asn.employee.rank-changed.v1.")
    @APIResponse(responseCode = "201", description = "Recorded; Location of the entry", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = RankView.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "A rank of the wrong kind", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addRank(@PathParam("nip") String nip, @NotNull @Valid RankRequest request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey,
            @Context UriInfo uri) {
        return created(idempotencyKey, nip, "ranks", request, uri, () -> history.addRank(nip, request), v -> ((RankView) v).id());
    }

    @GET
    @Path("/ranks")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE})
    @Operation(operationId = "listEmployeeRanks", summary = "Rank history, newest first, with the one in force marked",
            description = "The employee's golongan/ruang (or PPPK golongan) history with TMT dates, paged, with the rank in force today marked.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total} of rank entries")
    public PageResponse<RankView> ranks(@PathParam("nip") String nip, @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        access.checkCanRead(employees.require(nip));
        return history.ranks(nip, PageRequest.parse(page, size));
    }

    @GET
    @Path("/ranks/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE})
    @Operation(operationId = "getEmployeeRank", summary = "One rank entry (the Location of a recorded rank)",
            description = "One rank entry (the Location of a recorded one).")
    @APIResponse(responseCode = "200", description = "The rank entry", content = @Content(schema = @Schema(implementation = RankView.class)))
    public RankView rank(@PathParam("nip") String nip, @PathParam("id") long id) {
        access.checkCanRead(employees.require(nip));
        return history.rank(nip, id);
    }

    @POST
    @Path("/educations")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "addEmployeeEducation", summary = "Record a completed education",
            description = "Records an education; the one with the latest graduation date not after today becomes the employee's current education. Answers 201 with the Location of the entry; Idempotency-Key makes a retry safe. Emits asn.employee.updated.v1.")
    @APIResponse(responseCode = "201", description = "Recorded; Location of the entry", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = EducationEntryView.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addEducation(@PathParam("nip") String nip, @NotNull @Valid EducationRequest request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey,
            @Context UriInfo uri) {
        return created(idempotencyKey, nip, "educations", request, uri, () -> history.addEducation(nip, request),
                v -> ((EducationEntryView) v).id());
    }

    @GET
    @Path("/educations")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE})
    @Operation(operationId = "listEmployeeEducations", summary = "Education history, newest first",
            description = "The employee's education history (level SD..S3, field, institution, graduation date), paged, with the entry in force marked; the current education of the employee is that entry.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total} of education entries")
    public PageResponse<EducationEntryView> educations(@PathParam("nip") String nip, @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        access.checkCanRead(employees.require(nip));
        return history.educations(nip, PageRequest.parse(page, size));
    }

    @GET
    @Path("/educations/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE})
    @Operation(operationId = "getEmployeeEducation", summary = "One education entry (the Location of a recorded education)",
            description = "One education entry (the Location of a recorded one).")
    @APIResponse(responseCode = "200", description = "The education entry", content = @Content(schema = @Schema(implementation = EducationEntryView.class)))
    public EducationEntryView education(@PathParam("nip") String nip, @PathParam("id") long id) {
        access.checkCanRead(employees.require(nip));
        return history.education(nip, id);
    }

    @POST
    @Path("/performance-ratings")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD})
    @Operation(operationId = "rateEmployeePerformance", summary = "Record an SKP rating (annual or quarterly)",
            description = "The rating is derived from workResult × workBehaviour by the PermenPANRB 6/2022 matrix; the rater may override it with a reason, and is recorded. A UNIT_HEAD rates people in their subtree only, and carries the nip claim; no one rates themself (403). Emits asn.employee.performance-rated.v1.")
    @APIResponse(responseCode = "201", description = "Recorded; Location of the entry", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = PerformanceRatingView.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "override without reason", value = OVERRIDE_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Already rated for that year and period", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rate(@PathParam("nip") String nip, @NotNull @Valid PerformanceRatingRequest request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey,
            @Context UriInfo uri) {
        access.checkCanRate(employees.require(nip));
        return created(idempotencyKey, nip, "performance-ratings", request, uri, () -> history.rate(nip, request),
                v -> ((PerformanceRatingView) v).id());
    }

    @GET
    @Path("/performance-ratings")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.EMPLOYEE})
    @Operation(operationId = "listEmployeePerformanceRatings", summary = "SKP ratings, newest year first",
            description = "The employee's SKP ratings (annual and quarterly) with the matrix rating, any override with its reason, and the rater, paged.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total} of ratings")
    public PageResponse<PerformanceRatingView> ratings(@PathParam("nip") String nip, @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        access.checkCanRead(employees.require(nip));
        return history.ratings(nip, PageRequest.parse(page, size));
    }

    @GET
    @Path("/performance-ratings/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.EMPLOYEE})
    @Operation(operationId = "getEmployeePerformanceRating", summary = "One SKP rating (the Location of a recorded rating)",
            description = "One SKP rating (the Location of a recorded one).")
    @APIResponse(responseCode = "200", description = "The rating", content = @Content(schema = @Schema(implementation = PerformanceRatingView.class)))
    public PerformanceRatingView rating(@PathParam("nip") String nip, @PathParam("id") long id) {
        access.checkCanRead(employees.require(nip));
        return history.rating(nip, id);
    }

    @POST
    @Path("/disciplinary-records")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "recordEmployeeDiscipline", summary = "Record a disciplinary decision (LIGHT, MODERATE, SEVERE)",
            description = "Emits asn.employee.disciplined.v1 with the level and date only; the description stays here.")
    @APIResponse(responseCode = "201", description = "Recorded; Location of the entry", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = DisciplinaryRecordView.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response discipline(@PathParam("nip") String nip, @NotNull @Valid DisciplinaryRecordRequest request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey,
            @Context UriInfo uri) {
        return created(idempotencyKey, nip, "disciplinary-records", request, uri, () -> history.discipline(nip, request),
                v -> ((DisciplinaryRecordView) v).id());
    }

    @GET
    @Path("/disciplinary-records")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD})
    @Operation(operationId = "listEmployeeDisciplinaryRecords", summary = "Disciplinary records (ADMIN, HR_OFFICER and the person's UNIT_HEAD only)",
            description = "The employee's disciplinary records (level, decision date, description), paged. Readable only by ADMIN, HR_OFFICER and the UNIT_HEAD of the person's unit; anyone else gets the same 404 as for an unknown NIP.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total} of records, newest first")
    public PageResponse<DisciplinaryRecordView> disciplinaryRecords(@PathParam("nip") String nip, @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        access.checkUnitHeadScope(employees.require(nip));
        return history.disciplinaryRecords(nip, PageRequest.parse(page, size));
    }

    @GET
    @Path("/disciplinary-records/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD})
    @Operation(operationId = "getEmployeeDisciplinaryRecord", summary = "One disciplinary record (ADMIN, HR_OFFICER and the person's UNIT_HEAD only)",
            description = "One disciplinary record (the Location of a recorded one), with the same access as the list.")
    @APIResponse(responseCode = "200", description = "The record", content = @Content(schema = @Schema(implementation = DisciplinaryRecordView.class)))
    public DisciplinaryRecordView disciplinaryRecord(@PathParam("nip") String nip, @PathParam("id") long id) {
        access.checkUnitHeadScope(employees.require(nip));
        return history.disciplinaryRecord(nip, id);
    }
}
