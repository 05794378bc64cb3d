package id.asn.merit.training.imports;

import id.asn.merit.platform.imports.ImportJobState;
import id.asn.merit.platform.imports.ImportRowError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "TrainingImportJob", description = "Progress of a training-record import: processed/total rows; created + duplicates + failed = processed")
public record TrainingImportJobView(
        UUID id,
        @Schema(enumeration = {"QUEUED", "RUNNING", "COMPLETED", "FAILED"}, example = "RUNNING") String status,
        @Schema(enumeration = {"CSV", "JSON"}) String format,
        @Schema(description = "data rows in the file", example = "20000") int total,
        @Schema(description = "rows done so far (committed)", example = "12000") int processed,
        @Schema(description = "records created", example = "11950") int created,
        @Schema(description = "rows already recorded (same nip, organizer and certificateNumber): not errors, nothing changed", example = "40") int duplicates,
        @Schema(description = "rows refused; each is listed in errors", example = "10") int failed,
        @Schema(description = "the first 100 row errors, by row; all of them at .../errors") List<RowError> errors,
        @Schema(description = "how many row errors are stored") long errorCount,
        @Schema(description = "why a FAILED job stopped") String error,
        String createdBy, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    @Schema(name = "TrainingImportRowError", description = "A refused row: its number (data rows from 1; the CSV header is row 0) and the field")
    public record RowError(@Schema(example = "17") int row, @Schema(example = "endDate") String field,
                           @Schema(example = "must be on or after startDate 2026-03-02") String message) {
        static RowError of(ImportRowError e) {
            return new RowError(e.row(), e.field(), e.message());
        }
    }

    static TrainingImportJobView of(ImportJobState s) {
        return new TrainingImportJobView(s.id(), s.status(), s.format(), s.total(), s.processed(), s.created(), s.unchanged(),
                s.failed(), s.errors().stream().map(RowError::of).toList(), s.errorCount(), s.error(), s.createdBy(),
                s.createdAt(), s.startedAt(), s.finishedAt());
    }
}
