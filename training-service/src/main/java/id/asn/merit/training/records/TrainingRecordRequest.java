package id.asn.merit.training.records;

import id.asn.merit.training.domain.TrainingRecordRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/v1/training-records} (SYSTEM.md §3): from a programme ({@code programCode}, whose title,
 * method, organizer, JP, competencies and leadership level fill what is left out) or free-standing; {@code jp} as on
 * the certificate or {@code durationMinutes} converted at {@code asn.training.minutes-per-jp} (45) minutes per JP.
 */
@Schema(name = "TrainingRecordRequest", description = "A training record to enter; jp or durationMinutes (or a programCode whose JP is taken)")
public record TrainingRecordRequest(
        @Schema(example = "199001012015031001", description = "18 digits") String nip,
        @Schema(example = "PKA-2025-01", description = "a catalogue programme supplying the fields left out") String programCode,
        @Schema(example = "Pelatihan Kepemimpinan Administrator") String title,
        @Schema(example = "KL01") String methodCode,
        @Schema(example = "BPSDM Provinsi Jawa Barat") String organizer,
        @Schema(example = "2025-03-03") LocalDate startDate,
        @Schema(example = "2025-03-07") LocalDate endDate,
        @Schema(example = "40", description = "JP as stated on the certificate, > 0, at most 2 decimals") BigDecimal jp,
        @Schema(example = "90", description = "instead of jp: minutes, converted at 45 minutes per JP (2 decimals, half up)") Integer durationMinutes,
        @Schema(example = "PKA/2025/0123") String certificateNumber,
        @Schema(example = "[\"M.1\", \"M.4\"]") List<String> competencyCodes,
        @Schema(enumeration = {"PKP", "PKA", "PKN_II", "PKN_I"}, description = "only on a leadership-training method (KL01)") String leadershipLevel,
        @Schema(example = "3500000", description = "rupiah, integer") Long cost,
        @Schema(enumeration = {"PENDING", "VERIFIED"}, defaultValue = "PENDING",
                description = "VERIFIED only by ADMIN or HR_OFFICER; an EMPLOYEE's record is always PENDING") String status) {

    TrainingRecordRules.Input input() {
        return new TrainingRecordRules.Input(nip, programCode, title, methodCode, organizer, startDate, endDate, jp,
                durationMinutes, certificateNumber, competencyCodes, leadershipLevel, cost);
    }
}
