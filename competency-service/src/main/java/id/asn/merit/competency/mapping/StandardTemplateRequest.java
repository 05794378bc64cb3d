package id.asn.merit.competency.mapping;

import id.asn.merit.competency.domain.FunctionalLevel;
import id.asn.merit.competency.domain.Importance;
import id.asn.merit.competency.domain.PositionType;
import id.asn.merit.competency.domain.StandardTemplate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * A new version of a position type's default template. The rules (a level for every jenjang of FUNGSIONAL, one
 * {@code requiredLevel} otherwise, levels 1..5) are {@link StandardTemplate#violations()}, answered as one 422
 * listing every broken rule; {@code positionType} may be left out (the path names it) but must match when given.
 */
@Schema(name = "StandardTemplateRequest", description = "A new version of the default template of the position type in the path")
public record StandardTemplateRequest(
        @Schema(nullable = true, example = "ADMINISTRATOR", description = "optional; must equal the path's positionType") PositionType positionType,
        @Schema(nullable = true, example = "3", minimum = "1", maximum = "5") Integer requiredLevel,
        @Schema(nullable = true, example = "{}") Map<FunctionalLevel, Integer> levelByFunctionalLevel,
        @Schema(nullable = true, example = "{\"M.1\": 4}") Map<String, Integer> levelByCompetency,
        @Schema(example = "PENTING") Importance importance,
        @Schema(nullable = true, example = "{\"M.1\": \"MUTLAK\"}") Map<String, Importance> importanceByCompetency) {

    public StandardTemplate toTemplate(PositionType type) {
        return new StandardTemplate(type, requiredLevel, levelByFunctionalLevel, levelByCompetency, importance, importanceByCompetency);
    }
}
