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
        Map<String, BigDecimal> requiredJpPerYear,
        Integer performanceFallbackYears,
        QualificationScores qualificationScores,
        Integer potentialTestValidityYears,
        List<Integer> nationalPoolBoxes,
        PromotionRules promotion,
        FairnessRules fairness,
        List<IndexBand> meritIndexBands) {

    /**
     * Rules added after version 1 was published (issue #9) are optional in a request and in a stored body: absent,
     * they take the defaults of SYSTEM.md §6 and the domain reference, so every version names every rule it used.
     */
    public MeritPolicyRules {
        performanceFallbackYears = performanceFallbackYears == null ? 1 : performanceFallbackYears;
        qualificationScores = qualificationScores == null ? QualificationScores.DEFAULT : qualificationScores;
        potentialTestValidityYears = potentialTestValidityYears == null ? 3 : potentialTestValidityYears;
        nationalPoolBoxes = nationalPoolBoxes == null ? List.of(9) : nationalPoolBoxes;
        promotion = promotion == null ? PromotionRules.DEFAULT : promotion;
        fairness = fairness == null ? FairnessRules.DEFAULT : fairness;
        meritIndexBands = meritIndexBands == null ? IndexBand.DEFAULTS : meritIndexBands;
    }

    /** The rules of version 1's shape; the later ones take their defaults. */
    public MeritPolicyRules(Map<String, BigDecimal> performanceScores, AxisCutoffs axisCutoffs, PotentialWeights potentialWeights,
            IntegrityScores integrityScores, Integer disciplineLookbackYears, MeritWeights meritWeights, List<Integer> talentPoolBoxes,
            Jpm jpm, Map<String, BigDecimal> requiredJpPerYear) {
        this(performanceScores, axisCutoffs, potentialWeights, integrityScores, disciplineLookbackYears, meritWeights,
                talentPoolBoxes, jpm, requiredJpPerYear, null, null, null, null, null, null, null);
    }

    /**
     * Qualification part of potential (education level against the position's minEducationLevel): {@code meets} at or
     * above the minimum, {@code levelsShort[i]} for i+1 levels short (the last entry for anything further short).
     */
    @Schema(name = "MeritQualificationScores")
    public record QualificationScores(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "100") BigDecimal meets,
            @NotEmpty @Schema(example = "[60, 30, 0]") List<@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal> levelsShort) {
        public static final QualificationScores DEFAULT = new QualificationScores(BigDecimal.valueOf(100),
                List.of(BigDecimal.valueOf(60), BigDecimal.valueOf(30), BigDecimal.ZERO));
    }

    /** Promotion blockers: an annual SKP below {@code minimumSkpRating} in any of the last {@code skpYears} years blocks. */
    @Schema(name = "MeritPromotionRules")
    public record PromotionRules(
            @NotNull @Schema(example = "BAIK") String minimumSkpRating,
            @NotNull @Min(1) @Max(5) @Schema(example = "2") Integer skpYears) {
        public static final PromotionRules DEFAULT = new PromotionRules("BAIK", 2);
    }

    /** Four-fifths rule: a group's impact ratio below the threshold is flagged; a group smaller than minGroupSize is not judged. */
    @Schema(name = "MeritFairnessRules")
    public record FairnessRules(
            @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(example = "0.8") BigDecimal impactRatioThreshold,
            @NotNull @Min(1) @Max(1000) @Schema(example = "5") Integer minGroupSize) {
        public static final FairnessRules DEFAULT = new FairnessRules(new BigDecimal("0.8"), 5);
    }

    /** One band of the merit index (100..400): a total at or above {@code from} (and below the next band) is this category. */
    @Schema(name = "MeritIndexBand")
    public record IndexBand(
            @NotNull @Schema(example = "III") String category,
            @NotNull @Schema(example = "Baik") String label,
            @NotNull @DecimalMin("100") @DecimalMax("400") @Schema(example = "250") BigDecimal from) {
        public static final List<IndexBand> DEFAULTS = List.of(
                new IndexBand("I", "Buruk", BigDecimal.valueOf(100)),
                new IndexBand("II", "Kurang", BigDecimal.valueOf(175)),
                new IndexBand("III", "Baik", BigDecimal.valueOf(250)),
                new IndexBand("IV", "Sangat Baik", BigDecimal.valueOf(325)));
    }

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
        if (performanceFallbackYears < 0 || performanceFallbackYears > 5) {
            v.add(new Violation("performanceFallbackYears", "must be 0..5"));
        }
        if (potentialTestValidityYears < 1 || potentialTestValidityYears > 10) {
            v.add(new Violation("potentialTestValidityYears", "must be 1..10"));
        }
        for (int i = 0; i < qualificationScores.levelsShort().size(); i++) {
            BigDecimal above = i == 0 ? qualificationScores.meets() : qualificationScores.levelsShort().get(i - 1);
            if (qualificationScores.levelsShort().get(i).compareTo(above) > 0) {
                v.add(new Violation("qualificationScores.levelsShort[" + i + "]", "must not be above the score for one level less short"));
            }
        }
        for (Integer box : nationalPoolBoxes) {
            if (box == null || box < 1 || box > 9) {
                v.add(new Violation("nationalPoolBoxes", "holds boxes 1..9 only"));
                break;
            }
        }
        if (!RATINGS.contains(promotion.minimumSkpRating())) {
            v.add(new Violation("promotion.minimumSkpRating", "is not an SKP rating (one of " + String.join(", ", RATINGS) + ")"));
        }
        if (meritIndexBands.isEmpty() || meritIndexBands.get(0).from().compareTo(BigDecimal.valueOf(100)) != 0) {
            v.add(new Violation("meritIndexBands", "must start at 100"));
        } else {
            for (int i = 1; i < meritIndexBands.size(); i++) {
                if (meritIndexBands.get(i).from().compareTo(meritIndexBands.get(i - 1).from()) <= 0) {
                    v.add(new Violation("meritIndexBands[" + i + "].from", "must be above the band before it"));
                }
            }
        }
        return v;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
