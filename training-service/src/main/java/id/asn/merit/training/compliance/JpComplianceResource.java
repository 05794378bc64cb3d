package id.asn.merit.training.compliance;

import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.QueryParams;
import id.asn.merit.training.domain.JpCompliance;
import id.asn.merit.training.service.JpRequirements;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

import static id.asn.merit.training.compliance.ComplianceExamples.*;

/**
 * The yearly JP compliance (SYSTEM.md §3, §6.3): every active employee in scope with their JP against the requirement
 * (JSON page plus summary, or the whole scope streamed as CSV), one person with the records behind the number, the
 * forecast of who ends the year short, and the ledger rebuild. The requirement policy is {@link JpRequirementPolicyResource}.
 *
 * <p>INTEGRATOR reads the list, the forecast and a person's detail: the rows carry no personal field beyond NIP, name,
 * unit and position (plus employment type, which sets the requirement), and a record line only says what training it
 * was and what it counted.
 */
@Path("/api/v1/jp-compliance")
@Authenticated
@Tag(name = "JP compliance", description = "The yearly 20 JP of competency development per employee: who has it, who does not, who will not at this pace")
@SecurityRequirement(name = "jwt")
public class JpComplianceResource {
    static final String CSV = "text/csv";

    @Inject
    ComplianceQueries queries;
    @Inject
    JpRequirements requirements;
    @Inject
    RequirementPolicies policies;
    @Inject
    PersonAccess access;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.INTEGRATOR})
    @Operation(operationId = "listJpCompliance", summary = "Every active employee in scope with their JP of the year and the summary",
            description = "Every ACTIVE employee in scope, including those without any record (0 JP), with requiredJp (per employment type from "
                    + "the requirement policy in force), recognisedJp (VERIFIED records after the method caps), claimedJp (raw JP of every record "
                    + "not REJECTED), shortfall and status: MET at or above the requirement; AT_RISK while the year runs when recognised × daysInYear "
                    + "< required × elapsedDays (today, Asia/Jakarta); NOT_MET otherwise. A year that has ended has no AT_RISK. Sorted by unit path "
                    + "then NIP; status= filters the items and total, the summary is always of the whole scope. Accept: text/csv streams the whole "
                    + "scope (no paging). ADMIN, HR_OFFICER and INTEGRATOR any unit or everyone; a UNIT_HEAD their own subtree (the default).")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total, summary, year, requirementVersion}, or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplianceViews.Page.class),
                    examples = @ExampleObject(name = "page", value = PAGE)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = ComplianceExamples.CSV))})
    @APIResponse(responseCode = "400", description = "A bad parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad year", value = BAD_PARAM)))
    @APIResponse(responseCode = "404", description = "No such unit (or outside the caller's subtree)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unit", value = UNIT_NOT_FOUND)))
    public Response list(
            @QueryParam("year") @Parameter(description = "the calendar year (default the current one, Asia/Jakarta)", schema = @Schema(type = SchemaType.INTEGER, example = "2026")) String year,
            @QueryParam("orgUnit") @Parameter(description = "the unit (default: everyone for ADMIN, HR_OFFICER and INTEGRATOR, their subtree for a UNIT_HEAD)", example = "DINKES") String orgUnit,
            @QueryParam("subtree") @Parameter(description = "include the units below orgUnit (default false)", schema = @Schema(type = SchemaType.BOOLEAN)) String subtree,
            @QueryParam("status") @Parameter(description = "only this status", schema = @Schema(type = SchemaType.STRING, enumeration = {"MET", "AT_RISK", "NOT_MET"})) String status,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size,
            @Context HttpHeaders headers) {
        int y = ComplianceParams.year(year);
        PageRequest paging = PageRequest.parse(page, size);
        boolean sub = ComplianceParams.bool("subtree", subtree, false);
        JpCompliance.Status s = QueryParams.enumValue(JpCompliance.Status.class, "status", status);
        PersonAccess.Scope scope = access.listScope(ComplianceParams.blankToNull(orgUnit), sub, Roles.INTEGRATOR);
        JpRequirements.Policy policy = requirements.current();
        LocalDate today = ComplianceParams.today();
        if (ComplianceParams.wantsCsv(headers)) {
            StreamingOutput body = out -> queries.csv(scope, policy, y, today, s, out);
            return Response.ok(body, CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"jp-compliance-" + y + ".csv\"").build();
        }
        return Response.ok(queries.page(scope, policy, y, today, s, paging), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/forecast")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.INTEGRATOR})
    @Operation(operationId = "forecastJpCompliance", summary = "Who will end the year short of the JP requirement at their pace so far",
            description = "For every active employee in scope: the JP recognised from VERIFIED records ending on or before asOf (caps applied), "
                    + "projected to the year's end at that pace (recognised × daysInYear ÷ elapsed days, asOf counted), and the expected shortfall "
                    + "required − projected. Only those with an expected shortfall above 0, largest first, then NIP; paged, with the summary of the "
                    + "whole scope. asOf defaults to today (or the last day of a year that has ended) and must lie in the year. Same roles and scope "
                    + "as the list.")
    @APIResponse(responseCode = "200", description = "A page of who ends short, with the summary", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ComplianceViews.ForecastPage.class), examples = @ExampleObject(name = "forecast", value = FORECAST)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named (e.g. asOf outside the year)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "asOf", value = BAD_AS_OF)))
    @APIResponse(responseCode = "404", description = "No such unit (or outside the caller's subtree)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unit", value = UNIT_NOT_FOUND)))
    public ComplianceViews.ForecastPage forecast(
            @QueryParam("year") @Parameter(description = "the calendar year (default the current one)", schema = @Schema(type = SchemaType.INTEGER, example = "2026")) String year,
            @QueryParam("asOf") @Parameter(description = "the day the pace is measured on (default today, Asia/Jakarta)", schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf,
            @QueryParam("orgUnit") @Parameter(description = "the unit (default as for the list)", example = "DINKES") String orgUnit,
            @QueryParam("subtree") @Parameter(description = "include the units below orgUnit (default false)", schema = @Schema(type = SchemaType.BOOLEAN)) String subtree,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        int y = ComplianceParams.year(year);
        LocalDate today = ComplianceParams.today();
        LocalDate on = ComplianceParams.date("asOf", asOf);
        if (on == null) {
            LocalDate last = LocalDate.of(y, 12, 31);
            on = today.isAfter(last) ? last : today;
        }
        if (on.getYear() != y) {
            throw ApiException.badRequest("asOf", on.getYear() < y && asOf == null
                    ? "the year " + y + " has not begun; give a day of " + y : "must lie in " + y);
        }
        PageRequest paging = PageRequest.parse(page, size);
        boolean sub = ComplianceParams.bool("subtree", subtree, false);
        PersonAccess.Scope scope = access.listScope(ComplianceParams.blankToNull(orgUnit), sub, Roles.INTEGRATOR);
        return queries.forecast(scope, requirements.current(), y, on, today, paging);
    }

    @GET
    @Path("/{nip}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getJpCompliance", summary = "A person's JP compliance of the year with every record behind it",
            description = "The person's row as in the list, computed live from their records of the year and the caps in force, and every "
                    + "record of the year (all statuses) in the order recognition counts them (end date, start date) with its own JP, the JP "
                    + "recognised and which cap cut it (NONE, NOT_VERIFIED, PER_RECORD, PER_DAY, PER_YEAR) in words. A person known only by "
                    + "records answers with the default requirement. An EMPLOYEE reads their own, a UNIT_HEAD their subtree; anyone else's NIP "
                    + "is a 404, as for a NIP nobody knows.")
    @APIResponse(responseCode = "200", description = "The person's compliance and records", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ComplianceViews.Person.class), examples = @ExampleObject(name = "with a cap", value = PERSON)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad year", value = BAD_PARAM)))
    @APIResponse(responseCode = "404", description = "Nobody with this NIP (or not visible to the caller)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public ComplianceViews.Person person(
            @PathParam("nip") @Parameter(description = "the 18-digit NIP", example = "198503302010012001") String nip,
            @QueryParam("year") @Parameter(description = "the calendar year (default the current one)", schema = @Schema(type = SchemaType.INTEGER, example = "2026")) String year) {
        int y = ComplianceParams.year(year);
        if (!nip.matches("\\d{18}")) {
            throw PersonAccess.invisible(nip);
        }
        access.checkCanRead(nip, Roles.INTEGRATOR);
        ComplianceViews.Person person = queries.person(nip, requirements.current(), y, ComplianceParams.today());
        if (person == null) {
            throw PersonAccess.invisible(nip);
        }
        return person;
    }

    @POST
    @Path("/rebuild")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "rebuildJpLedger", summary = "Recompute the JP ledger of every person-year that has records",
            description = "For after a bulk load of records outside the API (or to repair): queues every (NIP, year) with records for "
                    + "recomputation and answers at once with how many were queued; a background job works the queue off in batches, "
                    + "emitting jp-threshold-reached for those that now reach the requirement (once per person-year, as always). Audited.")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ComplianceViews.Rebuild.class), examples = @ExampleObject(name = "province", value = REBUILD)))
    public Response rebuild() {
        return Response.accepted(new ComplianceViews.Rebuild(policies.rebuild())).type(MediaType.APPLICATION_JSON).build();
    }
}
