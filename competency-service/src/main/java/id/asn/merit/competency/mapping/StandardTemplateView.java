package id.asn.merit.competency.mapping;

import id.asn.merit.competency.domain.FunctionalLevel;
import id.asn.merit.competency.domain.Importance;
import id.asn.merit.competency.domain.PositionType;
import id.asn.merit.competency.domain.StandardTemplate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;

/** One version of the default standard of a position type (domain.md §3.3, UNCONFIRMED ladder); {@code version} is also the ETag. */
@Schema(name = "StandardTemplate", description = "The default standard a position of this type gets when it has none of its own")
public record StandardTemplateView(
        @Schema(example = "ADMINISTRATOR") PositionType positionType,
        @Schema(example = "1") int version,
        @Schema(nullable = true, example = "3", minimum = "1", maximum = "5",
                description = "the level of every MANAJERIAL and SOSIAL_KULTURAL competency; null for FUNGSIONAL") Integer requiredLevel,
        @Schema(description = "FUNGSIONAL only: the level per jenjang; empty otherwise", example = "{}")
        Map<FunctionalLevel, Integer> levelByFunctionalLevel,
        @Schema(description = "competency code → level, overriding the level above", example = "{\"M.1\": 4}")
        Map<String, Integer> levelByCompetency,
        @Schema(example = "PENTING") Importance importance,
        @Schema(description = "competency code → importance, overriding importance", example = "{\"M.1\": \"MUTLAK\"}")
        Map<String, Importance> importanceByCompetency,
        @Schema(nullable = true, example = "2026-03-02T09:15:00Z") OffsetDateTime createdAt,
        @Schema(nullable = true, example = "system") String createdBy) {

    public static StandardTemplateView of(int version, StandardTemplate t, OffsetDateTime createdAt, String createdBy) {
        return new StandardTemplateView(t.positionType(), version, t.requiredLevel(), t.levelByFunctionalLevel(),
                t.levelByCompetency(), t.importance(), t.importanceByCompetency(), createdAt, createdBy);
    }
}
