package id.asn.merit.training.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The data of {@code asn.training.recorded.v1}, {@code verified.v1} and {@code rejected.v1} (key NIP): the record as
 * stored after the change, what it counts for ({@code recognisedJp}, null unless VERIFIED), and the person's
 * recognised JP of the record's year after the change against the requirement.
 */
public record TrainingRecordEventData(String recordId, String nip, String programCode, String title, String methodCode,
        String organizer, LocalDate startDate, LocalDate endDate, int year, BigDecimal jp, Integer durationMinutes,
        String certificateNumber, List<String> competencyCodes, String leadershipLevel, Long cost, String status,
        String decidedBy, OffsetDateTime decidedAt, String decisionReason, String submittedBy, String source, long version,
        BigDecimal recognisedJp, BigDecimal recognisedJpOfYear, BigDecimal requiredJp) {

    static TrainingRecordEventData of(TrainingRecordView r, BigDecimal recognisedJpOfYear, BigDecimal requiredJp) {
        return new TrainingRecordEventData(r.id().toString(), r.nip(), r.programCode(), r.title(), r.methodCode(), r.organizer(),
                r.startDate(), r.endDate(), r.year(), r.jp(), r.durationMinutes(), r.certificateNumber(), r.competencyCodes(),
                r.leadershipLevel(), r.cost(), r.status(), r.decidedBy(), r.decidedAt(), r.decisionReason(), r.submittedBy(),
                r.source(), r.version(), r.recognisedJp(), recognisedJpOfYear, requiredJp);
    }
}
