package id.asn.merit.training.records;

import id.asn.merit.training.domain.TrainingRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A training record as ADMIN, HR_OFFICER, the person's UNIT_HEAD and the person themself read it. */
@Schema(name = "TrainingRecord", description = "A line of the JP log with its verification; recognisedJp is what it counts for in its year after the method's caps (null unless VERIFIED)")
public record TrainingRecordView(UUID id, @Schema(example = "199001012015031001") String nip,
        @Schema(description = "from the employee replica; null while the replica does not know the NIP") String name,
        String programCode, String title, String methodCode, String organizer, LocalDate startDate, LocalDate endDate,
        @Schema(description = "the JP year: calendar year of endDate") int year, BigDecimal jp, Integer durationMinutes,
        String certificateNumber, List<String> competencyCodes, String leadershipLevel,
        @Schema(description = "rupiah") Long cost,
        @Schema(enumeration = {"PENDING", "VERIFIED", "REJECTED"}) String status, String decidedBy, OffsetDateTime decidedAt,
        String decisionReason, String submittedBy, @Schema(enumeration = {"API", "IMPORT"}) String source, long version,
        OffsetDateTime createdAt, BigDecimal recognisedJp) {

    static TrainingRecordView of(TrainingRecord r, String name, BigDecimal recognisedJp) {
        return new TrainingRecordView(r.id, r.nip, name, r.programCode, r.title, r.methodCode, r.organizer, r.startDate, r.endDate,
                r.year, r.jp, r.durationMinutes, r.certificateNumber, codes(r), r.leadershipLevel, r.cost, r.status, r.decidedBy,
                r.decidedAt, r.decisionReason, r.submittedBy, r.source, r.version, r.createdAt, recognisedJp);
    }

    static List<String> codes(TrainingRecord r) {
        return r.competencyCodes == null ? List.of() : Arrays.asList(r.competencyCodes);
    }
}
