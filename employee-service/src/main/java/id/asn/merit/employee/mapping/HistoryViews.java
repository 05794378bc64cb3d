package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.Appraisal;
import id.asn.merit.employee.domain.Assignment;
import id.asn.merit.employee.domain.DisciplinaryRecord;
import id.asn.merit.employee.domain.DisciplineLevel;
import id.asn.merit.employee.domain.EducationEntry;
import id.asn.merit.employee.domain.EducationLevel;
import id.asn.merit.employee.domain.PerformanceRating;
import id.asn.merit.employee.domain.Placement;
import id.asn.merit.employee.domain.RankEntry;
import id.asn.merit.employee.domain.RatingPeriod;
import id.asn.merit.employee.domain.SkpRating;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The entries of the history endpoints under /api/v1/employees/{nip}. */
public final class HistoryViews {
    private HistoryViews() {
    }

    @Schema(name = "Placement")
    public record PlacementView(long id, String positionCode, String orgUnitCode, LocalDate effectiveDate, Assignment assignment,
            String decreeNumber, boolean inForce, String recordedBy, OffsetDateTime recordedAt) {
        public static PlacementView of(Placement p, boolean inForce) {
            return new PlacementView(p.id, p.positionCode, p.orgUnitCode, p.effectiveDate, p.assignment, p.decreeNumber, inForce,
                    p.recordedBy, p.recordedAt);
        }
    }

    @Schema(name = "RankEntry")
    public record RankView(long id, String rank, LocalDate effectiveDate, String decreeNumber, boolean inForce, String recordedBy,
            OffsetDateTime recordedAt) {
        public static RankView of(RankEntry r, boolean inForce) {
            return new RankView(r.id, r.rank, r.effectiveDate, r.decreeNumber, inForce, r.recordedBy, r.recordedAt);
        }
    }

    @Schema(name = "EducationEntry")
    public record EducationEntryView(long id, EducationLevel level, String field, String institution, LocalDate graduatedOn,
            boolean inForce, String recordedBy, OffsetDateTime recordedAt) {
        public static EducationEntryView of(EducationEntry e, boolean inForce) {
            return new EducationEntryView(e.id, e.level, e.field, e.institution, e.graduatedOn, inForce, e.recordedBy, e.recordedAt);
        }
    }

    @Schema(name = "PerformanceRating")
    public record PerformanceRatingView(long id, int year, RatingPeriod period, Appraisal workResult, Appraisal workBehaviour,
            SkpRating derivedRating, SkpRating rating, boolean overridden, String overrideReason, String rater, String raterNip,
            OffsetDateTime recordedAt) {
        public static PerformanceRatingView of(PerformanceRating r) {
            return new PerformanceRatingView(r.id, r.year, r.period, r.workResult, r.workBehaviour, r.derivedRating, r.rating,
                    r.rating != r.derivedRating, r.overrideReason, r.rater, r.raterNip, r.recordedAt);
        }
    }

    @Schema(name = "DisciplinaryRecord")
    public record DisciplinaryRecordView(long id, DisciplineLevel level, LocalDate decidedOn, String description, String recordedBy,
            OffsetDateTime recordedAt) {
        public static DisciplinaryRecordView of(DisciplinaryRecord d) {
            return new DisciplinaryRecordView(d.id, d.level, d.decidedOn, d.description, d.recordedBy, d.recordedAt);
        }
    }
}
