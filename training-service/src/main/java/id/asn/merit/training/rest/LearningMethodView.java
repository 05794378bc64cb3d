package id.asn.merit.training.rest;

import id.asn.merit.training.domain.LearningMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * A learning method as read. The caps are shown flat (the shape PUT takes, so what is read can be sent back) and, as
 * before, grouped in {@code jpRule}.
 */
@Schema(name = "LearningMethod", description = "A jalur pengembangan kompetensi with its JP recognition rule; a null cap means the JP stated on the record counts")
public record LearningMethodView(@Schema(example = "NKL02") String code, @Schema(example = "Mentoring") String name,
        @Schema(enumeration = {"KLASIKAL", "NONKLASIKAL"}) String pathway,
        @Schema(description = "SIASN jenisDiklat id", example = "15") Integer siasnId,
        @Schema(description = "SIASN jenisDiklat name", example = "Mentoring") String siasnName,
        @Schema(description = "SIASN jenisKursusSertifikat T, F or P", example = "T") String certificateType,
        @Schema(description = "records of this method can prove a leadership training (PKP, PKA, PKN II, PKN I)") boolean countsAsLeadership,
        @Schema(example = "2") BigDecimal maxJpPerRecord, BigDecimal maxJpPerDay, BigDecimal maxJpPerYear, String ruleNote,
        @Schema(description = "the version of the caps; each change of a cap is a new one (GET .../rules)", example = "1") int ruleVersion,
        JpRule jpRule,
        @Schema(description = "the version of the method, the ETag a PUT's If-Match names", example = "0") long version) {

    @Schema(name = "JpRule")
    public record JpRule(@Schema(example = "2") BigDecimal maxJpPerRecord, BigDecimal maxJpPerDay, BigDecimal maxJpPerYear,
            String note, int ruleVersion) {
    }

    public static LearningMethodView of(LearningMethod m) {
        return new LearningMethodView(m.code, m.name, m.pathway, m.siasnId, m.siasnName, m.certificateType, m.countsAsLeadership,
                m.maxJpPerRecord, m.maxJpPerDay, m.maxJpPerYear, m.ruleNote, m.ruleVersion,
                new JpRule(m.maxJpPerRecord, m.maxJpPerDay, m.maxJpPerYear, m.ruleNote, m.ruleVersion), m.version);
    }
}
