package id.asn.merit.training.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One version of a learning method's JP rule, as it was from changedAt until the next version. */
@Schema(name = "LearningMethodRuleVersion", description = "One version of a learning method's JP caps (null = unlimited)")
public record LearningMethodRuleView(@Schema(example = "NKL02") String code, @Schema(example = "2") int ruleVersion,
        BigDecimal maxJpPerRecord, BigDecimal maxJpPerDay, BigDecimal maxJpPerYear, String note,
        @Schema(example = "test-admin") String changedBy, OffsetDateTime changedAt) {
}
