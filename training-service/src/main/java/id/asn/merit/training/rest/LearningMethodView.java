package id.asn.merit.training.rest;

import id.asn.merit.training.domain.LearningMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "LearningMethod", description = "A jalur pengembangan kompetensi with its JP recognition rule; a null cap means the JP stated on the record counts")
public record LearningMethodView(@Schema(example = "NKL02") String code, @Schema(example = "Mentoring") String name,
        @Schema(enumeration = {"KLASIKAL", "NONKLASIKAL"}) String pathway, Integer siasnId, String siasnName,
        String certificateType, JpRule jpRule, long version) {

    @Schema(name = "JpRule")
    public record JpRule(@Schema(example = "2") BigDecimal maxJpPerRecord, BigDecimal maxJpPerDay, BigDecimal maxJpPerYear,
            String note, int ruleVersion) {
    }

    static LearningMethodView of(LearningMethod m) {
        return new LearningMethodView(m.code, m.name, m.pathway, m.siasnId, m.siasnName, m.certificateType,
                new JpRule(m.maxJpPerRecord, m.maxJpPerDay, m.maxJpPerYear, m.ruleNote, m.ruleVersion), m.version);
    }
}
