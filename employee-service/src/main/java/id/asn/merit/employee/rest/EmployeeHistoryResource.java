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
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import java.util.List;

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

    @POST
    @Path("/placements")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "placeEmployee", summary = "Record a placement (position, effective date, DEFINITIF/PLT/PLH)",
            description = "The employee's current position is the DEFINITIF placement in force; a back-dated placement does not replace a later one. Emits asn.employee.placed.v1.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = PlacementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response place(@PathParam("nip") String nip, @NotNull @Valid PlacementRequest request) {
        return Response.status(201).entity(history.place(nip, request)).build();
    }

    @GET
    @Path("/placements")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listEmployeePlacements", summary = "Placement history, newest first, with the one in force marked",
            description = "An INTEGRATOR gets PlacementSummary entries (no decree number, no recorder).")
    @APIResponse(responseCode = "200", description = "The placements", content = @Content(schema = @Schema(oneOf = {PlacementView.class, PlacementSummary.class})))
    public List<?> placements(@PathParam("nip") String nip) {
        access.checkCanRead(employees.require(nip));
        List<PlacementView> placements = history.placements(nip);
        return access.summaryOnly() ? placements.stream().map(PlacementSummary::of).toList() : placements;
    }

    @POST
    @Path("/ranks")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "addEmployeeRank", summary = "Record a rank (golongan) with its TMT",
            description = "PNS/CPNS take a golongan/ruang, PPPK a PPPK golongan. The current rank is the one in force. Emits asn.employee.rank-changed.v1.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = RankView.class)))
    @APIResponse(responseCode = "400", description = "A rank of the wrong kind", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addRank(@PathParam("nip") String nip, @NotNull @Valid RankRequest request) {
        return Response.status(201).entity(history.addRank(nip, request)).build();
    }

    @GET
    @Path("/ranks")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE})
    @Operation(operationId = "listEmployeeRanks", summary = "Rank history, newest first, with the one in force marked")
    @APIResponse(responseCode = "200", description = "The ranks")
    public List<RankView> ranks(@PathParam("nip") String nip) {
        access.checkCanRead(employees.require(nip));
        return history.ranks(nip);
    }

    @POST
    @Path("/educations")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "addEmployeeEducation", summary = "Record a completed education")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = EducationEntryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addEducation(@PathParam("nip") String nip, @NotNull @Valid EducationRequest request) {
        return Response.status(201).entity(history.addEducation(nip, request)).build();
    }

    @GET
    @Path("/educations")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE})
    @Operation(operationId = "listEmployeeEducations", summary = "Education history, newest first")
    @APIResponse(responseCode = "200", description = "The educations")
    public List<EducationEntryView> educations(@PathParam("nip") String nip) {
        access.checkCanRead(employees.require(nip));
        return history.educations(nip);
    }

    @POST
    @Path("/performance-ratings")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD})
    @Operation(operationId = "rateEmployeePerformance", summary = "Record an SKP rating (annual or quarterly)",
            description = "The rating is derived from workResult × workBehaviour by the PermenPANRB 6/2022 matrix; the rater may override it with a reason, and is recorded. "
                    + "A UNIT_HEAD rates people in their subtree only, and carries the nip claim; no one rates themself (403). Emits asn.employee.performance-rated.v1.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = PerformanceRatingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "override without reason", value = OVERRIDE_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Already rated for that year and period", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rate(@PathParam("nip") String nip, @NotNull @Valid PerformanceRatingRequest request) {
        access.checkCanRate(employees.require(nip));
        return Response.status(201).entity(history.rate(nip, request)).build();
    }

    @GET
    @Path("/performance-ratings")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.EMPLOYEE})
    @Operation(operationId = "listEmployeePerformanceRatings", summary = "SKP ratings, newest year first")
    @APIResponse(responseCode = "200", description = "The ratings")
    public List<PerformanceRatingView> ratings(@PathParam("nip") String nip) {
        access.checkCanRead(employees.require(nip));
        return history.ratings(nip);
    }

    @POST
    @Path("/disciplinary-records")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "recordEmployeeDiscipline", summary = "Record a disciplinary decision (LIGHT, MODERATE, SEVERE)",
            description = "Emits asn.employee.disciplined.v1 with the level and date only; the description stays here.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = DisciplinaryRecordView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response discipline(@PathParam("nip") String nip, @NotNull @Valid DisciplinaryRecordRequest request) {
        return Response.status(201).entity(history.discipline(nip, request)).build();
    }

    @GET
    @Path("/disciplinary-records")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD})
    @Operation(operationId = "listEmployeeDisciplinaryRecords", summary = "Disciplinary records (ADMIN, HR_OFFICER and the person's UNIT_HEAD only)")
    @APIResponse(responseCode = "200", description = "The records, newest first")
    public List<DisciplinaryRecordView> disciplinaryRecords(@PathParam("nip") String nip) {
        access.checkUnitHeadScope(employees.require(nip));
        return history.disciplinaryRecords(nip);
    }
}
