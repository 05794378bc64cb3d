package id.asn.merit.competency.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One person of a gap list: their stored gap against their current position (purpose MAPPING). */
@Schema(name = "CompetencyGapListRow")
public record GapListRow(
        @Schema(example = "198503302010012001") String nip,
        @Schema(example = "Siti Rahmawati") String name,
        @Schema(example = "JF-ANALIS-KEBIJAKAN-MUDA") String positionCode,
        @Schema(example = "DINKES-SEKRE") String orgUnitCode,
        @Schema(description = "null when the person has no position or no standard", example = "86.67") BigDecimal jpm,
        @Schema(example = "CUKUP_OPTIMAL") String category,
        @Schema(example = "0.8889") BigDecimal coverage,
        Integer standardVersion,
        @Schema(enumeration = {"OWN", "TEMPLATE"}) String standardSource,
        Integer policyVersion,
        @Schema(description = "the date the stored gap is for") LocalDate computedOn) {

    public static final String CSV_HEADER = "nip,name,positionCode,orgUnitCode,jpm,category,coverage,standardVersion,standardSource,policyVersion,computedOn";

    public Object[] csv() {
        return new Object[]{nip, name, positionCode, orgUnitCode, jpm, category, coverage, standardVersion, standardSource, policyVersion, computedOn};
    }
}
