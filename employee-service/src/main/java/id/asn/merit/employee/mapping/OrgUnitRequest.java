package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.OrgLevels;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnitRequest", description = "A new org unit. Without parentCode it is a root (INSTANSI); under a parent its level is the one "
        + "below the parent's, up to asn.org.max-depth (default 6).")
public record OrgUnitRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_.-]{0,49}", message = "must be 1-50 upper-case letters, digits, '_', '.' or '-'")
        @Schema(example = "PMPTSP-PERIZINAN") String code,
        @NotBlank @Size(max = 300) @Schema(example = "Bidang Perizinan") String name,
        @Schema(example = "PMPTSP") String parentCode,
        @Pattern(regexp = OrgLevels.LABEL_PATTERN, message = "must be INSTANSI, PERANGKAT_DAERAH, BIDANG, SEKSI or LEVEL_<n> for n of 5 or more")
        @Schema(example = "BIDANG", description = "Optional: derived from the parent when left out. Depth 1-4: INSTANSI, PERANGKAT_DAERAH, BIDANG, SEKSI; "
                + "deeper (a ministry's tree): LEVEL_5, LEVEL_6, ... A level that contradicts the parent is a 422.") String level) {
}
