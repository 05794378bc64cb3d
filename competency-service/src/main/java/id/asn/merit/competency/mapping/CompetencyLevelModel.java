package id.asn.merit.competency.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One of the five levels of a competency (request and response shape). */
@Schema(name = "CompetencyLevel", description = "A proficiency level 1..5 with its behaviour indicators (indikator perilaku)")
public record CompetencyLevelModel(
        @NotNull @Min(1) @Max(5) @Schema(example = "3", minimum = "1", maximum = "5") Integer level,
        @NotBlank @Size(max = 500) @Schema(example = "Efektif membangun tim kerja untuk peningkatan kinerja organisasi") String title,
        @Size(max = 4000) @Schema(nullable = true, example = "Membangun tim kerja untuk peningkatan kinerja organisasi") String description,
        @Size(max = 50) List<@NotBlank @Size(max = 1000) String> indicators) {
}
