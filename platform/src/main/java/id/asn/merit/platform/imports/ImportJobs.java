package id.asn.merit.platform.imports;

import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.platform.web.RequestIds;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The bulk-import engine every service's import runs on ({@link ImportHandler} says what differs): the upload is
 * spooled to disk while its rows are counted and its bytes hashed (one pass, constant memory), the job recorded and
 * audited in the transaction of the {@code Idempotency-Key} (matched on the file's SHA-256, so the same file under the
 * same key replays the first job and another file under it is a 422), then one background worker per handler streams
 * the file in batches. Each batch commits the handler's writes, its row errors and the job's progress together, so a
 * crash loses nothing: an interrupted job is resumed on start from its last committed row. Memory stays bounded by the
 * batch size whatever the file size.
 */
@ApplicationScoped
public class ImportJobs {
    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    private static final java.util.regex.Pattern TABLE = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]*");
    /** How many row errors a job's GET shows inline; all of them are paged by {@link #errors}. */
    public static final int INLINE_ERRORS = 100;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    @Any
    Instance<ImportHandler<?>> handlers;

    /** Where uploads are spooled until their job completes (a directory per handler); the system temp directory when not set. */
    @ConfigProperty(name = "asn.import.directory")
    Optional<Path> configuredDirectory;
    @ConfigProperty(name = "asn.import.batch-size", defaultValue = "1000")
    int batchSize;
    /** Row errors stored per job; beyond, rows are still counted as failed but not listed (a file of garbage stays small). */
    @ConfigProperty(name = "asn.import.max-stored-errors", defaultValue = "100000")
    int maxStoredErrors;

    private final Map<String, ExecutorService> workers = new ConcurrentHashMap<>();

    void resume(@Observes StartupEvent event) {
        for (ImportHandler<?> handler : handlers) {
            List<UUID> unfinished = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select id from " + jobTable(handler)
                         + " where status in ('QUEUED', 'RUNNING') order by created_at")) {
                while (rs.next()) {
                    unfinished.add(rs.getObject(1, UUID.class));
                }
            } catch (SQLException e) {
                LOG.warnf(e, "cannot look for unfinished %s imports", handler.name());
            }
            unfinished.forEach(id -> start(handler, id));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        workers.values().forEach(ExecutorService::shutdownNow);
        writers.values().forEach(ExecutorService::shutdownNow);
        for (ExecutorService worker : workers.values()) {
            try {
                worker.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ExecutorService worker(ImportHandler<?> handler) {
        return workers.computeIfAbsent(handler.name(), name -> Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name + "-import");
            t.setDaemon(true);
            return t;
        }));
    }

    /** An upload on disk: its rows counted and its bytes hashed while it was written. */
    public record Spooled(UUID id, ImportReader.Format format, Path file, int total, String sha256) {
    }

    /** Where a handler's uploads wait for their job; a rejected upload's file is deleted at once. */
    public Path directory(ImportHandler<?> handler) {
        return configuredDirectory.map(d -> d.resolve(handler.name()))
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "asn-" + handler.name() + "-imports"));
    }

    /**
     * The whole of a starting POST: spools the body, records and audits the job under the {@code Idempotency-Key}
     * (matched on the file's hash), answers {@code 202} with {@code Location} {@code <request path>/{id}} and the
     * job as {@code view} shows it, and queues the job once that is committed. A replay discards its upload.
     *
     * @param path        the POST's path, which scopes the key
     * @param auditEntity the audit entity of the job (action {@code IMPORT_START})
     */
    public Response accept(ImportHandler<?> handler, String path, String auditEntity, String contentType, InputStream body,
                           String idempotencyKey, UriInfo uri, Function<ImportJobState, Object> view) {
        ImportReader.Format format = ImportReader.Format.of(contentType);
        Spooled upload = spool(handler, format, body);
        UUID[] created = new UUID[1];
        Response response;
        try {
            // the file's hash stands for the body: a retry of the same upload replays, another file under the key is a 422
            response = idempotency.run(idempotencyKey, path, format + ":" + upload.sha256(), () -> {
                ImportJobState job = record(handler, upload);
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("format", format.name());
                after.put("total", upload.total());
                after.put("sha256", upload.sha256());
                audit.record("IMPORT_START", auditEntity, job.id().toString(), null, after);
                created[0] = job.id();
                return Response.accepted(view.apply(job)).location(uri.getAbsolutePathBuilder().path(job.id().toString()).build()).build();
            });
        } catch (RuntimeException e) {
            discard(upload.file());
            throw e;
        }
        if (created[0] != null && response.getHeaderString("Idempotent-Replayed") == null) {
            start(handler, created[0]); // after the commit, so the worker finds the job
        } else {
            discard(upload.file()); // a replay: the first upload is the one imported
        }
        return response;
    }

    /** Spools the body to disk, counting its rows while it streams in; an unreadable or empty file is a 400 and leaves nothing behind. */
    public Spooled spool(ImportHandler<?> handler, ImportReader.Format format, InputStream body) {
        UUID id = UUID.randomUUID();
        Path file;
        try {
            Files.createDirectories(directory(handler));
            file = directory(handler).resolve(id + "." + format.name().toLowerCase(java.util.Locale.ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        }
        int total;
        MessageDigest digest = sha256();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            total = ImportReader.count(format, new SpoolingStream(body, out, digest));
        } catch (SpoolingStream.WriteFailure e) {
            discard(file);
            throw new UncheckedIOException("cannot store the upload", (IOException) e.getCause());
        } catch (IOException e) {
            discard(file);
            throw new UncheckedIOException("cannot store the upload", e);
        } catch (RuntimeException e) {
            discard(file);
            throw ApiException.badRequest("body", "cannot read the " + format + " file: " + message(e));
        }
        if (total == 0) {
            discard(file);
            throw ApiException.badRequest("body", "the file has no data rows");
        }
        return new Spooled(id, format, file, total, HexFormat.of().formatHex(digest.digest()));
    }

    /** Records the job of a spooled upload (in the caller's transaction, if any); {@link #start} queues it after commit. */
    public ImportJobState record(ImportHandler<?> handler, Spooled upload) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into " + jobTable(handler)
                     + " (id, status, format, file_path, total, created_by, roles, request_id) values (?, 'QUEUED', ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, upload.id());
            ps.setString(2, upload.format().name());
            ps.setString(3, upload.file().toString());
            ps.setInt(4, upload.total());
            ps.setString(5, caller.subject());
            ps.setString(6, String.join(",", caller.roles()));
            ps.setString(7, RequestIds.current());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new ImportJobState(upload.id(), "QUEUED", upload.format().name(), upload.total(), 0, 0, 0, 0, 0, List.of(), 0,
                null, caller.subject(), OffsetDateTime.now(), null, null);
    }

    public void start(ImportHandler<?> handler, UUID id) {
        worker(handler).submit(() -> run(handler, id));
    }

    /** Deletes an upload that will not be imported (rejected, or a replayed Idempotency-Key). */
    public static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf(e, "cannot delete the rejected upload %s", file);
        }
    }

    /** A job id from a path: not a UUID is a 404 like an unknown one. */
    public static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("import", id);
        }
    }

    /** The job with its first {@link #INLINE_ERRORS} row errors; 404 when there is none. */
    public ImportJobState view(ImportHandler<?> handler, UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select * from " + jobTable(handler) + " where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("import", id.toString());
                }
                return new ImportJobState(id, rs.getString("status"), rs.getString("format"), rs.getInt("total"),
                        rs.getInt("processed"), rs.getInt("created"), rs.getInt("updated"), rs.getInt("unchanged"),
                        rs.getInt("failed"), rowErrors(c, handler, id, INLINE_ERRORS, 0), errorCount(c, handler, id),
                        rs.getString("error"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every stored row error of a job, by row, paged; 404 when there is no such job. */
    public PageResponse<ImportRowError> errors(ImportHandler<?> handler, UUID id, PageRequest paging) {
        view(handler, id);
        try (Connection c = dataSource.getConnection()) {
            return new PageResponse<>(rowErrors(c, handler, id, paging.size(), paging.offset()), paging.page(), paging.size(),
                    errorCount(c, handler, id));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ImportRowError> rowErrors(Connection c, ImportHandler<?> handler, UUID id, int limit, int offset)
            throws SQLException {
        List<ImportRowError> errors = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select row_no, field, message from " + errorTable(handler)
                + " where job_id = ? order by row_no, field, message limit ? offset ?")) {
            ps.setObject(1, id);
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    errors.add(new ImportRowError(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return errors;
    }

    private static long errorCount(Connection c, ImportHandler<?> handler, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from " + errorTable(handler) + " where job_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String jobTable(ImportHandler<?> handler) {
        return table(handler.jobTable());
    }

    private static String errorTable(ImportHandler<?> handler) {
        return table(handler.errorTable());
    }

    private static String table(String name) {
        if (!TABLE.matcher(name).matches()) {
            throw new IllegalStateException("not a table name: " + name);
        }
        return name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies what the reader reads to the spool file and the digest; closing it copies the rest (the reader may stop early). */
    static final class SpoolingStream extends FilterInputStream {
        static final class WriteFailure extends RuntimeException {
            WriteFailure(IOException cause) {
                super(cause);
            }
        }

        private final OutputStream out;
        private final MessageDigest digest;

        SpoolingStream(InputStream in, OutputStream out, MessageDigest digest) {
            super(in);
            this.out = out;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                write(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                write(buffer, offset, n);
            }
            return n;
        }

        private void write(byte[] buffer, int offset, int length) {
            digest.update(buffer, offset, length);
            try {
                out.write(buffer, offset, length);
            } catch (IOException e) {
                throw new WriteFailure(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, 8192)]);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() throws IOException {
            byte[] rest = new byte[1 << 16];
            while (read(rest, 0, rest.length) >= 0) {
                // drain: the file must hold the whole upload
            }
        }
    }

    /** The innermost message of an exception, for a row error or a FAILED job. */
    public static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    // ---- the worker ----

    /** What a run keeps between batches: how many row errors the job has stored so far. */
    private static final class Run<V> {
        final ImportHandler<V> handler;
        final ImportJob job;
        final ImportHandler.Session<V> session;
        long storedErrors;

        Run(ImportHandler<V> handler, ImportJob job, ImportHandler.Session<V> session) {
            this.handler = handler;
            this.job = job;
            this.session = session;
        }
    }

    /** A batch read and checked, waiting for the writer. */
    private record Checked<V>(int lastRow, List<ImportHandler.Numbered<V>> valid, List<ImportRowError> errors) {
    }

    /**
     * Runs a job in two stages that overlap: this thread reads the file once and checks each batch ({@link #check}),
     * the handler's writer thread writes the batches in file order, one transaction each ({@link #write}). At most
     * {@link #IN_FLIGHT} checked batches wait for the writer, so memory stays bounded by the batch size; since one
     * thread commits them in order, the job's {@code processed} is always a prefix of the file that is committed.
     */
    <V> void run(ImportHandler<V> handler, UUID id) {
        ImportJob job;
        long stored;
        try {
            job = load(handler, id);
            if (job == null) {
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                stored = errorCount(c, handler, id);
            }
        } catch (SQLException e) {
            LOG.errorf(e, "%s import %s: cannot load", handler.name(), id);
            return;
        }
        ExecutorService writer = writer(handler);
        java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(IN_FLIGHT);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.Future<?> last = null;
        try (InputStream in = Files.newInputStream(job.file());
             ImportReader reader = ImportReader.open(job.format(), in, handler.shape())) {
            Run<V> run = new Run<>(handler, job, handler.open(job));
            run.storedErrors = stored;
            List<ImportRow> batch = new ArrayList<>(batchSize);
            ImportRow row;
            long reading = System.nanoTime();
            while (failure.get() == null) {
                row = reader.next();
                if (row != null) {
                    run.session.see(row);
                    if (row.row() <= job.processed()) {
                        continue; // committed before an interruption
                    }
                    batch.add(row);
                }
                if (batch.size() == batchSize || (row == null && !batch.isEmpty())) {
                    long checking = System.nanoTime();
                    Checked<V> checked = check(run, batch);
                    long waiting = System.nanoTime();
                    batch = new ArrayList<>(batchSize);
                    room.acquire();
                    if (LOG.isDebugEnabled()) {
                        LOG.debugf("%s import %s: rows to %d read in %d ms, checked in %d ms, waited %d ms for the writer",
                                handler.name(), id, checked.lastRow(), (checking - reading) / 1_000_000,
                                (waiting - checking) / 1_000_000, (System.nanoTime() - waiting) / 1_000_000);
                    }
                    reading = System.nanoTime();
                    last = writer.submit(() -> {
                        try {
                            if (failure.get() == null) {
                                long writing = System.nanoTime();
                                write(run, checked);
                                if (LOG.isDebugEnabled()) {
                                    LOG.debugf("%s import %s: rows to %d written and committed in %d ms", handler.name(), id,
                                            checked.lastRow(), (System.nanoTime() - writing) / 1_000_000);
                                }
                            }
                        } catch (Throwable t) {
                            failure.compareAndSet(null, t);
                        } finally {
                            room.release();
                        }
                    });
                }
                if (row == null) {
                    break;
                }
            }
            if (last != null) {
                last.get(); // the writer runs the batches in order: the last one done means all are
            }
            if (failure.get() != null) {
                throw new java.util.concurrent.ExecutionException(failure.get());
            }
            finish(handler, id, "COMPLETED", null);
            Files.deleteIfExists(job.file()); // every row is in the database now; a failed job keeps its file
            LOG.infof("%s import %s completed", handler.name(), id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the job stays RUNNING and resumes on the next start
        } catch (Exception e) {
            if (last != null) {
                try {
                    last.get(60, TimeUnit.SECONDS); // the writer's batch in flight ends (or fails) before the job is marked
                } catch (Exception ignored) {
                    // the failure is already the one reported
                }
            }
            LOG.errorf(e, "%s import %s failed", handler.name(), id);
            finish(handler, id, "FAILED", message(e));
        }
    }

    /** How many checked batches may wait for the writer while the next one is read. */
    static final int IN_FLIGHT = 2;

    private final Map<String, ExecutorService> writers = new ConcurrentHashMap<>();

    private ExecutorService writer(ImportHandler<?> handler) {
        return writers.computeIfAbsent(handler.name(), name -> Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name + "-import-write");
            t.setDaemon(true);
            return t;
        }));
    }

    /** Checks a batch's rows (no database): the good rows typed, the others as row errors. */
    private static <V> Checked<V> check(Run<V> run, List<ImportRow> rows) {
        List<ImportHandler.Numbered<V>> valid = new ArrayList<>(rows.size());
        List<ImportRowError> errors = new ArrayList<>();
        for (ImportRow row : rows) {
            ImportHandler.Parsed<V> parsed;
            try {
                parsed = run.session.parse(row);
            } catch (RuntimeException e) {
                errors.add(new ImportRowError(row.row(), "row", "cannot read the row: " + message(e)));
                continue;
            }
            if (parsed.ok()) {
                valid.add(new ImportHandler.Numbered<>(row.row(), parsed.value()));
            } else {
                parsed.errors().forEach(e -> errors.add(new ImportRowError(row.row(), e.field(), e.message())));
            }
        }
        return new Checked<>(rows.get(rows.size() - 1).row(), valid, errors);
    }

    /**
     * Has the handler write a checked batch's good rows in one transaction with the job's progress and row errors.
     * Should the database still refuse the batch (a constraint no check knew of), the batch is rolled back and retried
     * row by row, each row in its own transaction, so only the rows the database refuses are reported and the job
     * goes on.
     */
    private <V> void write(Run<V> run, Checked<V> batch) throws SQLException {
        List<ImportHandler.Numbered<V>> valid = batch.valid();
        List<ImportRowError> errors = new ArrayList<>(batch.errors());
        int lastRow = batch.lastRow();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ImportHandler.Written written = valid.isEmpty() ? ImportHandler.Written.NOTHING : run.session.write(c, valid);
                errors.addAll(written.errors());
                progress(c, run, lastRow, written.created(), written.updated(), written.unchanged(), errors);
                c.commit();
                return;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                LOG.warnf("%s import %s: the batch up to row %d failed (%s); writing its rows one by one", run.handler.name(),
                        run.job.id(), lastRow, message(e));
            }
            errors = new ArrayList<>(batch.errors());
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            for (ImportHandler.Numbered<V> row : valid) {
                try {
                    ImportHandler.Written written = run.session.write(c, List.of(row));
                    c.commit();
                    created += written.created();
                    updated += written.updated();
                    unchanged += written.unchanged();
                    errors.addAll(written.errors());
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    errors.add(new ImportRowError(row.row(), "row", "the database refused the row: " + message(e)));
                }
            }
            progress(c, run, lastRow, created, updated, unchanged, errors);
            c.commit();
        }
    }

    private void progress(Connection c, Run<?> run, int lastRow, int created, int updated, int unchanged,
                          List<ImportRowError> errors) throws SQLException {
        errors.sort(Comparator.comparingInt(ImportRowError::row));
        long failedRows = errors.stream().mapToInt(ImportRowError::row).distinct().count();
        int room = (int) Math.max(0, Math.min(errors.size(), maxStoredErrors - run.storedErrors));
        if (room > 0) {
            try (PreparedStatement ps = c.prepareStatement("insert into " + errorTable(run.handler)
                    + " (job_id, row_no, field, message) values (?, ?, ?, ?)")) {
                for (ImportRowError e : errors.subList(0, room)) {
                    ps.setObject(1, run.job.id());
                    ps.setInt(2, e.row());
                    ps.setString(3, e.field().length() > 100 ? e.field().substring(0, 100) : e.field());
                    String message = e.message() == null ? "" : e.message();
                    ps.setString(4, message.length() > 1000 ? message.substring(0, 1000) : message);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            run.storedErrors += room;
        }
        try (PreparedStatement ps = c.prepareStatement("update " + jobTable(run.handler)
                + " set processed = ?, created = created + ?, updated = updated + ?, unchanged = unchanged + ?,"
                + " failed = failed + ? where id = ?")) {
            ps.setInt(1, lastRow);
            ps.setInt(2, created);
            ps.setInt(3, updated);
            ps.setInt(4, unchanged);
            ps.setLong(5, failedRows);
            ps.setObject(6, run.job.id());
            ps.executeUpdate();
        }
    }

    private ImportJob load(ImportHandler<?> handler, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update " + jobTable(handler)
                     + " set status = 'RUNNING', started_at = coalesce(started_at, now())"
                     + " where id = ? and status in ('QUEUED', 'RUNNING')"
                     + " returning format, file_path, processed, created_by, roles, request_id")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new ImportJob(id, ImportReader.Format.valueOf(rs.getString(1)), Path.of(rs.getString(2)), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getString(6));
            }
        }
    }

    private void finish(ImportHandler<?> handler, UUID id, String status, String error) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update " + jobTable(handler) + " set status = ?, finished_at = now(), error = ? where id = ?")) {
            ps.setString(1, status);
            ps.setString(2, error);
            ps.setObject(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.errorf(e, "%s import %s: cannot record the end", handler.name(), id);
        }
    }
}
