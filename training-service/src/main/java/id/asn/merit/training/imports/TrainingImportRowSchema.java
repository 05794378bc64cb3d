package id.asn.merit.training.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * Documentation only: one object of a JSON import body, with the fields of {@code POST /training-records} (the same
 * names as the CSV header). The import reads values as text, so numbers may also be given as strings.
 */
@Schema(name = "TrainingImportRow", description = "One training record of a JSON import body; the same columns as the CSV header",
        requiredProperties = {"nip", "startDate", "endDate", "certificateNumber"})
public record TrainingImportRowSchema(
        @Schema(example = "198503152010011001") String nip,
        @Schema(description = "a catalogue programme: title, method, organizer, JP, competencies and leadership level default to its own", example = "PKA-2026") String programCode,
        @Schema(example = "Pelatihan Analisis Kebijakan") String title,
        @Schema(example = "KL02") String methodCode,
        @Schema(example = "BPSDM Provinsi Papua") String organizer,
        @Schema(example = "2026-03-02") String startDate,
        @Schema(example = "2026-03-04") String endDate,
        @Schema(description = "JP as on the certificate (or durationMinutes, 45 minutes per JP)", example = "24") BigDecimal jp,
        @Schema(example = "1080") Integer durationMinutes,
        @Schema(example = "BPSDM/2026/0117") String certificateNumber,
        @Schema(description = "a JSON array, or in CSV codes separated by ';' or '|'", example = "[\"M.1\", \"SK.1\"]") List<String> competencyCodes,
        @Schema(enumeration = {"PKP", "PKA", "PKN_II", "PKN_I"}) String leadershipLevel,
        @Schema(description = "rupiah", example = "3500000") Long cost,
        @Schema(enumeration = {"VERIFIED", "PENDING"}, defaultValue = "VERIFIED") String status) {
}
