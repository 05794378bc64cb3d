package id.asn.merit.competency.mapping;

import id.asn.merit.competency.domain.CompetencyGroup;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A competency of the dictionary as the API shows it; {@code version} is also the ETag. */
@Schema(name = "Competency")
public record CompetencyView(
        @Schema(example = "M.2") String code,
        @Schema(example = "MANAJERIAL") CompetencyGroup group,
        @Schema(example = "Kerja Sama") String name,
        @Schema(nullable = true, description = "the regulation's definition; null where the dictionary has none yet") String definition,
        List<CompetencyLevelModel> levels,
        @Schema(example = "0") long version) {
}
