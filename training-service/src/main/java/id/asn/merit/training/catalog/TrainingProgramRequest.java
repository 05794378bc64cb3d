package id.asn.merit.training.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** A programme of the training catalogue, as created (POST) or replaced (PUT). */
@Schema(name = "TrainingProgramRequest", description = "A training programme: a known learning method, jp > 0, known competencies; "
        + "leadershipLevel only on a method that counts as leadership training (KL01)")
public record TrainingProgramRequest(
        @Schema(example = "PKP-2026-SORONG", pattern = TrainingPrograms.CODE_PATTERN, maxLength = 50) String code,
        @Schema(example = "Pelatihan Kepemimpinan Pengawas Angkatan I", maxLength = 300) String title,
        @Schema(example = "KL01") String methodCode,
        @Schema(example = "BPSDM Provinsi Papua Barat Daya", maxLength = 300) String organizer,
        @Schema(example = "830", description = "JP of the programme, > 0, at most 2 decimals") BigDecimal jp,
        @Schema(example = "[\"M.4\", \"M.8\"]") List<String> competencyCodes,
        @Schema(enumeration = {"PKP", "PKA", "PKN_II", "PKN_I"}, nullable = true, example = "PKP") String leadershipLevel,
        @Schema(description = "PUT only: false withdraws it from the catalogue, true brings it back; absent = unchanged") Boolean active) {
}
