package id.asn.merit.employee.imports;

import id.asn.merit.platform.imports.ImportJobState;
import id.asn.merit.platform.imports.ImportRowError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "EmployeeImportJob", description = "Progress of an import: processed/total rows; created + updated + unchanged + failed = processed")
public record ImportJobView(UUID id, @Schema(enumeration = {"QUEUED", "RUNNING", "COMPLETED", "FAILED"}) String status,
        String format, int total, int processed, int created, int updated, int unchanged, int failed,
        @Schema(description = "the first 100 row errors; all of them at .../errors") List<RowError> errors, long errorCount,
        String error, String createdBy, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    @Schema(name = "EmployeeImportRowError")
    public record RowError(@Schema(example = "17") int row, @Schema(example = "nip") String field,
            @Schema(example = "gender digit 1 (digit 15) does not match gender F") String message) {
        static RowError of(ImportRowError e) {
            return new RowError(e.row(), e.field(), e.message());
        }
    }

    static ImportJobView of(ImportJobState s) {
        return new ImportJobView(s.id(), s.status(), s.format(), s.total(), s.processed(), s.created(), s.updated(), s.unchanged(),
                s.failed(), s.errors().stream().map(RowError::of).toList(), s.errorCount(), s.error(), s.createdBy(), s.createdAt(),
                s.startedAt(), s.finishedAt());
    }
}
