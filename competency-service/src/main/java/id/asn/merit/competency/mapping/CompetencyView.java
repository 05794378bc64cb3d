package id.asn.merit.competency.mapping;

import id.asn.merit.competency.domain.CompetencyGroup;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** A competency of the dictionary as the API shows it; {@code version} is also the ETag. */
@Schema(name = "Competency")
public record CompetencyView(
        @Schema(example = "M.2") String code,
        @Schema(example = "MANAJERIAL") CompetencyGroup group,
        @Schema(example = "Kerja Sama") String name,
        @Schema(nullable = true, description = "the regulation's definition; null where the dictionary has none yet") String definition,
        List<CompetencyLevelModel> levels,
        @Schema(description = "retired: kept (standards and assessments name it) and readable by code, but listed only with retired=true or all",
                example = "false") boolean retired,
        @Schema(nullable = true, description = "when it was retired; null while in use", example = "2026-03-02T09:15:00Z") OffsetDateTime retiredAt,
        @Schema(example = "0") long version) {
}
