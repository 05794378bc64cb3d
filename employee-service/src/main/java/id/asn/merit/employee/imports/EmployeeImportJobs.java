package id.asn.merit.employee.imports;

import id.asn.merit.employee.domain.EducationLevel;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.EmploymentType;
import id.asn.merit.employee.domain.FixedByNip;
import id.asn.merit.employee.domain.Gender;
import id.asn.merit.employee.service.EmployeeService;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.outbox.Outbox;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem.FieldError;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.web.RequestIds;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Bulk employee import: the upload is spooled to disk, then a background worker streams it in batches. Each batch
 * commits its upserts, their audit entries, their outbox events, its row errors and the job's progress together, so
 * a crash loses nothing (an interrupted job is resumed on start and re-running rows is harmless: rows are upserted by
 * NIP and an unchanged row changes nothing). Memory stays bounded by the batch size whatever the file size.
 */
@ApplicationScoped
public class EmployeeImportJobs {
    private static final Logger LOG = Logger.getLogger(EmployeeImportJobs.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Outbox outbox;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** Where uploads are spooled until their job completes; the system temp directory when not set. */
    @ConfigProperty(name = "asn.import.directory")
    java.util.Optional<Path> configuredDirectory;
    @ConfigProperty(name = "asn.import.batch-size", defaultValue = "1000")
    int batchSize;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "employee-import");
        t.setDaemon(true);
        return t;
    });

    void resume(@Observes StartupEvent event) {
        List<UUID> unfinished = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select id from import_job where status in ('QUEUED', 'RUNNING') order by created_at")) {
            while (rs.next()) {
                unfinished.add(rs.getObject(1, UUID.class));
            }
        } catch (SQLException e) {
            LOG.warn("cannot look for unfinished imports", e);
        }
        unfinished.forEach(id -> worker.submit(() -> run(id)));
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An upload on disk: its rows counted and its bytes hashed while it was written (one pass, constant memory). */
    public record Spooled(UUID id, ImportReader.Format format, Path file, int total, String sha256) {
    }

    /** Where uploads wait for their job; a rejected upload's file is deleted at once. */
    public Path directory() {
        return configuredDirectory.orElse(Path.of(System.getProperty("java.io.tmpdir"), "asn-employee-imports"));
    }

    /** Spools the body to disk, counting its rows while it streams in; an unreadable or empty file is a 400 and leaves nothing behind. */
    public Spooled spool(ImportReader.Format format, InputStream body) {
        UUID id = UUID.randomUUID();
        Path file;
        try {
            Files.createDirectories(directory());
            file = directory().resolve(id + "." + format.name().toLowerCase());
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
    public ImportJobView record(Spooled upload) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into import_job (id, status, format, file_path, total, created_by, roles, request_id)
                     values (?, 'QUEUED', ?, ?, ?, ?, ?, ?)""")) {
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
        return new ImportJobView(upload.id(), "QUEUED", upload.format().name(), upload.total(), 0, 0, 0, 0, 0, List.of(), 0, null,
                caller.subject(), OffsetDateTime.now(), null, null);
    }

    public void start(UUID id) {
        worker.submit(() -> run(id));
    }

    /** Deletes an upload that will not be imported (rejected, or a replayed Idempotency-Key). */
    public static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf(e, "cannot delete the rejected upload %s", file);
        }
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

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    record Job(UUID id, String format, Path file, int processed, String actor, String roles, String requestId) {
    }

    void run(UUID id) {
        Job job;
        try {
            job = load(id);
        } catch (SQLException e) {
            LOG.errorf(e, "import %s: cannot load", id);
            return;
        }
        if (job == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(job.file());
             ImportReader reader = ImportReader.open(ImportReader.Format.valueOf(job.format()), in)) {
            Context ctx = context();
            List<ImportRow> batch = new ArrayList<>(batchSize);
            ImportRow row;
            while ((row = reader.next()) != null) {
                ctx.noteNip(row);
                if (row.row() <= job.processed()) {
                    continue; // committed before an interruption
                }
                batch.add(row);
                if (batch.size() == batchSize) {
                    process(job, ctx, batch);
                    batch.clear();
                }
            }
            process(job, ctx, batch);
            finish(id, "COMPLETED", null);
            Files.deleteIfExists(job.file()); // every row is in the database now; a failed job keeps its file
            LOG.infof("import %s completed", id);
        } catch (Exception e) {
            LOG.errorf(e, "import %s failed", id);
            finish(id, "FAILED", message(e));
        }
    }

    /** What a job looks up once: the open org units with their paths, position types, and the NIPs seen so far. */
    static final class Context {
        final Map<String, List<String>> unitPaths = new HashMap<>();
        final Map<String, String> positionTypes = new HashMap<>();
        /** The unit of each open position, by code. */
        final Map<String, String> openPositions = new HashMap<>();
        /** The unit of every position (open or closed), by code. */
        final Map<String, String> positionUnits = new HashMap<>();
        final Map<String, Integer> firstRowOfNip = new HashMap<>();
        final Map<Integer, Integer> duplicateOf = new HashMap<>();

        void noteNip(ImportRow row) {
            String nip = row.get("nip");
            if (nip != null) {
                Integer first = firstRowOfNip.putIfAbsent(nip, row.row());
                if (first != null && first != row.row()) {
                    duplicateOf.put(row.row(), first);
                }
            }
        }
    }

    private Context context() throws SQLException {
        Context ctx = new Context();
        try (Connection c = dataSource.getConnection()) {
            try (ResultSet rs = c.createStatement().executeQuery("select code, path from org_unit where active")) {
                while (rs.next()) {
                    ctx.unitPaths.put(rs.getString(1), Arrays.asList(rs.getString(2).split("/")));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("select code, type, org_unit_code, active from position")) {
                while (rs.next()) {
                    ctx.positionTypes.put(rs.getString(1), rs.getString(2));
                    ctx.positionUnits.put(rs.getString(1), rs.getString(3));
                    if (rs.getBoolean(4)) {
                        ctx.openPositions.put(rs.getString(1), rs.getString(3));
                    }
                }
            }
        }
        return ctx;
    }

    /** What one write of rows did: counts, and the rows refused by the rules that need the stored record. */
    record Written(int created, int updated, int unchanged, List<Object[]> errors) {
    }

    /**
     * Validates a batch, then writes its good rows with one statement. Should the database still refuse the batch (a
     * constraint no validation knew of), the batch is rolled back and retried row by row, each row in its own
     * transaction, so only the rows the database refuses are reported and the job goes on.
     */
    private void process(Job job, Context ctx, List<ImportRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<ImportRowValidator.ValidRow> valid = new ArrayList<>();
        List<Object[]> errors = new ArrayList<>();
        for (ImportRow row : rows) {
            Integer first = ctx.duplicateOf.get(row.row());
            if (first != null) {
                errors.add(new Object[] {row.row(), "nip", "the same NIP is in row " + first + " of this file"});
                continue;
            }
            ImportRowValidator.Result result = ImportRowValidator.validate(row, ctx.unitPaths.keySet(), ctx.openPositions);
            if (result.valid() != null) {
                valid.add(result.valid());
            } else {
                for (FieldError e : result.errors()) {
                    errors.add(new Object[] {row.row(), e.field(), e.message()});
                }
            }
        }
        int lastRow = rows.get(rows.size() - 1).row();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Written written = write(c, job, ctx, valid);
                errors.addAll(written.errors());
                progress(c, job, lastRow, written.created(), written.updated(), written.unchanged(), errors);
                c.commit();
                return;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                LOG.warnf("import %s: the batch up to row %d failed (%s); writing its rows one by one", job.id(), lastRow, message(e));
            }
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            for (ImportRowValidator.ValidRow row : valid) {
                try {
                    Written written = write(c, job, ctx, List.of(row));
                    c.commit();
                    created += written.created();
                    updated += written.updated();
                    unchanged += written.unchanged();
                    errors.addAll(written.errors());
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    errors.add(new Object[] {row.row(), "row", "the database refused the row: " + message(e)});
                }
            }
            errors.sort(java.util.Comparator.comparingInt(e -> (Integer) e[0]));
            progress(c, job, lastRow, created, updated, unchanged, errors);
            c.commit();
        }
    }

    private static void progress(Connection c, Job job, int lastRow, int created, int updated, int unchanged, List<Object[]> errors)
            throws SQLException {
        insertErrors(c, job.id(), errors);
        long failedRows = errors.stream().map(e -> e[0]).distinct().count();
        try (PreparedStatement ps = c.prepareStatement("""
                update import_job set processed = ?, created = created + ?, updated = updated + ?,
                       unchanged = unchanged + ?, failed = failed + ? where id = ?""")) {
            ps.setInt(1, lastRow);
            ps.setInt(2, created);
            ps.setInt(3, updated);
            ps.setInt(4, unchanged);
            ps.setLong(5, failedRows);
            ps.setObject(6, job.id());
            ps.executeUpdate();
        }
    }

    /**
     * Writes rows that passed validation on the caller's transaction: checks them against the stored record (fields
     * fixed by the NIP, position and unit), upserts them, records their history entries, audit entries and events.
     */
    private Written write(Connection c, Job job, Context ctx, List<ImportRowValidator.ValidRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new Written(0, 0, 0, List.of());
        }
        Map<String, Map<String, Object>> before = current(c, rows);
        List<Object[]> errors = new ArrayList<>();
        List<ImportRowValidator.ValidRow> writable = new ArrayList<>();
        for (ImportRowValidator.ValidRow r : rows) {
            Map<String, Object> stored = before.get(r.nip());
            if (stored == null) {
                writable.add(r);
                continue;
            }
            // the same rules as PATCH: what the NIP fixes stays, except CPNS to PNS
            java.util.Optional<FixedByNip.Violation> fixed = FixedByNip.check(Gender.valueOf((String) stored.get("gender")),
                    LocalDate.parse((String) stored.get("birth_date")), EmploymentType.valueOf((String) stored.get("employment_type")),
                    r.gender(), r.birthDate(), r.employmentType());
            if (fixed.isPresent()) {
                errors.add(new Object[] {r.row(), fixed.get().field(), fixed.get().message()});
                continue;
            }
            // an empty rank, position or education keeps the stored one: an import never clears history-backed values
            String storedLevel = (String) stored.get("education_level");
            ImportRowValidator.ValidRow kept = r.keeping((String) stored.get("rank"), (String) stored.get("position_code"),
                    storedLevel == null ? null : EducationLevel.valueOf(storedLevel), (String) stored.get("education_field"));
            String positionUnit = kept.positionCode() == null ? null : ctx.positionUnits.get(kept.positionCode());
            if (positionUnit != null && !positionUnit.equals(kept.orgUnitCode())) {
                errors.add(new Object[] {r.row(), "positionCode", "the current position " + kept.positionCode() + " belongs to org unit "
                        + positionUnit + ", not " + kept.orgUnitCode() + "; give the positionCode in the new unit"});
                continue;
            }
            writable.add(kept);
        }
        int[] counts = upsert(c, job, ctx, writable, before);
        return new Written(counts[0], counts[1], writable.size() - counts[0] - counts[1], errors);
    }

    private static Map<String, Map<String, Object>> current(Connection c, List<ImportRowValidator.ValidRow> rows) throws SQLException {
        Map<String, Map<String, Object>> before = new HashMap<>();
        if (rows.isEmpty()) {
            return before;
        }
        try (PreparedStatement ps = c.prepareStatement("select * from employee where nip = any(?)")) {
            Array nips = c.createArrayOf("varchar", rows.stream().map(ImportRowValidator.ValidRow::nip).toArray());
            ps.setArray(1, nips);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.put(rs.getMetaData().getColumnName(i), v == null ? null : v.toString());
                    }
                    before.put(rs.getString("nip"), row);
                }
            }
        }
        return before;
    }

    /**
     * The history entries of the rows written, dated today: the first entries of a new NIP, and an entry for each rank,
     * position or education an import changes, so the record stays the entry in force (see HistoryInForce).
     */
    private void recordHistory(Connection c, Job job, Context ctx, List<ImportRowValidator.ValidRow> written,
            Map<String, Map<String, Object>> before) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        try (PreparedStatement ranks = c.prepareStatement(
                     "insert into rank_history (nip, rank, effective_date, recorded_by) values (?, ?, ?, ?)");
             PreparedStatement placements = c.prepareStatement("""
                     insert into placement (nip, position_code, org_unit_code, effective_date, assignment, recorded_by)
                     values (?, ?, ?, ?, 'DEFINITIF', ?)""");
             PreparedStatement educations = c.prepareStatement(
                     "insert into education_history (nip, level, field, graduated_on, recorded_by) values (?, ?, ?, ?, ?)")) {
            for (ImportRowValidator.ValidRow r : written) {
                Map<String, Object> stored = before.getOrDefault(r.nip(), Map.of());
                if (r.rank() != null && !r.rank().equals(stored.get("rank"))) {
                    ranks.setString(1, r.nip());
                    ranks.setString(2, r.rank());
                    ranks.setObject(3, today);
                    ranks.setString(4, job.actor());
                    ranks.addBatch();
                }
                if (r.positionCode() != null && ctx.positionUnits.containsKey(r.positionCode())
                        && (!r.positionCode().equals(stored.get("position_code")) || !r.orgUnitCode().equals(stored.get("org_unit_code")))) {
                    placements.setString(1, r.nip());
                    placements.setString(2, r.positionCode());
                    placements.setString(3, r.orgUnitCode());
                    placements.setObject(4, today);
                    placements.setString(5, job.actor());
                    placements.addBatch();
                }
                String level = r.educationLevel() == null ? null : r.educationLevel().name();
                if (level != null && (!level.equals(stored.get("education_level"))
                        || !java.util.Objects.equals(r.educationField(), stored.get("education_field")))) {
                    educations.setString(1, r.nip());
                    educations.setString(2, level);
                    educations.setString(3, r.educationField());
                    educations.setObject(4, today);
                    educations.setString(5, job.actor());
                    educations.addBatch();
                }
            }
            ranks.executeBatch();
            placements.executeBatch();
            educations.executeBatch();
        }
    }

    /** @return {created, updated} */
    private int[] upsert(Connection c, Job job, Context ctx, List<ImportRowValidator.ValidRow> rows,
            Map<String, Map<String, Object>> before) throws SQLException {
        int created = 0;
        int updated = 0;
        if (rows.isEmpty()) {
            return new int[] {0, 0};
        }
        List<Outbox.Pending> events = new ArrayList<>();
        List<AuditLog.Pending> audits = new ArrayList<>();
        Map<String, ImportRowValidator.ValidRow> byNip = new HashMap<>();
        List<ImportRowValidator.ValidRow> written = new ArrayList<>();
        // one statement for the whole batch: the columns travel as arrays and are unnested into rows; an update only
        // happens (and returns a row) when something differs, so an unchanged row makes no audit entry and no event
        String batchSql = """
                with input as (
                    select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::varchar[], ?::varchar[],
                                         ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::date[])
                    as t(nip, name, gender, birth_date, employment_type, rank, position_code, org_unit_code,
                         education_level, education_field, status, tmt_cpns))
                insert into employee (nip, name, gender, birth_date, employment_type, rank, position_code, org_unit_code,
                                      education_level, education_field, status, tmt_cpns, version, created_at, updated_at)
                select nip, name, gender, birth_date, employment_type, rank, position_code, org_unit_code,
                       education_level, education_field, status, tmt_cpns, 0, now(), now() from input
                on conflict (nip) do update set name = excluded.name, gender = excluded.gender, birth_date = excluded.birth_date,
                    employment_type = excluded.employment_type, rank = excluded.rank, position_code = excluded.position_code,
                    org_unit_code = excluded.org_unit_code, education_level = excluded.education_level,
                    education_field = excluded.education_field, status = excluded.status, tmt_cpns = excluded.tmt_cpns,
                    version = employee.version + 1, updated_at = now()
                where (employee.name, employee.gender, employee.birth_date, employee.employment_type, employee.rank,
                       employee.position_code, employee.org_unit_code, employee.education_level, employee.education_field,
                       employee.status, employee.tmt_cpns)
                   is distinct from
                      (excluded.name, excluded.gender, excluded.birth_date, excluded.employment_type, excluded.rank,
                       excluded.position_code, excluded.org_unit_code, excluded.education_level, excluded.education_field,
                       excluded.status, excluded.tmt_cpns)
                returning nip, version, (xmax = 0) as inserted""";
        int n = rows.size();
        Object[][] columns = new Object[12][n];
        for (int i = 0; i < n; i++) {
            ImportRowValidator.ValidRow r = rows.get(i);
            byNip.put(r.nip(), r);
            columns[0][i] = r.nip();
            columns[1][i] = r.name();
            columns[2][i] = r.gender().name();
            columns[3][i] = r.birthDate();
            columns[4][i] = r.employmentType().name();
            columns[5][i] = r.rank();
            columns[6][i] = r.positionCode();
            columns[7][i] = r.orgUnitCode();
            columns[8][i] = r.educationLevel() == null ? null : r.educationLevel().name();
            columns[9][i] = r.educationField();
            columns[10][i] = r.status().name();
            columns[11][i] = r.tmtCpns();
        }
        try (PreparedStatement ps = c.prepareStatement(batchSql)) {
            for (int col = 0; col < 12; col++) {
                boolean date = col == 3 || col == 11;
                ps.setArray(col + 1, c.createArrayOf(date ? "date" : "varchar", columns[col]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String nip = rs.getString(1);
                    long version = rs.getLong(2);
                    boolean inserted = rs.getBoolean(3);
                    ImportRowValidator.ValidRow r = byNip.get(nip);
                    Map<String, Object> after = afterState(r, version);
                    if (inserted) {
                        created++;
                    } else {
                        updated++;
                    }
                    audits.add(new AuditLog.Pending(inserted ? "IMPORT_CREATE" : "IMPORT_UPDATE", "Employee", nip,
                            inserted ? null : before.get(nip), after));
                    written.add(r);
                    // as REST does: a row that retires someone is a retirement, not a mere update
                    boolean retiring = !inserted && r.status() == EmployeeStatus.RETIRED
                            && !EmployeeStatus.RETIRED.name().equals(before.get(nip).get("status"));
                    events.add(new Outbox.Pending(EmployeeService.TOPIC, nip,
                            inserted ? EmployeeService.REGISTERED : retiring ? EmployeeService.RETIRED : EmployeeService.UPDATED,
                            eventData(r, version, ctx)));
                }
            }
        }
        recordHistory(c, job, ctx, written, before);
        audit.recordAll(c, job.actor(), job.roles(), job.requestId(), audits);
        outbox.publishAll(c, events);
        return new int[] {created, updated};
    }

    private static Map<String, Object> afterState(ImportRowValidator.ValidRow r, long version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nip", r.nip());
        m.put("name", r.name());
        m.put("gender", r.gender());
        m.put("birthDate", r.birthDate());
        m.put("employmentType", r.employmentType());
        m.put("rank", r.rank());
        m.put("positionCode", r.positionCode());
        m.put("orgUnitCode", r.orgUnitCode());
        m.put("educationLevel", r.educationLevel());
        m.put("educationField", r.educationField());
        m.put("status", r.status());
        m.put("tmtCpns", r.tmtCpns());
        m.put("version", version);
        return m;
    }

    /** The same data shape as EmployeeEventData, built without loading entities. */
    private static Map<String, Object> eventData(ImportRowValidator.ValidRow r, long version, Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nip", r.nip());
        m.put("name", r.name());
        m.put("gender", r.gender());
        m.put("birthDate", r.birthDate());
        m.put("employmentType", r.employmentType());
        m.put("rank", r.rank());
        m.put("positionCode", r.positionCode());
        m.put("positionType", r.positionCode() == null ? null : ctx.positionTypes.get(r.positionCode()));
        m.put("orgUnitCode", r.orgUnitCode());
        m.put("orgUnitPath", ctx.unitPaths.get(r.orgUnitCode()));
        m.put("status", r.status());
        m.put("version", version);
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    private static void insertErrors(Connection c, UUID job, List<Object[]> errors) throws SQLException {
        if (errors.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into import_error (job_id, row_no, field, message) values (?, ?, ?, ?)")) {
            for (Object[] e : errors) {
                ps.setObject(1, job);
                ps.setInt(2, (Integer) e[0]);
                ps.setString(3, (String) e[1]);
                String message = (String) e[2];
                ps.setString(4, message.length() > 1000 ? message.substring(0, 1000) : message);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private Job load(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     update import_job set status = 'RUNNING', started_at = coalesce(started_at, now())
                     where id = ? and status in ('QUEUED', 'RUNNING')
                     returning format, file_path, processed, created_by, roles, request_id""")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Job(id, rs.getString(1), Path.of(rs.getString(2)), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6));
            }
        }
    }

    private void finish(UUID id, String status, String error) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update import_job set status = ?, finished_at = now(), error = ? where id = ?")) {
            ps.setString(1, status);
            ps.setString(2, error);
            ps.setObject(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.errorf(e, "import %s: cannot record the end", id);
        }
    }
}
