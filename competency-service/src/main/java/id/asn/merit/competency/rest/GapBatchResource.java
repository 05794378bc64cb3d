package id.asn.merit.competency.rest;

import id.asn.merit.competency.domain.AssessmentPurpose;
import id.asn.merit.competency.service.Gaps;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

import static id.asn.merit.competency.rest.CompetencyExamples.FORBIDDEN;
import static id.asn.merit.competency.rest.CompetencyExamples.UNAUTHENTICATED;
import static id.asn.merit.competency.rest.GapExamples.*;

/** {@code POST /api/v1/competency-gaps:batch}: many people against one position, for promotion rankings. */
@Path("/api/v1/competency-gaps:batch")
@Authenticated
@Tag(name = "Competency gaps")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GapBatchResource {
    @Inject
    Gaps gaps;

    @Schema(name = "CompetencyGapBatchRequest")
    public record BatchRequest(
            @Schema(description = "the target position", example = "JPT-KADIS-DINKES", required = true) String positionCode,
            @Schema(description = "up to 500 NIPs", required = true) List<String> nips,
            @Schema(description = "the category family (default SELECTION)", enumeration = {"MAPPING", "SELECTION"}) String purpose,
            @Schema(description = "the date (default today)", format = "date", example = "2026-12-01") String on) {
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "batchCompetencyGaps", summary = "The gaps of many people against one position",
            description = "Each person's gap and JPM against the named position's standard in force (own or template), computed as for one "
                    + "person, in the order the NIPs were given (duplicates once). Used by merit-service's promotion ranking.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchRequest.class),
            examples = @ExampleObject(name = "two candidates", value = BATCH_REQUEST)))
    @APIResponse(responseCode = "200", description = "One gap per NIP", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "batch", value = BATCH)))
    @APIResponse(responseCode = "400", description = "Invalid input, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = BAD_PARAM)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The token's roles do not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
    @APIResponse(responseCode = "422", description = "The position is unknown", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown position", value = NO_POSITION)))
    public Gaps.Batch batch(@NotNull BatchRequest request) {
        return gaps.batch(request.positionCode(), request.nips(),
                QueryParams.enumValue(AssessmentPurpose.class, "purpose", request.purpose()), RequestParams.date("on", request.on()));
    }
}
