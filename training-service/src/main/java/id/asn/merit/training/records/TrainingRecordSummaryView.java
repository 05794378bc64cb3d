package id.asn.merit.training.records;

import id.asn.merit.training.domain.TrainingRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A training record as an INTEGRATOR reads it (SYSTEM.md §7: no personal fields beyond name, NIP, unit and position):
 * no certificate number, cost, decision reason, deciders or submitters, no duration.
 */
@Schema(name = "TrainingRecordSummary", description = "A training record without personal fields beyond name/NIP/unit/position (the INTEGRATOR's view)")
public record TrainingRecordSummaryView(UUID id, String nip, String name, String orgUnitCode, String positionCode,
        String programCode, String title, String methodCode, String organizer, LocalDate startDate, LocalDate endDate, int year,
        BigDecimal jp, List<String> competencyCodes, String leadershipLevel,
        @Schema(enumeration = {"PENDING", "VERIFIED", "REJECTED"}) String status, OffsetDateTime decidedAt, long version,
        BigDecimal recognisedJp) {

    static TrainingRecordSummaryView of(TrainingRecord r, String name, String orgUnitCode, String positionCode, BigDecimal recognisedJp) {
        return new TrainingRecordSummaryView(r.id, r.nip, name, orgUnitCode, positionCode, r.programCode, r.title, r.methodCode,
                r.organizer, r.startDate, r.endDate, r.year, r.jp, TrainingRecordView.codes(r), r.leadershipLevel, r.status,
                r.decidedAt, r.version, recognisedJp);
    }
}
