package id.asn.merit.platform.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a job's row says: {@code created + updated + unchanged + failed = processed}, {@code processed ≤ total}.
 * Each service shows it through its own view (its own schema name and the counts that mean something to it).
 *
 * @param errors     the first row errors, by row
 * @param errorCount the row errors stored (at most {@code asn.import.max-stored-errors}; {@code failed} counts them all)
 * @param error      why a FAILED job stopped
 */
public record ImportJobState(UUID id, String status, String format, int total, int processed, int created, int updated,
                             int unchanged, int failed, List<ImportRowError> errors, long errorCount, String error,
                             String createdBy, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
}
