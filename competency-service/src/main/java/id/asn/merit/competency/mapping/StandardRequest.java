package id.asn.merit.competency.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A new version of a position's competency standard (SKJ): the date it takes effect and every required competency.
 * A standard replaces the previous one whole; there is no partial update.
 */
@Schema(name = "CompetencyStandardRequest", description = "A new version of a position's standard (SKJ), effective from a date")
public record StandardRequest(
        @NotNull @Schema(example = "2026-01-01", description = "the first day this version is in force (a past, present or future date)")
        LocalDate effectiveFrom,
        @NotNull @Size(min = 1, max = 200, message = "must have at least one item (and at most 200)")
        List<@Valid @NotNull StandardItemModel> items) {
}
