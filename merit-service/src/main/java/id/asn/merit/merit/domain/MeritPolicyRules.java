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
import java.util.List;
import java.util.Map;

/** The rules of a merit policy version (SYSTEM.md §6): data, validated, never constants in code. */
@Schema(name = "MeritPolicyRules")
public record MeritPolicyRules(
        @NotEmpty @Schema(example = "{\"SANGAT_BAIK\":100,\"BAIK\":80,\"BUTUH_PERBAIKAN\":60,\"KURANG\":40,\"SANGAT_KURANG\":20}")
        Map<String, @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal> performanceScores,
        @NotNull @Valid Cutoffs axisCutoffs,
        @NotNull @Valid PotentialWeights potentialWeights,
        @NotNull @Valid IntegrityScores integrityScores,
        @NotNull @Min(0) @Max(10) Integer disciplineLookbackYears,
        @NotNull @Valid MeritWeights meritWeights,
        @NotEmpty List<@NotNull @Min(1) @Max(9) Integer> talentPoolBoxes,
        @NotNull @Valid Jpm jpm,
        @NotEmpty Map<String, @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal> requiredJpPerYear) {

    public record Cutoffs(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal high,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal medium) {
    }

    public record PotentialWeights(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal competency,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal potentialTest,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal qualification,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal integrity) {
        BigDecimal sum() {
            return competency.add(potentialTest).add(qualification).add(integrity);
        }
    }

    public record IntegrityScores(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal none,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal light,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal moderateOrSevere) {
    }

    public record MeritWeights(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal performance,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal potential) {
    }

    public record Bands(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal upper,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal lower) {
    }

    public record Jpm(@NotNull Map<String, @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal> mapping,
            @NotNull Map<String, @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal> selection) {
    }

    /** Rules across fields, each problem as {field, message}; empty when consistent. */
    public List<String[]> inconsistencies() {
        List<String[]> problems = new ArrayList<>();
        if (potentialWeights.sum().compareTo(BigDecimal.valueOf(100)) != 0) {
            problems.add(new String[] {"potentialWeights", "must sum to 100, not " + potentialWeights.sum().stripTrailingZeros().toPlainString()});
        }
        if (meritWeights.performance().add(meritWeights.potential()).compareTo(BigDecimal.valueOf(100)) != 0) {
            problems.add(new String[] {"meritWeights", "must sum to 100"});
        }
        if (axisCutoffs.high().compareTo(axisCutoffs.medium()) <= 0) {
            problems.add(new String[] {"axisCutoffs.high", "must be above axisCutoffs.medium"});
        }
        for (String rating : List.of("SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG")) {
            if (!performanceScores.containsKey(rating)) {
                problems.add(new String[] {"performanceScores." + rating, "is required"});
            }
        }
        return problems;
    }
}
