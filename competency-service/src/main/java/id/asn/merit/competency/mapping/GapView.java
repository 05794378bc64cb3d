package id.asn.merit.competency.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A person's gap against one position standard on one date, with everything needed to explain it: the items, the
 * standard's version and source, the assessments used and the policy version (SYSTEM.md §3, §6.1).
 */
@Schema(name = "CompetencyGap")
public record GapView(
        @Schema(example = "198503302010012001") String nip,
        @Schema(description = "the position compared against", example = "JF-ANALIS-KEBIJAKAN-MUDA") String positionCode,
        @Schema(description = "true when the position is not the person's current one (a target position)") boolean targetPosition,
        @Schema(description = "the date the match is for", example = "2026-12-01") LocalDate on,
        @Schema(description = "the category family used", enumeration = {"MAPPING", "SELECTION"}) String purpose,
        List<Item> items,
        @Schema(description = "job-person match, percent 0..100, null when the standard has no items", example = "86.67") BigDecimal jpm,
        @Schema(description = "category of jpm for the purpose", enumeration = {"OPTIMAL", "CUKUP_OPTIMAL", "KURANG_OPTIMAL",
                "MEMENUHI_SYARAT", "MASIH_MEMENUHI_SYARAT", "KURANG_MEMENUHI_SYARAT"}) String category,
        @Schema(description = "share of required competencies with a valid score, 0..1", example = "0.8889") BigDecimal coverage,
        @Schema(description = "the version of the standard (or of the template when standardSource is TEMPLATE)", example = "2") int standardVersion,
        @Schema(enumeration = {"OWN", "TEMPLATE"}) String standardSource,
        @Schema(description = "the own standard's effective date; null for a template") LocalDate standardEffectiveFrom,
        @Schema(description = "the assessments whose scores counted") List<String> assessmentIds,
        @Schema(description = "the gap policy version applied", example = "1") int policyVersion,
        OffsetDateTime computedAt) {

    @Schema(name = "CompetencyGapItem")
    public record Item(
            @Schema(example = "M.1") String competencyCode,
            @Schema(example = "Integritas") String name,
            @Schema(description = "required level 1..5", example = "3") int required,
            @Schema(description = "the level that counted, null when not assessed", example = "2.5") BigDecimal actual,
            @Schema(description = "actual − required; negative is a development need; null when not assessed", example = "-0.5") BigDecimal gap,
            @Schema(description = "actual / required, 0 when not assessed", example = "0.8333") BigDecimal ratio,
            @Schema(enumeration = {"MUTLAK", "PENTING", "PERLU"}) String importance,
            boolean notAssessed,
            @Schema(description = "the assessment the level comes from") String assessmentId) {
    }
}
