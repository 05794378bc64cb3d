package id.asn.merit.merit.promotion;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One stored ranking in a list: what it ranked and how many came out eligible (the whole body at its id). */
@Schema(name = "MeritPromotionRankingSummary")
public record PromotionRankingSummary(
        UUID id,
        @Schema(example = "ADM-KABID-YANKES") String targetPositionCode,
        @Schema(example = "DINKES") String orgUnitCode,
        boolean subtree,
        @Schema(example = "2026") int year,
        @Schema(example = "1") int policyVersion,
        @Schema(example = "42") int candidates,
        @Schema(example = "17") int eligible,
        @Schema(example = "hr.officer@asn.local") String requestedBy,
        OffsetDateTime computedAt) {
}
