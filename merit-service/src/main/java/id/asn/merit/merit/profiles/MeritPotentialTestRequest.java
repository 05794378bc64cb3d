package id.asn.merit.merit.profiles;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A potential test result for a person and year (merit-service owns them: no other service does). */
@Schema(name = "MeritPotentialTestRequest")
public record MeritPotentialTestRequest(
        @Schema(description = "the merit year the test counts for, 2000..next year", example = "2026", required = true) Integer year,
        @Schema(description = "the result 0..100", example = "78.5", required = true) BigDecimal score,
        @Schema(description = "the instrument or provider used", example = "Tes Potensi Kepemimpinan (BKN)", required = true) String instrument,
        @Schema(description = "the day it was taken, not in the future", example = "2026-03-12", required = true) LocalDate assessedOn) {
}
