package id.asn.merit.training.records;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A JSON merge patch (RFC 7396) of a PENDING record: a field left out stays, a field sent as null is cleared (and then
 * falls back to the programme's value where there is one). nip and status cannot be patched.
 */
@Schema(name = "TrainingRecordPatch", description = "Merge patch of a PENDING record: fields left out stay, null clears")
public record TrainingRecordPatch(String programCode, String title, String methodCode, String organizer, LocalDate startDate,
        LocalDate endDate, BigDecimal jp, Integer durationMinutes, String certificateNumber, List<String> competencyCodes,
        String leadershipLevel, Long cost) {

    static final Set<String> FIELDS = Set.of("programCode", "title", "methodCode", "organizer", "startDate", "endDate", "jp",
            "durationMinutes", "certificateNumber", "competencyCodes", "leadershipLevel", "cost");
}
