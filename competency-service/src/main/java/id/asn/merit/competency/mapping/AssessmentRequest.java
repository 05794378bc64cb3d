package id.asn.merit.competency.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /api/v1/assessments}; every field is checked by {@code Assessments} and named when wrong. */
@Schema(name = "AssessmentRequest", description = "One assessment of one person: a score per competency assessed")
public record AssessmentRequest(
        @Schema(description = "the person's NIP, 18 digits", example = "198503302010012001", required = true) String nip,
        @Schema(description = "the date of the assessment; not in the future", example = "2026-03-10", required = true) LocalDate assessedOn,
        @Schema(description = "how it was assessed", enumeration = {"ASSESSMENT_CENTER", "UJI_KOMPETENSI", "SELF", "SUPERVISOR", "360"},
                example = "ASSESSMENT_CENTER", required = true) String method,
        @Schema(description = "why it was assessed: chooses the JPM category family", enumeration = {"MAPPING", "SELECTION"},
                example = "MAPPING", required = true) String purpose,
        @Schema(description = "who assessed (assessor or assessment centre)", example = "UPT Penilaian Kompetensi BKPSDM", required = true) String assessor,
        @Schema(description = "the id of the assessment this one corrects; that one stays readable but no longer counts",
                example = "0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11") String supersedes,
        @Schema(description = "one score per competency assessed", required = true) List<Score> scores) {

    @Schema(name = "AssessmentScore")
    public record Score(
            @Schema(description = "a competency of the dictionary", example = "M.1", required = true) String competencyCode,
            @Schema(description = "1.0 to 5.0, one decimal at most", example = "3.5", required = true) BigDecimal level) {
    }
}
