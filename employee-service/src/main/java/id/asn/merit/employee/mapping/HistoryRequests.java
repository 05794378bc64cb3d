package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.Appraisal;
import id.asn.merit.employee.domain.Assignment;
import id.asn.merit.employee.domain.DisciplineLevel;
import id.asn.merit.employee.domain.EducationLevel;
import id.asn.merit.employee.domain.RatingPeriod;
import id.asn.merit.employee.domain.SkpRating;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The bodies of the history endpoints under /api/v1/employees/{nip}. */
public final class HistoryRequests {
    private HistoryRequests() {
    }

    @Schema(name = "PlacementRequest")
    public record PlacementRequest(@NotBlank @Schema(example = "PMPTSP-KABID-PERIZINAN") String positionCode,
            @NotNull @Schema(example = "2024-01-02") LocalDate effectiveDate,
            @Schema(description = "defaults to DEFINITIF") Assignment assignment,
            @Size(max = 100) @Schema(example = "821.2/45/BKPSDM/2024") String decreeNumber) {
    }

    @Schema(name = "RankRequest")
    public record RankRequest(@NotBlank @Schema(example = "III/c") String rank,
            @NotNull @Schema(example = "2024-04-01", description = "TMT of the rank") LocalDate effectiveDate,
            @Size(max = 100) String decreeNumber) {
    }

    @Schema(name = "EducationRequest")
    public record EducationRequest(@NotNull EducationLevel level, @Size(max = 200) String field,
            @Size(max = 300) String institution, @NotNull @PastOrPresent LocalDate graduatedOn) {
    }

    @Schema(name = "PerformanceRatingRequest", description = "rating is derived from workResult × workBehaviour (PermenPANRB 6/2022); a rater may override it with a reason")
    public record PerformanceRatingRequest(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull RatingPeriod period,
            @NotNull Appraisal workResult, @NotNull Appraisal workBehaviour,
            @Schema(description = "only to override the derived rating; needs overrideReason") SkpRating rating,
            @Size(max = 1000) String overrideReason) {
    }

    @Schema(name = "DisciplinaryRecordRequest")
    public record DisciplinaryRecordRequest(@NotNull DisciplineLevel level, @NotNull @PastOrPresent LocalDate decidedOn,
            @Size(max = 2000) String description) {
    }
}
