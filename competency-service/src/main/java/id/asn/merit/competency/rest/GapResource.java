package id.asn.merit.competency.rest;

import id.asn.merit.competency.domain.AssessmentPurpose;
import id.asn.merit.competency.domain.JpmCategory;
import id.asn.merit.platform.web.CsvWriter;
import id.asn.merit.competency.mapping.GapListRow;
import id.asn.merit.competency.mapping.GapView;
import id.asn.merit.competency.service.GapSnapshots;
import id.asn.merit.competency.service.Gaps;
import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.QueryParams;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

import static id.asn.merit.competency.rest.CompetencyExamples.FORBIDDEN;
import static id.asn.merit.competency.rest.CompetencyExamples.UNAUTHENTICATED;
import static id.asn.merit.competency.rest.GapExamples.*;

/** Gaps and job-person match: one person live, a unit's stored gaps as a list (JSON or CSV). */
@Path("/api/v1/competency-gaps")
@Authenticated
@Tag(name = "Competency gaps", description = "Gap per competency and job-person match (JPM) against the current or a target position")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
public class GapResource {
    static final String CSV = "text/csv";

    @Inject
    Gaps gaps;
    @Inject
    GapSnapshots snapshots;
    @Inject
    PersonAccess access;

    @GET
    @Path("/{nip}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.EMPLOYEE})
    @Operation(operationId = "getCompetencyGap", summary = "A person's gap and JPM against their current or a target position",
            description = "Computed live on the date asked (default today) from the standard in force (own, or the default template), the latest "
                    + "valid score per competency (validity window of the policy) and the current gap policy, whose version it names. "
                    + "purpose defaults to MAPPING for the current position and SELECTION for a target one. An EMPLOYEE reads only their own, "
                    + "a UNIT_HEAD their subtree; anyone else's NIP is a 404, as for a NIP that does not exist.")
    @APIResponse(responseCode = "200", description = "The gap", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GapView.class), examples = @ExampleObject(name = "current position", value = GAP)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad date", value = BAD_PARAM)))
    @APIResponse(responseCode = "404", description = "No such person (or not visible to the caller), or an unknown position", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = EMPLOYEE_NOT_FOUND)))
    @APIResponse(responseCode = "422", description = "The person holds no position and none was named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "no position", value = NO_POSITION)))
    public GapView gap(@PathParam("nip") @Parameter(example = "198503302010012001") String nip,
            @QueryParam("positionCode") @Parameter(description = "a target position instead of the current one", example = "JPT-KADIS-DINKES") String positionCode,
            @QueryParam("purpose") @Parameter(description = "the category family", schema = @Schema(type = SchemaType.STRING, enumeration = {"MAPPING", "SELECTION"})) String purpose,
            @QueryParam("on") @Parameter(description = "the date (default today, Asia/Jakarta)", schema = @Schema(type = SchemaType.STRING, format = "date")) String on) {
        AssessmentPurpose p = QueryParams.enumValue(AssessmentPurpose.class, "purpose", purpose);
        var date = RequestParams.date("on", on);
        String target = positionCode == null || positionCode.isBlank() ? null : positionCode.trim();
        if (!nip.matches("\\d{18}")) {
            throw PersonAccess.invisible(nip);
        }
        access.checkCanRead(nip);
        return gaps.gap(nip, target, p, date);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD})
    @Operation(operationId = "listCompetencyGaps", summary = "Every active employee of a unit with their JPM, category and coverage",
            description = "The stored gaps (against each person's current position, purpose MAPPING, kept current on every placement, standard, "
                    + "template, policy and assessment change), sorted by JPM ascending (largest gaps first; people without a result last), "
                    + "then NIP; paged. Accept: text/csv gives every row in scope as CSV. A UNIT_HEAD sees their own subtree only (the default).")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}, or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = GAP_LIST)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = GAP_LIST_CSV))})
    @APIResponse(responseCode = "400", description = "A bad parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad parameter", value = BAD_PARAM)))
    @APIResponse(responseCode = "404", description = "No such unit (or outside the caller's subtree)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = EMPLOYEE_NOT_FOUND)))
    public Response list(
            @QueryParam("orgUnit") @Parameter(description = "the unit (default: everyone for ADMIN and HR_OFFICER, their unit for a UNIT_HEAD)",
                    example = "DINKES") String orgUnit,
            @QueryParam("subtree") @Parameter(description = "include the units below orgUnit (default false; a UNIT_HEAD without orgUnit gets their subtree)",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String subtree,
            @QueryParam("category") @Parameter(description = "only this category", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"OPTIMAL", "CUKUP_OPTIMAL", "KURANG_OPTIMAL"})) String category,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size,
            @Context HttpHeaders headers) {
        PageRequest paging = PageRequest.parse(page, size);
        boolean sub = RequestParams.bool("subtree", subtree, false);
        JpmCategory c = QueryParams.enumValue(JpmCategory.class, "category", category);
        PersonAccess.Scope scope = access.listScope(blankToNull(orgUnit), sub);
        if (wantsCsv(headers)) {
            List<Object[]> rows = gaps.all(scope, c).stream().map(GapListRow::csv).toList();
            return Response.ok(CsvWriter.write(GapListRow.CSV_HEADER, rows), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"competency-gaps.csv\"").build();
        }
        return Response.ok(gaps.list(scope, c, paging), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/snapshots/rebuild")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "rebuildCompetencyGapSnapshots", summary = "Recompute every stored gap now",
            description = "For after a bulk load of replicas or assessments outside the event flow: recomputes the stored gap of every employee "
                    + "in the replica, in batches, emitting gap-changed for those that moved, and answers when done with the count and time.")
    @APIResponse(responseCode = "200", description = "Done", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "province", value = REBUILT)))
    public Map<String, Object> rebuild() {
        long start = System.nanoTime();
        int people = snapshots.rebuildAll();
        return Map.of("people", people, "millis", (System.nanoTime() - start) / 1_000_000);
    }

    static boolean wantsCsv(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(m -> m.getType().equals("text") && m.getSubtype().equals("csv")).orElse(false);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
