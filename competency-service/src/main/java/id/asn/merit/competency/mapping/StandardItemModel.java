package id.asn.merit.competency.mapping;

import id.asn.merit.competency.domain.Importance;
import id.asn.merit.competency.domain.StandardItem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a position competency standard as the API reads and writes it (and as the standard-published event carries it). */
@Schema(name = "CompetencyStandardItem", description = "A required competency: its code, the level 1..5 it requires, and how much it matters")
public record StandardItemModel(
        @NotBlank @Size(max = 20) @Schema(example = "M.1", maxLength = 20) String competencyCode,
        @NotNull @Min(value = 1, message = "must be a level 1..5") @Max(value = 5, message = "must be a level 1..5")
        @Schema(example = "3", minimum = "1", maximum = "5") Integer requiredLevel,
        @NotNull @Schema(example = "MUTLAK", enumeration = {"MUTLAK", "PENTING", "PERLU"}) Importance importance) {

    public static StandardItemModel of(StandardItem item) {
        return new StandardItemModel(item.competencyCode(), item.requiredLevel(), item.importance());
    }

    public StandardItem toItem() {
        return new StandardItem(competencyCode, requiredLevel, importance);
    }
}
