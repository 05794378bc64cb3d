package id.asn.merit.merit.promotion;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to rank: the target position, the scope of candidates and the merit year whose data decide. */
@Schema(name = "MeritPromotionRankingRequest")
public record PromotionRankingRequest(
        @Schema(description = "the position to be filled (known to merit-service from asn.org.v1)", example = "ADM-KABID-YANKES", required = true)
        String targetPositionCode,
        @Schema(description = "the unit whose people are candidates (default: everyone)", example = "DINKES") String orgUnit,
        @Schema(description = "include the unit's subtree (default true)", example = "true") Boolean subtree,
        @Schema(description = "the merit year: SKP, JP and merit scores of this year decide (2000 .. next year)", example = "2026", required = true)
        Integer year,
        @Schema(description = "waive a missing leadership training (the one waivable blocker; default false)", example = "false")
        Boolean waiveLeadershipTraining) {
}
