package id.asn.merit.competency.mapping;

import id.asn.merit.competency.service.StandardsInForce;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A position's competency standard as the API shows it: one of its own published versions ({@code source: OWN}) or,
 * for a position with none in force, the default template of its type ({@code source: TEMPLATE}, version = the
 * template's version, {@code effectiveFrom} null). {@code version} is also the ETag.
 */
@Schema(name = "CompetencyStandard")
public record StandardView(
        @Schema(example = "PMPTSP-KABID-PERIZINAN") String positionCode,
        @Schema(example = "2", description = "the own version, or the template's version when source is TEMPLATE") int version,
        @Schema(type = SchemaType.STRING, format = "date", nullable = true, example = "2026-01-01",
                description = "the first day an OWN version is in force; null for a TEMPLATE") LocalDate effectiveFrom,
        @Schema(example = "OWN", enumeration = {"OWN", "TEMPLATE"}) String source,
        @Schema(nullable = true, example = "ADMINISTRATOR", enumeration = {"JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS", "PELAKSANA", "FUNGSIONAL"},
                description = "the position's type in the replica; null when the replica does not know the position") String positionType,
        List<StandardItemModel> items) {

    public static StandardView of(StandardsInForce.InForce s) {
        return new StandardView(s.positionCode(), s.version(), s.effectiveFrom(), s.source(), s.positionType(),
                s.items().stream().map(StandardItemModel::of).toList());
    }
}
