package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.OrgUnitLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnitRequest", description = "A new org unit. The root (INSTANSI) has no parent; every other level sits under the level above it.")
public record OrgUnitRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_.-]{0,49}", message = "must be 1-50 upper-case letters, digits, '_', '.' or '-'")
        @Schema(example = "PMPTSP-PERIZINAN") String code,
        @NotBlank @Size(max = 300) @Schema(example = "Bidang Perizinan") String name,
        @Schema(example = "PMPTSP") String parentCode,
        @NotNull @Schema(example = "BIDANG") OrgUnitLevel level) {
}
