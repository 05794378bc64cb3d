package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.EducationLevel;
import id.asn.merit.employee.domain.FunctionalLevel;
import id.asn.merit.employee.domain.LeadershipTraining;
import id.asn.merit.employee.domain.PositionType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PositionRequest", description = "A jabatan. functionalLevel is given exactly for FUNGSIONAL; requiredLeadershipTraining defaults by type (PKP pengawas, PKA administrator, PKN II JPT pratama, PKN I JPT madya/utama).")
public record PositionRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_.-]{0,49}", message = "must be 1-50 upper-case letters, digits, '_', '.' or '-'")
        @Schema(example = "PMPTSP-KABID-PERIZINAN") String code,
        @NotBlank @Size(max = 300) @Schema(example = "Kepala Bidang Perizinan") String title,
        @NotBlank @Schema(example = "PMPTSP-PERIZINAN") String orgUnitCode,
        @NotNull @Schema(example = "ADMINISTRATOR") PositionType type,
        FunctionalLevel functionalLevel,
        @NotNull @Min(1) @Max(17) @Schema(example = "11", description = "kelas jabatan 1-17") Integer grade,
        @Schema(example = "III/d") String minRank,
        LeadershipTraining requiredLeadershipTraining,
        @Schema(example = "S1", description = "optional: the lowest education (SD … S3) the position asks for") EducationLevel minEducationLevel) {
}
