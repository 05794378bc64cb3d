package id.asn.merit.platform.imports;

import id.asn.merit.platform.problem.Problem.FieldError;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What one kind of bulk import knows, for {@link ImportJobs} to run it: how a row is read and checked, and how a
 * batch of good rows is written. The engine does the rest, the same for every kind: the upload spooled to disk and
 * hashed (the hash is what an {@code Idempotency-Key} is matched on), the job row and its lifecycle (QUEUED, RUNNING,
 * COMPLETED, FAILED), one background worker, batches each in their own transaction with the job's progress and row
 * errors, a batch the database refuses retried row by row, an interrupted job resumed on start.
 *
 * <p>A handler is a CDI bean; the job and error tables are the service's own (the same columns in each service:
 * employee-service V3, training-service V5), named by {@link #jobTable()} and {@link #errorTable()}.
 *
 * @param <V> a row that passed {@link Session#parse}, typed and ready to write
 */
public interface ImportHandler<V> {
    /** Names the worker thread, the spool directory and log lines: {@code employee}, {@code training}. */
    String name();

    default String jobTable() {
        return "import_job";
    }

    default String errorTable() {
        return "import_error";
    }

    /** How a JSON object's nested fields and arrays map onto the CSV columns. */
    default ImportReader.Shape shape() {
        return ImportReader.Shape.FLAT;
    }

    /** Starts a run of the job: what it needs to look up once (catalogues, code lists) is read here, not per row. */
    Session<V> open(ImportJob job) throws SQLException;

    /** One run of one job; memory it keeps must stay bounded whatever the file's size. */
    interface Session<V> {
        /** Sees every row in order, also rows committed by an earlier run (e.g. to find a key repeated in the file). */
        default void see(ImportRow row) {
        }

        /** Checks one row, without the database: the typed row, or the errors naming their fields. */
        Parsed<V> parse(ImportRow row);

        /**
         * Writes good rows on {@code connection}, inside the batch's transaction (the engine commits it with the job's
         * progress): the stored records, their audit entries and outbox events. Rows refused by a rule that needs the
         * stored data come back as errors. A thrown exception rolls the batch back; the engine then retries each row
         * alone and reports those the database still refuses.
         */
        Written write(Connection connection, List<Numbered<V>> rows) throws SQLException;
    }

    /** Either the typed row or its errors. */
    record Parsed<V>(V value, List<FieldError> errors) {
        public static <V> Parsed<V> ok(V value) {
            return new Parsed<>(value, List.of());
        }

        public static <V> Parsed<V> refused(List<FieldError> errors) {
            return new Parsed<>(null, List.copyOf(errors));
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** A good row with its number in the file. */
    record Numbered<V>(int row, V value) {
    }

    /** What a write did: {@code created + updated + unchanged + rows in errors = rows written}. */
    record Written(int created, int updated, int unchanged, List<ImportRowError> errors) {
        public static final Written NOTHING = new Written(0, 0, 0, List.of());
    }
}
