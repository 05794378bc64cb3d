package id.asn.merit.merit.talent;

import id.asn.merit.merit.service.MeritClock;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.PageRequest;
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

import static id.asn.merit.merit.talent.TalentExamples.*;

/** The succession pools (SYSTEM.md §3, §6.4; domain reference §7): the instansi pool and the national pool, each member with why. */
@Path("/api/v1/talent-pool")
@Tag(name = "Talent 9-box and pool")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "Not ADMIN, HR_OFFICER, UNIT_HEAD or INTEGRATOR", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
public class TalentPoolResource {
    @Inject
    TalentReports reports;
    @Inject
    PersonAccess access;
    @Inject
    Caller caller;
    @Inject
    MeritClock clock;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.INTEGRATOR})
    @Operation(operationId = "getMeritTalentPool", summary = "The instansi and national talent pools of a unit, each member with the reason",
            description = "Instansi pool: the policy's talentPoolBoxes (default 7, 8, 9); national pool: its nationalPoolBoxes (default 9); "
                    + "a member is eligible for the talent pool (no MODERATE or SEVERE discipline in the look-back window). excluded lists the "
                    + "people in a pool box who are not eligible, and why. Members and exclusions are paged (page/size apply to each list), "
                    + "best merit score first. INTEGRATOR gets the counts only.")
    @APIResponse(responseCode = "200", description = "The pools", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TalentViews.TalentPool.class),
            examples = {@ExampleObject(name = "with members", value = TALENT_POOL), @ExampleObject(name = "INTEGRATOR: counts only", value = TALENT_POOL_COUNTS)}))
    @APIResponse(responseCode = "400", description = "Bad year, subtree or paging, parameter named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "year", value = BAD_YEAR)))
    @APIResponse(responseCode = "404", description = "Unknown unit (or, for a UNIT_HEAD, one outside their subtree)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unit", value = UNIT_NOT_FOUND)))
    public TalentViews.TalentPool talentPool(
            @QueryParam("year") @Parameter(description = "the merit year (default: the current year)", schema = @Schema(type = SchemaType.INTEGER), example = "2026") String year,
            @QueryParam("orgUnit") @Parameter(description = "org unit code (default: everyone; a UNIT_HEAD's own unit)", example = "DINKES") String orgUnit,
            @QueryParam("subtree") @Parameter(description = "include the units below (default true)", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true")) String subtree,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        int y = TalentParams.year(year, clock.currentYear());
        boolean below = TalentParams.subtree(subtree);
        PageRequest paging = PageRequest.parse(page, size);
        PersonAccess.Scope scope = access.listScope(TalentParams.orgUnit(orgUnit), below, Roles.INTEGRATOR);
        return reports.talentPool(y, scope, paging, TalentAccess.seesMembers(caller));
    }
}
