package id.asn.merit.merit.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of one merit policy version (SYSTEM.md §6.4, with the JPM bands of §6.1 and the JP requirement of
 * §6.3): data, validated, never constants in code. Per-field ranges are Bean Validation constraints; the rules
 * that span fields are in {@link #violations()}.
 */
public record MeritPolicyRules(
        Map<String, BigDecimal> performanceScores,
        AxisCutoffs axisCutoffs,
        PotentialWeights potentialWeights,
        IntegrityScores integrityScores,
        Integer disciplineLookbackYears,
        MeritWeights meritWeights,
        List<Integer> talentPoolBoxes,
        Jpm jpm,
        Map<String, BigDecimal> requiredJpPerYear) {

    /** The SKP ratings of PermenPANRB 6/2022, best first; each needs a performance score. */
    public static final List<String> RATINGS = List.of("SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG");
    /** The employment types that need a yearly JP requirement. */
    public static final List<String> EMPLOYMENT_TYPES = List.of("PNS", "CPNS", "PPPK");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A score at or above {@code high} is HIGH, at or above {@code medium} MEDIUM, else LOW (both axes). */
    @Schema(name = "MeritAxisCutoffs")
    public record AxisCutoffs(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "80") BigDecimal high,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "60") BigDecimal medium) {
    }

    /** Percent weights of the potential parts; they sum to 100. */
    @Schema(name = "MeritPotentialWeights")
    public record PotentialWeights(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "40") BigDecimal competency,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "25") BigDecimal potentialTest,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "20") BigDecimal qualification,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "15") BigDecimal integrity) {

        public BigDecimal sum() {
            return competency.add(potentialTest).add(qualification).add(integrity);
        }

        /** Part name → weight, in the order of the potential parts. */
        public Map<String, Double> asMap() {
            Map<String, Double> weights = new java.util.LinkedHashMap<>();
            weights.put(PotentialScore.COMPETENCY, competency.doubleValue());
            weights.put(PotentialScore.POTENTIAL_TEST, potentialTest.doubleValue());
            weights.put(PotentialScore.QUALIFICATION, qualification.doubleValue());
            weights.put(PotentialScore.INTEGRITY, integrity.doubleValue());
            return weights;
        }
    }

    /** Integrity part of potential by the worst discipline within the look-back window. */
    @Schema(name = "MeritIntegrityScores")
    public record IntegrityScores(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "100") BigDecimal none,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "50") BigDecimal light,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "0") BigDecimal moderateOrSevere) {
    }

    /** Percent weights of the merit score; they sum to 100. */
    @Schema(name = "MeritWeights")
    public record MeritWeights(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "50") BigDecimal performance,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "50") BigDecimal potential) {
    }

    /** JPM category bands (SYSTEM.md §6.1) by assessment purpose. */
    @Schema(name = "MeritJpmBands")
    public record Jpm(@NotNull @Valid MappingBands mapping, @NotNull @Valid SelectionBands selection) {
    }

    /** Purpose MAPPING: OPTIMAL at or above {@code optimal}, CUKUP_OPTIMAL at or above {@code cukupOptimal}. */
    @Schema(name = "MeritJpmMappingBands")
    public record MappingBands(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "90") BigDecimal optimal,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "78") BigDecimal cukupOptimal) {
    }

    /** Purpose SELECTION: MEMENUHI_SYARAT at or above {@code memenuhiSyarat}, MASIH_MEMENUHI_SYARAT at or above the other. */
    @Schema(name = "MeritJpmSelectionBands")
    public record SelectionBands(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "80") BigDecimal memenuhiSyarat,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "68") BigDecimal masihMemenuhiSyarat) {
    }

    /** One rule the policy breaks: the field (JSON path) and why. */
    public record Violation(String field, String message) {
    }

    /** The rules that span fields; empty when the policy is consistent. Assumes the per-field constraints hold. */
    public List<Violation> violations() {
        List<Violation> v = new ArrayList<>();
        for (String rating : RATINGS) {
            if (!performanceScores.containsKey(rating)) {
                v.add(new Violation("performanceScores." + rating, "is required"));
            }
        }
        for (String key : performanceScores.keySet()) {
            if (!RATINGS.contains(key)) {
                v.add(new Violation("performanceScores." + key, "is not an SKP rating (one of " + String.join(", ", RATINGS) + ")"));
            }
        }
        if (v.isEmpty()) {
            for (int i = 1; i < RATINGS.size(); i++) {
                if (performanceScores.get(RATINGS.get(i)).compareTo(performanceScores.get(RATINGS.get(i - 1))) > 0) {
                    v.add(new Violation("performanceScores." + RATINGS.get(i), "must not be above the score of " + RATINGS.get(i - 1)));
                }
            }
        }
        if (axisCutoffs.high().compareTo(axisCutoffs.medium()) <= 0) {
            v.add(new Violation("axisCutoffs", "high (" + plain(axisCutoffs.high()) + ") must be above medium (" + plain(axisCutoffs.medium()) + ")"));
        }
        if (potentialWeights.sum().compareTo(HUNDRED) != 0) {
            v.add(new Violation("potentialWeights", "must sum to 100, not " + plain(potentialWeights.sum())));
        }
        BigDecimal meritSum = meritWeights.performance().add(meritWeights.potential());
        if (meritSum.compareTo(HUNDRED) != 0) {
            v.add(new Violation("meritWeights", "must sum to 100, not " + plain(meritSum)));
        }
        if (integrityScores.none().compareTo(integrityScores.light()) < 0
                || integrityScores.light().compareTo(integrityScores.moderateOrSevere()) < 0) {
            v.add(new Violation("integrityScores", "must not rise with the severity of discipline (none ≥ light ≥ moderateOrSevere)"));
        }
        Set<Integer> boxes = new HashSet<>(talentPoolBoxes);
        if (boxes.size() != talentPoolBoxes.size()) {
            v.add(new Violation("talentPoolBoxes", "must not repeat a box"));
        }
        if (jpm.mapping().optimal().compareTo(jpm.mapping().cukupOptimal()) <= 0) {
            v.add(new Violation("jpm.mapping", "optimal must be above cukupOptimal"));
        }
        if (jpm.selection().memenuhiSyarat().compareTo(jpm.selection().masihMemenuhiSyarat()) <= 0) {
            v.add(new Violation("jpm.selection", "memenuhiSyarat must be above masihMemenuhiSyarat"));
        }
        for (String type : EMPLOYMENT_TYPES) {
            if (!requiredJpPerYear.containsKey(type)) {
                v.add(new Violation("requiredJpPerYear." + type, "is required"));
            }
        }
        for (String key : requiredJpPerYear.keySet()) {
            if (!EMPLOYMENT_TYPES.contains(key)) {
                v.add(new Violation("requiredJpPerYear." + key, "is not an employment type (one of " + String.join(", ", EMPLOYMENT_TYPES) + ")"));
            }
        }
        return v;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
