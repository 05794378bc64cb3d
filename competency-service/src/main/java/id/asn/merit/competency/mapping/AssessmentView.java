package id.asn.merit.competency.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An assessment as stored: immutable; a correction is a new one that names it in {@code supersedes}. */
@Schema(name = "Assessment")
public record AssessmentView(
        @Schema(example = "0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11") String id,
        @Schema(example = "198503302010012001") String nip,
        LocalDate assessedOn,
        @Schema(example = "ASSESSMENT_CENTER") String method,
        @Schema(example = "MAPPING") String purpose,
        String assessor,
        @Schema(description = "the assessment this one corrects, or null") String supersedes,
        @Schema(description = "the correction that replaced this one, or null (then this one no longer counts)") String supersededBy,
        List<Score> scores,
        OffsetDateTime recordedAt,
        String recordedBy) {

    @Schema(name = "AssessmentScoreView")
    public record Score(@Schema(example = "M.1") String competencyCode, @Schema(example = "3.5") BigDecimal level) {
    }
}
