package id.asn.merit.merit.mapping;

import id.asn.merit.merit.domain.MeritPolicyRules;
import id.asn.merit.merit.domain.MeritPolicyRules.AxisCutoffs;
import id.asn.merit.merit.domain.MeritPolicyRules.IntegrityScores;
import id.asn.merit.merit.domain.MeritPolicyRules.Jpm;
import id.asn.merit.merit.domain.MeritPolicyRules.MeritWeights;
import id.asn.merit.merit.domain.MeritPolicyRules.PotentialWeights;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A published merit policy version; {@code version} is also its ETag. */
@Schema(name = "MeritPolicy")
public record MeritPolicyView(
        @Schema(example = "2") int version,
        @Schema(example = "2026-07-01") LocalDate effectiveFrom,
        @Schema(example = "Keputusan Bupati 12/2026: more weight on competency") String note,
        @Schema(example = "admin") String publishedBy,
        OffsetDateTime publishedAt,
        Map<String, BigDecimal> performanceScores,
        AxisCutoffs axisCutoffs,
        PotentialWeights potentialWeights,
        IntegrityScores integrityScores,
        int disciplineLookbackYears,
        MeritWeights meritWeights,
        List<Integer> talentPoolBoxes,
        Jpm jpm,
        Map<String, BigDecimal> requiredJpPerYear,
        int performanceFallbackYears,
        MeritPolicyRules.QualificationScores qualificationScores,
        int potentialTestValidityYears,
        List<Integer> nationalPoolBoxes,
        MeritPolicyRules.PromotionRules promotion,
        MeritPolicyRules.FairnessRules fairness,
        List<MeritPolicyRules.IndexBand> meritIndexBands) {
}
