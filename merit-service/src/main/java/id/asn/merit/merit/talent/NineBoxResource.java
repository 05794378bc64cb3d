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

import static id.asn.merit.merit.talent.TalentExamples.*;

/** The talent 9-box of a unit (SYSTEM.md §3, §6.4): counts and paged members per box, or the grid as an SVG picture. */
@Path("/api/v1/nine-box")
@Tag(name = "Talent 9-box and pool", description = "Where the people of a unit stand on performance × potential, and who is in the succession pools")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "Not ADMIN, HR_OFFICER, UNIT_HEAD or INTEGRATOR", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
public class NineBoxResource {
    @Inject
    TalentReports reports;
    @Inject
    PersonAccess access;
    @Inject
    Caller caller;
    @Inject
    MeritClock clock;

    @GET
    @Produces({MediaType.APPLICATION_JSON, NineBoxSvg.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.INTEGRATOR})
    @Operation(operationId = "getMeritNineBox", summary = "The 9-box of a unit: counts and members per box, with the cut-offs used",
            description = "The merit profiles of the year of the ACTIVE people in scope, per box (SYSTEM.md section 6.4 numbering), members "
                    + "paged inside each box (page/size apply to every box; best merit score first, then NIP). ADMIN and HR_OFFICER any unit "
                    + "(or everyone), UNIT_HEAD their own subtree, INTEGRATOR boxes and counts without members. "
                    + "Accept: image/svg+xml answers the 3x3 grid as an SVG picture with the counts.")
    @APIResponse(responseCode = "200", description = "The 9-box", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TalentViews.NineBox.class),
                    examples = {@ExampleObject(name = "with members", value = NINE_BOX), @ExampleObject(name = "INTEGRATOR: counts only", value = NINE_BOX_COUNTS)}),
            @Content(mediaType = NineBoxSvg.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "grid", value = NINE_BOX_SVG))})
    @APIResponse(responseCode = "400", description = "Bad year, subtree or paging, parameter named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "year", value = BAD_YEAR)))
    @APIResponse(responseCode = "404", description = "Unknown unit (or, for a UNIT_HEAD, one outside their subtree)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unit", value = UNIT_NOT_FOUND)))
    public Response nineBox(
            @QueryParam("year") @Parameter(description = "the merit year (default: the current year)", schema = @Schema(type = SchemaType.INTEGER), example = "2026") String year,
            @QueryParam("orgUnit") @Parameter(description = "org unit code (default: everyone; a UNIT_HEAD's own unit)", example = "DINKES") String orgUnit,
            @QueryParam("subtree") @Parameter(description = "include the units below (default true)", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true")) String subtree,
            @QueryParam("page") @Parameter(description = "0-based page inside each box", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "members per box", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size,
            @Context HttpHeaders headers) {
        int y = TalentParams.year(year, clock.currentYear());
        boolean below = TalentParams.subtree(subtree);
        PageRequest paging = PageRequest.parse(page, size);
        PersonAccess.Scope scope = access.listScope(TalentParams.orgUnit(orgUnit), below, Roles.INTEGRATOR);
        boolean svg = wantsSvg(headers);
        TalentViews.NineBox nineBox = reports.nineBox(y, scope, paging, !svg && TalentAccess.seesMembers(caller));
        if (svg) {
            return Response.ok(NineBoxSvg.render(nineBox, reports.unitLabel(scope.orgUnitCode())), NineBoxSvg.MEDIA_TYPE).build();
        }
        return Response.ok(nineBox, MediaType.APPLICATION_JSON).build();
    }

    /** SVG only when the caller prefers it to JSON (Accept order and q-values); anything else gets JSON. */
    private static boolean wantsSvg(HttpHeaders headers) {
        MediaType svg = MediaType.valueOf(NineBoxSvg.MEDIA_TYPE);
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(svg)) {
                return true;
            }
        }
        return false;
    }
}
