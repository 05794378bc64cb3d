package id.asn.merit.merit.promotion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A promotion ranking as decided and stored (the whole body, never recomputed): who was considered for the target,
 * why each one is or is not eligible, and the order, with the policy and competency standard versions used.
 */
@Schema(name = "MeritPromotionRanking")
public record PromotionRankingView(
        UUID id,
        @Schema(example = "ADM-KABID-YANKES") String targetPositionCode,
        @Schema(example = "Kepala Bidang Pelayanan Kesehatan") String targetPositionTitle,
        @Schema(example = "ADMINISTRATOR") String targetPositionType,
        @Schema(description = "the scope's unit; absent for everyone", example = "DINKES") String orgUnitCode,
        boolean subtree,
        @Schema(example = "2026") int year,
        @Schema(description = "the day the discipline window and the JPM are taken at", example = "2026-12-01") LocalDate asOf,
        boolean waiveLeadershipTraining,
        @Schema(description = "the merit policy version whose rules decided", example = "1") int policyVersion,
        @Schema(description = "competency-service's standard version the JPM was computed against; absent with no candidates", example = "2")
        Integer competencyStandardVersion,
        @Schema(description = "OWN or TEMPLATE", example = "OWN") String competencyStandardSource,
        OffsetDateTime computedAt,
        @Schema(description = "every candidate in scope, eligible first, in rank order") List<Candidate> candidates) {

    @Schema(name = "MeritPromotionCandidate")
    public record Candidate(
            @Schema(example = "198503302010012001") String nip,
            @Schema(example = "Siti Rahmawati") String name,
            @Schema(description = "true when no blocker stands (a waived one does not)") boolean eligible,
            List<Blocker> blockers,
            @Schema(description = "job-person match against the target, percent, from competency-service; absent when it has none",
                    example = "86.67") Double jpmForTarget,
            @Schema(description = "the SELECTION category of that match", example = "MEMENUHI_SYARAT") String jpmCategory,
            @Schema(description = "the merit score of the year's profile; absent when there is no profile", example = "78.5") Double meritScore,
            @Schema(description = "golongan/ruang held", example = "III/d") String currentRank,
            @Schema(description = "TMT of that rank: the earlier, the longer in rank (the first tie-break)", example = "2021-04-01") LocalDate rankSince,
            @Schema(description = "1 .. N", example = "1") int rank) {
    }

    @Schema(name = "MeritPromotionBlocker")
    public record Blocker(
            @Schema(enumeration = {"DISCIPLINE", "SKP_BELOW_MINIMUM", "JP_NOT_MET", "RANK_BELOW_MINIMUM", "LEADERSHIP_TRAINING_MISSING"})
            String rule,
            @Schema(description = "the facts behind it, in words", example = "annual SKP 2025 is BUTUH_PERBAIKAN, below BAIK") String evidence,
            @Schema(description = "whether the ranking may waive it (only a missing leadership training)") boolean waivable,
            @Schema(description = "whether this ranking waived it") boolean waived) {
    }

    @JsonIgnore
    public int eligibleCount() {
        return (int) candidates.stream().filter(Candidate::eligible).count();
    }
}
