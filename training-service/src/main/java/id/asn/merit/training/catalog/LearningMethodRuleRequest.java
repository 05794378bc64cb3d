package id.asn.merit.training.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * The JP rule of a learning method as ADMIN replaces it: a null cap means unlimited (the JP stated on the record
 * counts); {@code countsAsLeadership} and {@code name} keep their value when absent. The SIASN jenisDiklat id, name
 * and certificate type are not changed here.
 */
@Schema(name = "LearningMethodRuleRequest", description = "The caps of a learning method (null = unlimited, else > 0, at most 2 decimals), "
        + "a note on where the rule comes from, whether records of the method can prove a leadership training, and optionally a new name")
public record LearningMethodRuleRequest(
        @Schema(example = "2", minimum = "0", exclusiveMinimum = true, maximum = "9999.99") BigDecimal maxJpPerRecord,
        @Schema(example = "4", nullable = true) BigDecimal maxJpPerDay,
        @Schema(example = "40", nullable = true) BigDecimal maxJpPerYear,
        @Schema(maxLength = 500, example = "mentoring: 2 JP per session, at most 40 JP a year (Peraturan Bupati 12/2025)") String ruleNote,
        @Schema(description = "records of this method can prove a leadership training (PKP, PKA, PKN II, PKN I); absent = unchanged") Boolean countsAsLeadership,
        @Schema(maxLength = 200, description = "absent = unchanged", example = "Mentoring") String name) {
}
