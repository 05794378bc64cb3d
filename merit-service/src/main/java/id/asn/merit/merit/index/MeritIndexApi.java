package id.asn.merit.merit.index;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The API model of the merit index self-assessment. An assessment's view is also what is stored (its body), so an
 * assessment keeps the indicator names and weights it was opened with when an ADMIN later edits the definitions.
 */
public final class MeritIndexApi {
    private MeritIndexApi() {
    }

    public static final String DRAFT = "DRAFT";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String VERIFIED = "VERIFIED";
    public static final String RETURNED = "RETURNED";

    @Schema(name = "MeritIndexAssessmentRequest", description = "Opens the self-assessment of an instansi (its root unit) for a year")
    public record CreateRequest(
            @Schema(example = "2026", required = true, minimum = "2000", maximum = "2100") Integer year,
            @Schema(example = "KAB-SORONG", required = true, description = "the instansi's root unit (parentCode null); any known unit is accepted, its subtree is measured") String orgUnitCode) {
    }

    @Schema(name = "MeritIndexScoreRequest", description = "The institution's score of one indicator, with its evidence (bukti dukung)")
    public record ScoreRequest(
            @Schema(type = SchemaType.INTEGER, example = "3", required = true, minimum = "1", maximum = "4") BigDecimal score,
            @Schema(example = "Analisis jabatan 2025 signed by the Bupati, Perbup 14/2025", maxLength = 4000,
                    description = "absent: the evidence already recorded stays") String evidence) {
    }

    @Schema(name = "MeritIndexVerificationRequest")
    public record VerificationRequest(
            @Schema(example = "VERIFIED", required = true, enumeration = {"VERIFIED", "RETURNED"}) String decision,
            @Schema(example = "Evidence checked against the documents", maxLength = 2000) String note) {
    }

    /** What the suite measured for an indicator: numerator of denominator, the share in percent and the cut-offs used. */
    @Schema(name = "MeritIndexMeasurement")
    public record Measured(
            @Schema(example = "412") long numerator,
            @Schema(example = "530") long denominator,
            @Schema(example = "77.7", description = "percent, 1 decimal; absent when the denominator is 0") BigDecimal share,
            @Schema(example = "[25, 50, 75]", description = "share < t1 scores 1, < t2 2, < t3 3, else 4") List<BigDecimal> scoreThresholds) {
    }

    @Schema(name = "MeritIndexAssessmentIndicator")
    public record Indicator(
            @Schema(example = "3.3") String code,
            @Schema(example = "Employees with at least 20 JP of development last year (pengembangan kompetensi 20 JP)") String name,
            @Schema(example = "4") BigDecimal weight,
            @Schema(example = "4", minimum = "1", maximum = "4", description = "absent until scored") Integer score,
            @Schema(example = "412 of 530 active employees (77.7 %) had ≥ 20 JP recognised in 2025") String evidence,
            @Schema(description = "true while the score is the suite's own measurement (an entered score makes it false)") boolean prefilled,
            @Schema(example = "JP_20_LAST_YEAR", description = "what the suite measures it from; absent: scored by the institution") String measure,
            Measured measured,
            @Schema(example = "hr-officer") String scoredBy,
            OffsetDateTime scoredAt) {

        Indicator scored(Integer newScore, String newEvidence, boolean byMeasurement, Measured newMeasured, String by, OffsetDateTime at) {
            return new Indicator(code, name, weight, newScore, newEvidence, byMeasurement, measure, newMeasured, by, at);
        }
    }

    @Schema(name = "MeritIndexAspect")
    public record Aspect(
            @Schema(example = "3") String code,
            @Schema(example = "Pengembangan karier") String name,
            @Schema(example = "64", description = "subtotal: Σ weight × score of its scored indicators") BigDecimal score,
            List<Indicator> indicators) {
    }

    @Schema(name = "MeritIndexAssessment")
    public record AssessmentView(
            UUID id,
            @Schema(example = "2026") int year,
            @Schema(example = "KAB-SORONG") String orgUnitCode,
            @Schema(example = "DRAFT", enumeration = {"DRAFT", "SUBMITTED", "VERIFIED"}) String status,
            @Schema(example = "1", description = "the merit policy whose band table gives the category") int policyVersion,
            @Schema(example = "1", description = "also the ETag; send it as If-Match") long version,
            @Schema(example = "2026-08-17", description = "the day the pre-filled shares were measured as of") LocalDate asOf,
            List<Aspect> aspects,
            @Schema(example = "312", description = "Σ weight × score over the scored indicators; 100..400 once complete") BigDecimal total,
            @Schema(example = "III", description = "only once every indicator is scored") String category,
            @Schema(example = "Baik") String categoryLabel,
            boolean complete,
            @Schema(example = "25") int indicatorCount,
            @Schema(example = "25") int scoredCount,
            @Schema(example = "hr-officer") String createdBy,
            OffsetDateTime createdAt,
            String submittedBy,
            OffsetDateTime submittedAt,
            String verifiedBy,
            OffsetDateTime verifiedAt,
            String verificationNote,
            String returnedBy,
            OffsetDateTime returnedAt,
            String returnNote) {
    }

    /** A change of one indicator definition; an absent field stays as it is. */
    @Schema(name = "MeritIndexIndicatorRequest")
    public record IndicatorRequest(
            @Schema(example = "3.3", description = "in a batch: the indicator (a new code adds one); on PUT .../indicators/{code} the path names it") String code,
            @Schema(example = "3", description = "only for a new indicator: the aspect (1..8) it belongs to") String aspectCode,
            @Schema(example = "Employees with at least 20 JP of development last year") String name,
            @Schema(example = "Share of active employees whose recognised JP reached their requirement") String description,
            @Schema(example = "5", minimum = "0", maximum = "100") BigDecimal weight,
            @Schema(example = "true") Boolean active,
            @Schema(example = "JP_20_LAST_YEAR", enumeration = {"JP_20_LAST_YEAR", "POSITIONS_WITH_OWN_STANDARD", "ASSESSED_LAST_3_YEARS",
                    "MANAGERIAL_WITH_LEADERSHIP_TRAINING", ""}, description = "an empty string makes it an indicator the institution scores") String measure,
            @Schema(example = "[25, 50, 75]") List<BigDecimal> scoreThresholds,
            @Schema(example = "330") Integer sortOrder,
            @Schema(example = "1", description = "in a batch: the version read (a stale one is a 412); on the single PUT use If-Match") Long version) {
    }

    @Schema(name = "MeritIndexIndicatorBatchRequest", description = "Several indicator changes at once (re-weighting): the active weights after all of them must sum to 100")
    public record IndicatorBatchRequest(List<IndicatorRequest> items) {
    }

    @Schema(name = "MeritIndexIndicatorDefinition")
    public record IndicatorView(
            @Schema(example = "3.3") String code,
            @Schema(example = "3") String aspectCode,
            @Schema(example = "Pengembangan karier") String aspectName,
            @Schema(example = "Employees with at least 20 JP of development last year (pengembangan kompetensi 20 JP)") String name,
            String description,
            @Schema(example = "4") BigDecimal weight,
            @Schema(example = "JP_20_LAST_YEAR") String measure,
            @Schema(example = "[25, 50, 75]") List<BigDecimal> scoreThresholds,
            @Schema(example = "330") int sortOrder,
            boolean active,
            @Schema(example = "1") long version,
            @Schema(example = "system") String updatedBy,
            OffsetDateTime updatedAt) {
    }
}
