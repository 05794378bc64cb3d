package id.asn.merit.competency.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A TEKNIS or PEMERINTAHAN competency with its five levels, as the instansi defines it. {@code group} is the
 * {@link id.asn.merit.competency.domain.CompetencyGroup} name; an unknown value is a 400 naming {@code group}.
 */
@Schema(name = "CompetencyRequest", description = "A TEKNIS or PEMERINTAHAN competency with levels 1 to 5, each exactly once")
public record CompetencyRequest(
        @NotBlank @Pattern(regexp = CompetencyRequest.CODE_PATTERN, message = "must look like T.1 or PEM.12 (1-4 capital letters, a dot, 1-3 digits)")
        @Schema(example = "T.1", pattern = CompetencyRequest.CODE_PATTERN) String code,
        @NotNull @Schema(example = "TEKNIS", enumeration = {"MANAJERIAL", "SOSIAL_KULTURAL", "TEKNIS", "PEMERINTAHAN"})
        id.asn.merit.competency.domain.CompetencyGroup group,
        @NotBlank @Size(max = 200) @Schema(example = "Pelayanan Perizinan Berusaha") String name,
        @Size(max = 4000) @Schema(example = "Kemampuan memberikan pelayanan perizinan berusaha terintegrasi secara elektronik") String definition,
        @NotNull @Size(min = 5, max = 5, message = "must have exactly five levels, 1 to 5") List<@Valid @NotNull CompetencyLevelModel> levels) {

    public static final String CODE_PATTERN = "^[A-Z]{1,4}\\.[0-9]{1,3}$";
}
