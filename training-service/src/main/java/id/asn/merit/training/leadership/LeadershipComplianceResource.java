package id.asn.merit.training.leadership;

import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.CsvWriter;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.training.rest.BooleanParam;
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

@Path("/api/v1/leadership-training-compliance")
@Tag(name = "Leadership-training compliance", description = "Managerial posts and whether their holders have the required leadership training")
@SecurityRequirement(name = "jwt")
public class LeadershipComplianceResource {
    static final String CSV = "text/csv";

    @Inject
    LeadershipCompliance compliance;
    @Inject
    PersonAccess access;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.INTEGRATOR})
    @Operation(operationId = "getLeadershipTrainingCompliance", summary = "Managerial posts with their holders and the required leadership training",
            description = "Every managerial post (PENGAWAS, ADMINISTRATOR, JPT_PRATAMA, JPT_MADYA; not closed) whose unit is in scope, by code, with the "
                    + "required training (the position's requiredLeadershipTraining, else PKP, PKA, PKN_II, PKN_I by type), its active holders "
                    + "(none = vacant) and, per holder, whether a VERIFIED record has that leadership level or a higher one (PKP < PKA < PKN_II < "
                    + "PKN_I), with the proving record. The summary covers every post in scope: percentHeld is the share of filled posts with a "
                    + "holder who has it. ADMIN, HR_OFFICER and INTEGRATOR any unit (default everyone); a UNIT_HEAD their own subtree (the "
                    + "default; a unit outside it is a 404). Accept: text/csv gives one line per post and holder.")
    @APIResponse(responseCode = "200", description = "{items, page, size, total, summary}, or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadershipComplianceView.class),
                    examples = @ExampleObject(name = "unit", value = EXAMPLE)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE))})
    @APIResponse(responseCode = "400", description = "A bad parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad subtree", value = BAD_PARAM)))
    @APIResponse(responseCode = "404", description = "No such unit, or one outside the caller's subtree", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public Response get(
            @QueryParam("orgUnit") @Parameter(description = "the unit (default: everyone, or a UNIT_HEAD's own unit)", example = "PMPTSP") String orgUnit,
            @QueryParam("subtree") @Parameter(description = "include the units below orgUnit (default false; a UNIT_HEAD without orgUnit gets their subtree)",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String subtree,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size,
            @Context HttpHeaders headers) {
        PageRequest paging = PageRequest.parse(page, size);
        boolean sub = BooleanParam.parse("subtree", subtree);
        String unit = orgUnit == null || orgUnit.isBlank() ? null : orgUnit.trim();
        PersonAccess.Scope scope = access.listScope(unit, sub, Roles.INTEGRATOR);
        if (wantsCsv(headers)) {
            return Response.ok(CsvWriter.write(LeadershipCompliance.CSV_HEADER, LeadershipCompliance.csvRows(compliance.all(scope))),
                    CSV + "; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"leadership-training-compliance.csv\"").build();
        }
        return Response.ok(compliance.report(scope, paging), MediaType.APPLICATION_JSON).build();
    }

    static boolean wantsCsv(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(m -> m.getType().equals("text") && m.getSubtype().equals("csv")).orElse(false);
    }

    static final String EXAMPLE = """
            {"items":[{"positionCode":"PMPTSP-KABID-PERIZINAN","title":"Kepala Bidang Perizinan","type":"ADMINISTRATOR",
              "orgUnitCode":"PMPTSP-PERIZINAN","requiredTraining":"PKA","vacant":false,"held":true,
              "holders":[{"nip":"198503302010012001","name":"Maria Kambuaya","held":true,
                "evidence":{"recordId":"0b6f7c1e-3d2a-4f55-9a61-6f1f3c9e2a10","title":"Pelatihan Kepemimpinan Administrator Angkatan II",
                "endDate":"2024-09-20","leadershipLevel":"PKA"}}]},
             {"positionCode":"PMPTSP-KASI-PELAYANAN","title":"Kepala Seksi Pelayanan","type":"PENGAWAS","orgUnitCode":"PMPTSP-PERIZINAN",
              "requiredTraining":"PKP","vacant":true,"held":false,"holders":[]}],
             "page":0,"size":50,"total":2,
             "summary":{"posts":2,"filled":1,"vacant":1,"holdersWithTraining":1,"holdersWithout":0,"percentHeld":100.00}}""";
    static final String CSV_EXAMPLE = """
            positionCode,title,type,orgUnitCode,requiredTraining,nip,name,held,evidenceRecordId,evidenceTitle,evidenceEndDate,evidenceLevel
            PMPTSP-KABID-PERIZINAN,Kepala Bidang Perizinan,ADMINISTRATOR,PMPTSP-PERIZINAN,PKA,198503302010012001,Maria Kambuaya,true,0b6f7c1e-3d2a-4f55-9a61-6f1f3c9e2a10,Pelatihan Kepemimpinan Administrator Angkatan II,2024-09-20,PKA
            PMPTSP-KASI-PELAYANAN,Kepala Seksi Pelayanan,PENGAWAS,PMPTSP-PERIZINAN,PKP,,,false,,,,
            """;
    static final String BAD_PARAM = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"subtree: must be true or false",
             "instance":"/api/v1/leadership-training-compliance","errors":[{"field":"subtree","message":"must be true or false"}]}""";
    static final String NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"org unit DINKES does not exist",
             "instance":"/api/v1/leadership-training-compliance"}""";
}
