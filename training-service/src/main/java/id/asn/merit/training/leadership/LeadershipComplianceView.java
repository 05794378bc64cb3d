package id.asn.merit.training.leadership;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/v1/leadership-training-compliance}: a page of managerial posts and the summary of all posts in scope. */
@Schema(name = "LeadershipTrainingCompliance", description = "Managerial posts in scope with their holders and whether a verified record proves "
        + "the required leadership training; summary over every post in scope")
public record LeadershipComplianceView(List<Post> items, int page, int size, long total, Summary summary) {

    @Schema(name = "LeadershipTrainingPost")
    public record Post(@Schema(example = "PMPTSP-KABID-PERIZINAN") String positionCode,
            @Schema(example = "Kepala Bidang Perizinan") String title,
            @Schema(enumeration = {"PENGAWAS", "ADMINISTRATOR", "JPT_PRATAMA", "JPT_MADYA"}) String type,
            @Schema(example = "PMPTSP-PERIZINAN") String orgUnitCode,
            @Schema(enumeration = {"PKP", "PKA", "PKN_II", "PKN_I"}, description = "the position's requiredLeadershipTraining, else by its type") String requiredTraining,
            @Schema(description = "no active employee holds the post") boolean vacant,
            @Schema(description = "a holder of the post has the required training (or a higher one)") boolean held,
            List<Holder> holders) {
    }

    @Schema(name = "LeadershipTrainingHolder")
    public record Holder(@Schema(example = "198503302010012001") String nip, @Schema(example = "Maria Kambuaya") String name,
            @Schema(description = "a VERIFIED record of the person has the required leadership level or a higher one") boolean held,
            @Schema(nullable = true, description = "the record that proves it (the latest by end date), null when not held") Evidence evidence) {
    }

    @Schema(name = "LeadershipTrainingEvidence")
    public record Evidence(UUID recordId, @Schema(example = "Pelatihan Kepemimpinan Administrator Angkatan II") String title,
            LocalDate endDate, @Schema(enumeration = {"PKP", "PKA", "PKN_II", "PKN_I"}) String leadershipLevel) {
    }

    @Schema(name = "LeadershipTrainingSummary")
    public record Summary(@Schema(description = "managerial posts in scope") long posts, long filled, long vacant,
            @Schema(description = "holders who have the required training") long holdersWithTraining,
            @Schema(description = "holders who do not") long holdersWithout,
            @Schema(description = "share of filled posts with a holder who has it, in percent, 2 decimals; 0 when none is filled", example = "62.50")
            BigDecimal percentHeld) {
    }
}
