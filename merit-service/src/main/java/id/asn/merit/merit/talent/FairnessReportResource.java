package id.asn.merit.merit.talent;

import id.asn.merit.merit.service.MeritClock;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

import static id.asn.merit.merit.talent.TalentExamples.*;

/** Fairness of a merit outcome (issue #9): selection rate per gender and age band, impact ratio, the four-fifths flag; no names. */
@Path("/api/v1/fairness-reports")
@Tag(name = "Fairness reports", description = "Selection rates per group and the four-fifths rule on talent-pool and promotion outcomes")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "Not ADMIN or HR_OFFICER", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
public class FairnessReportResource {
    static final List<String> OUTCOMES = List.of(TalentReports.TALENT_POOL, TalentReports.PROMOTION_ELIGIBLE);

    @Inject
    TalentReports reports;
    @Inject
    PersonAccess access;
    @Inject
    MeritClock clock;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "getMeritFairnessReport", summary = "Selection rates per gender and age band with the four-fifths flag",
            description = "TALENT_POOL: the ACTIVE people in scope with a profile of the year, selected = eligible for the talent pool. "
                    + "PROMOTION_ELIGIBLE: the candidates of promotion ranking rankingId (default: the newest ranking of the year), selected = "
                    + "eligible. Per group: size, selected, selection rate, impact ratio to the highest rate of the groups large enough to "
                    + "judge, flagged below the policy's threshold (default 0.8; exactly 0.8 is not flagged), and a note where a group is "
                    + "smaller than the policy's minGroupSize. Age in whole years on asOf. No names or NIPs.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TalentViews.FairnessReportView.class),
            examples = {@ExampleObject(name = "talent pool", value = FAIRNESS), @ExampleObject(name = "promotion", value = FAIRNESS_PROMOTION)}))
    @APIResponse(responseCode = "400", description = "Missing or unknown outcome, bad year or subtree, parameter named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = {@ExampleObject(name = "outcome", value = BAD_OUTCOME),
                    @ExampleObject(name = "year", value = BAD_YEAR)}))
    @APIResponse(responseCode = "404", description = "Unknown unit or ranking, or no ranking of the year", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = {@ExampleObject(name = "ranking", value = RANKING_NOT_FOUND),
                    @ExampleObject(name = "unit", value = UNIT_NOT_FOUND)}))
    public TalentViews.FairnessReportView fairness(
            @QueryParam("year") @Parameter(description = "the merit year (default: the current year)", schema = @Schema(type = SchemaType.INTEGER), example = "2026") String year,
            @QueryParam("orgUnit") @Parameter(description = "org unit code (default: everyone)", example = "DINKES") String orgUnit,
            @QueryParam("subtree") @Parameter(description = "include the units below (default true)", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true")) String subtree,
            @QueryParam("outcome") @Parameter(description = "the outcome judged", required = true,
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"TALENT_POOL", "PROMOTION_ELIGIBLE"})) String outcome,
            @QueryParam("rankingId") @Parameter(description = "PROMOTION_ELIGIBLE: the ranking (default: the newest of the year)",
                    example = "0b6f3c1e-4a39-4d0e-9a55-2f1d7e2b9c10") String rankingId) {
        String judged = outcome(outcome);
        int y = TalentParams.year(year, clock.currentYear());
        boolean below = TalentParams.subtree(subtree);
        PersonAccess.Scope scope = access.listScope(TalentParams.orgUnit(orgUnit), below);
        String ranking = rankingId == null || rankingId.isBlank() ? null : rankingId.trim();
        return reports.fairness(y, scope, judged, TalentReports.PROMOTION_ELIGIBLE.equals(judged) ? ranking : null);
    }

    private static String outcome(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("outcome", "is required: " + String.join(" or ", OUTCOMES));
        }
        String v = value.trim();
        if (!OUTCOMES.contains(v)) {
            throw ApiException.badRequest("outcome", "value '" + value + "' is not one of " + String.join(", ", OUTCOMES));
        }
        return v;
    }
}
