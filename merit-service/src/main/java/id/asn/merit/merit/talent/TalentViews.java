package id.asn.merit.merit.talent;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The API views of the 9-box, the talent pool and fairness reports. Fields an INTEGRATOR may not see (members,
 * exclusions) are left out of the JSON rather than sent empty, so "none" and "not for you" never look alike.
 */
public final class TalentViews {
    private TalentViews() {
    }

    @Schema(name = "MeritAxisCutoffsUsed", description = "The cut-offs of both axes: a score at or above high is HIGH, at or above medium MEDIUM, else LOW")
    public record Cutoffs(@Schema(example = "80") BigDecimal high, @Schema(example = "60") BigDecimal medium) {
    }

    @Schema(name = "MeritNineBoxMember")
    public record BoxMember(@Schema(example = "198503102010011001") String nip, @Schema(example = "Budi Santoso") String name,
            @Schema(example = "SETDA-ORG") String orgUnitCode, @Schema(example = "ANALIS-SDM") String positionCode,
            @Schema(example = "92.5") BigDecimal meritScore) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MeritNineBoxCell")
    public record Box(@Schema(example = "9") int box, @Schema(example = "HIGH") String performanceAxis,
            @Schema(example = "HIGH") String potentialAxis, @Schema(example = "12") long count,
            @Schema(description = "This page of the box's members, best merit score first (not shown to INTEGRATOR)") List<BoxMember> members) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MeritNineBox")
    public record NineBox(@Schema(example = "2026") int year, @Schema(example = "SETDA") String orgUnitCode,
            @Schema(example = "true") boolean subtree, @Schema(example = "2", description = "the newest policy version the profiles were computed with") Integer policyVersion,
            @Schema(example = "false", description = "true when the profiles were computed under more than one policy version") boolean mixedPolicyVersions,
            Cutoffs cutoffs, @Schema(example = "120") long total,
            @Schema(example = "3", description = "profiles without a box (performance or potential unknown)") long unplaced,
            List<Box> boxes, @Schema(example = "0") int page, @Schema(example = "50") int size) {
    }

    @Schema(name = "MeritTalentPoolMember")
    public record PoolMember(@Schema(example = "198503102010011001") String nip, @Schema(example = "Budi Santoso") String name,
            @Schema(example = "SETDA-ORG") String orgUnitCode, @Schema(example = "ANALIS-SDM") String positionCode,
            @Schema(example = "9") int box, @Schema(example = "92.5") BigDecimal meritScore,
            @Schema(example = "box 9 (performance HIGH × potential HIGH), merit score 92.5, no moderate or severe discipline in 2 years") String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MeritTalentPoolSection")
    public record Pool(@Schema(example = "[7, 8, 9]") List<Integer> boxes, @Schema(example = "14") long count,
            @Schema(description = "This page of the members, best merit score first (not shown to INTEGRATOR)") List<PoolMember> members) {
    }

    @Schema(name = "MeritTalentPoolExclusion")
    public record Excluded(@Schema(example = "198601012011012002") String nip, @Schema(example = "Siti Aminah") String name,
            @Schema(example = "8") int box,
            @Schema(example = "in box 8 but not eligible: MODERATE discipline decided on 2025-03-01, within the 2-year look-back") String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MeritTalentPool")
    public record TalentPool(@Schema(example = "2026") int year, @Schema(example = "SETDA") String orgUnitCode,
            @Schema(example = "true") boolean subtree, @Schema(example = "2") Integer policyVersion,
            @Schema(example = "false") boolean mixedPolicyVersions, Pool instansi, Pool national,
            @Schema(example = "1", description = "how many are excluded (not shown to INTEGRATOR: it hints at discipline)") Long excludedCount,
            @Schema(description = "Profiles in a pool box that are not eligible, with why (not shown to INTEGRATOR)") List<Excluded> excluded,
            @Schema(example = "0") int page, @Schema(example = "50") int size) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MeritFairnessGroup")
    public record Group(@Schema(example = "GENDER") String dimension, @Schema(example = "F") String group, @Schema(example = "40") int size,
            @Schema(example = "6") int selected, @Schema(example = "0.15") BigDecimal selectionRate,
            @Schema(example = "0.75", description = "selection rate over the highest rate of the groups large enough to judge") BigDecimal impactRatio,
            @Schema(example = "true") boolean flagged,
            @Schema(example = "group of 3 is smaller than 5: too small to judge") String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MeritFairnessReport")
    public record FairnessReportView(@Schema(example = "2026") int year, @Schema(example = "SETDA") String orgUnitCode,
            @Schema(example = "true") boolean subtree, @Schema(example = "TALENT_POOL") String outcome,
            @Schema(example = "0b6f3c1e-4a39-4d0e-9a55-2f1d7e2b9c10") String rankingId, @Schema(example = "2") Integer policyVersion,
            @Schema(example = "false") boolean mixedPolicyVersions,
            @Schema(example = "0.8") BigDecimal threshold, @Schema(example = "5") int minGroupSize,
            @Schema(example = "2026-12-31") LocalDate asOf, @Schema(example = "80") int population, @Schema(example = "14") int selected,
            List<Group> groups) {
    }
}
