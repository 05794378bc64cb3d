package id.asn.merit.competency.rest;

import id.asn.merit.competency.domain.CompetencyGroup;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** API shapes of the competency dictionary. */
public final class CompetencyModels {
    private CompetencyModels() {
    }

    @Schema(name = "CompetencyLevel")
    public record Level(@NotNull @Min(1) @Max(5) @Schema(example = "3") Integer level,
            @NotBlank @Size(max = 500) @Schema(example = "Efektif membangun tim kerja untuk peningkatan kinerja organisasi") String title,
            @Size(max = 4000) String description, List<@NotBlank @Size(max = 1000) String> indicators) {
    }

    @Schema(name = "CompetencyRequest", description = "A TEKNIS or PEMERINTAHAN competency with its five levels (1 to 5, each once)")
    public record CompetencyRequest(
            @NotBlank @Pattern(regexp = "[A-Z]{1,4}\\.[0-9]{1,3}", message = "must look like T.1 or P.12") @Schema(example = "T.1") String code,
            @NotNull @Schema(example = "TEKNIS") CompetencyGroup group,
            @NotBlank @Size(max = 200) @Schema(example = "Pelayanan Perizinan Berusaha") String name,
            @Size(max = 4000) String definition,
            @NotEmpty @Size(min = 5, max = 5, message = "must have exactly five levels") List<@Valid @NotNull Level> levels) {
    }

    @Schema(name = "Competency")
    public record CompetencyView(String code, CompetencyGroup group, String name, String definition, List<Level> levels, long version) {
    }
}
