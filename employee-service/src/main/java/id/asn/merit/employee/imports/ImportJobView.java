package id.asn.merit.employee.imports;

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
    }
}
