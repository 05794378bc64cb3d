package id.asn.merit.merit.mapping;

import id.asn.merit.merit.domain.MeritPolicyRules;
import id.asn.merit.merit.domain.MeritPolicyRules.AxisCutoffs;
import id.asn.merit.merit.domain.MeritPolicyRules.IntegrityScores;
import id.asn.merit.merit.domain.MeritPolicyRules.Jpm;
import id.asn.merit.merit.domain.MeritPolicyRules.MeritWeights;
import id.asn.merit.merit.domain.MeritPolicyRules.PotentialWeights;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A new merit policy version: the rules of SYSTEM.md §6.4 as data, validated as a whole (weights sum to 100, the
 * high cut-off above the medium one, boxes 1..9).
 */
@Schema(name = "MeritPolicyRequest", description = "The rules of a new policy version; the rules of version 1 are required; the later ones take their defaults when absent")
public record MeritPolicyRequest(
        @NotEmpty @Schema(description = "SKP rating → performance score 0..100; all five ratings",
                example = "{\"SANGAT_BAIK\":100,\"BAIK\":80,\"BUTUH_PERBAIKAN\":60,\"KURANG\":40,\"SANGAT_KURANG\":20}")
        Map<String, @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal> performanceScores,
        @NotNull @Valid AxisCutoffs axisCutoffs,
        @NotNull @Valid PotentialWeights potentialWeights,
        @NotNull @Valid IntegrityScores integrityScores,
        @NotNull @Min(0) @Max(10) @Schema(example = "2", description = "years of disciplinary records that count") Integer disciplineLookbackYears,
        @NotNull @Valid MeritWeights meritWeights,
        @NotEmpty @Size(max = 9) @Schema(example = "[7, 8, 9]", description = "boxes 1..9 of the instansi talent pool")
        List<@NotNull @Min(1) @Max(9) Integer> talentPoolBoxes,
        @NotNull @Valid Jpm jpm,
        @NotEmpty @Schema(description = "employment type → JP required per year", example = "{\"PNS\":20,\"CPNS\":20,\"PPPK\":20}")
        Map<String, @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal> requiredJpPerYear,
        @Min(0) @Max(5) @Schema(example = "1", description = "when the profile year has no annual SKP, the latest of this many years before counts; default 1")
        Integer performanceFallbackYears,
        @Valid @Schema(description = "qualification part of potential; default meets 100, levels short 60, 30, 0") MeritPolicyRules.QualificationScores qualificationScores,
        @Min(1) @Max(10) @Schema(example = "3", description = "years a potential test counts; default 3") Integer potentialTestValidityYears,
        @Size(max = 9) @Schema(example = "[9]", description = "boxes of the national succession pool; default [9]") List<@NotNull @Min(1) @Max(9) Integer> nationalPoolBoxes,
        @Valid @Schema(description = "promotion blockers; default BAIK in the last 2 years") MeritPolicyRules.PromotionRules promotion,
        @Valid @Schema(description = "fairness reports; default four-fifths (0.8), groups of at least 5") MeritPolicyRules.FairnessRules fairness,
        @Size(min = 1, max = 10) @Schema(description = "merit index categories by lower bound; default I 100, II 175, III 250, IV 325")
        List<MeritPolicyRules.@NotNull @Valid IndexBand> meritIndexBands,
        @Schema(example = "2026-07-01", description = "the date the rules apply from; today when absent") LocalDate effectiveFrom,
        @Size(max = 1000) @Schema(example = "Keputusan Bupati 12/2026: more weight on competency") String note) {

    public MeritPolicyRules rules() {
        return new MeritPolicyRules(performanceScores, axisCutoffs, potentialWeights, integrityScores, disciplineLookbackYears,
                meritWeights, talentPoolBoxes, jpm, requiredJpPerYear, performanceFallbackYears, qualificationScores,
                potentialTestValidityYears, nationalPoolBoxes, promotion, fairness, meritIndexBands);
    }
}
