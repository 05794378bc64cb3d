package id.asn.merit.competency.rest;

import id.asn.merit.platform.web.CsvWriter;
import id.asn.merit.competency.mapping.DevelopmentNeedsView;
import id.asn.merit.competency.service.DevelopmentNeedsReport;
import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static id.asn.merit.competency.rest.CompetencyExamples.FORBIDDEN;
import static id.asn.merit.competency.rest.CompetencyExamples.UNAUTHENTICATED;
import static id.asn.merit.competency.rest.GapExamples.*;

/** The AKPK roll-up of a unit (analisis kebutuhan pengembangan kompetensi): what the training plan is drawn up from. */
@Path("/api/v1/development-needs")
@Authenticated
@Tag(name = "Development needs", description = "AKPK: the competency development needs of a unit, per competency and per person")
@SecurityRequirement(name = "jwt")
public class DevelopmentNeedsResource {
    @Inject
    DevelopmentNeedsReport report;
    @Inject
    PersonAccess access;

    @GET
    @Produces({MediaType.APPLICATION_JSON, GapResource.CSV})
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD})
    @Operation(operationId = "getDevelopmentNeeds", summary = "The AKPK roll-up of a unit: needs per competency and per person",
            description = "From the stored gaps (current positions, purpose MAPPING): per competency the people assessed below standard, their "
                    + "average gap and the MUTLAK count (and those not assessed); per person (paged, by NIP) their needs ordered by importance "
                    + "then gap, each with a suggested pathway (KLASIKAL from a shortfall of klasikalFromGap levels, policy data). "
                    + "subtree defaults to true. Accept: text/csv gives every person's needs as CSV rows. A UNIT_HEAD sees their subtree only.")
    @APIResponse(responseCode = "200", description = "The roll-up, or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DevelopmentNeedsView.class),
                    examples = @ExampleObject(name = "unit", value = NEEDS)),
            @Content(mediaType = GapResource.CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = NEEDS_CSV))})
    @APIResponse(responseCode = "400", description = "A bad parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad parameter", value = BAD_PARAM)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The token's roles do not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such unit (or outside the caller's subtree)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = EMPLOYEE_NOT_FOUND)))
    @APIResponse(responseCode = "422", description = "A past year", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "past year", value = PAST_YEAR)))
    public Response needs(
            @QueryParam("orgUnit") @Parameter(description = "the unit (default: everyone for ADMIN and HR_OFFICER, their unit for a UNIT_HEAD)",
                    example = "DINKES") String orgUnit,
            @QueryParam("subtree") @Parameter(description = "include the units below (default true)", schema = @Schema(type = SchemaType.BOOLEAN)) String subtree,
            @QueryParam("year") @Parameter(description = "the plan year (default this year; this year or later)", schema = @Schema(type = SchemaType.INTEGER, minimum = "2000")) String year,
            @QueryParam("page") @Parameter(description = "0-based page of people", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "people per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size,
            @Context HttpHeaders headers) {
        PageRequest paging = PageRequest.parse(page, size);
        boolean sub = RequestParams.bool("subtree", subtree, true);
        int y = report.checkYear(QueryParams.integer("year", year));
        PersonAccess.Scope scope = access.listScope(GapResource.blankToNull(orgUnit), sub);
        if (GapResource.wantsCsv(headers)) {
            return Response.ok(CsvWriter.write(DevelopmentNeedsView.CSV_HEADER, report.csvRows(scope)), GapResource.CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"development-needs-" + y + ".csv\"").build();
        }
        return Response.ok(report.report(scope, y, paging), MediaType.APPLICATION_JSON).build();
    }
}
