package id.asn.merit.employee.imports;

import id.asn.merit.employee.domain.EducationLevel;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.EmploymentType;
import id.asn.merit.employee.domain.FixedByNip;
import id.asn.merit.employee.domain.Gender;
import id.asn.merit.employee.service.EmployeeService;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.imports.CopyRows;
import id.asn.merit.platform.imports.ImportHandler;
import id.asn.merit.platform.imports.ImportJob;
import id.asn.merit.platform.imports.ImportJobs;
import id.asn.merit.platform.imports.ImportReader;
import id.asn.merit.platform.imports.ImportRow;
import id.asn.merit.platform.imports.ImportRowError;
import id.asn.merit.platform.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk employee import, on platform's {@link ImportJobs} engine (spooling, the job and its progress, batches in their
 * own transactions, resume after a crash): this handler checks each row with the rules of {@code POST /employees} and
 * writes a batch by upserting by NIP, with its history, audit entries and outbox events. Re-running rows is harmless:
 * an unchanged row changes nothing.
 */
@ApplicationScoped
public class EmployeeImportJobs implements ImportHandler<ImportRowValidator.ValidRow> {
    /** {@code education: {level, field}} in a JSON row stands for the CSV's educationLevel and educationField. */
    static final ImportReader.Shape SHAPE = new ImportReader.Shape(
            Map.of("education.level", "educationLevel", "education.field", "educationField"), java.util.Set.of());

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Outbox outbox;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    ImportJobs engine;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EmployeeImportJobs.class);

    @Override
    public String name() {
        return "employee";
    }

    @Override
    public ImportReader.Shape shape() {
        return SHAPE;
    }

    /** Where uploads wait for their job; a rejected upload's file is deleted at once. */
    public Path directory() {
        return engine.directory(this);
    }

    @Override
    public Session<ImportRowValidator.ValidRow> open(ImportJob job) throws SQLException {
        Context ctx = context();
        return new Session<>() {
            @Override
            public void see(ImportRow row) {
                ctx.noteNip(row);
            }

            @Override
            public Parsed<ImportRowValidator.ValidRow> parse(ImportRow row) {
                int first = ctx.firstRowOf(row.get("nip"));
                if (first != 0 && first != row.row()) {
                    return Parsed.refused(List.of(new id.asn.merit.platform.problem.Problem.FieldError("nip",
                            "the same NIP is in row " + first + " of this file")));
                }
                ImportRowValidator.Result result = ImportRowValidator.validate(row, ctx.unitPaths.keySet(), ctx.openPositions);
                return result.valid() != null ? Parsed.ok(result.valid()) : Parsed.refused(result.errors());
            }

            @Override
            public Written write(Connection connection, List<Numbered<ImportRowValidator.ValidRow>> rows) throws SQLException {
                return EmployeeImportJobs.this.write(connection, job, ctx, rows.stream().map(Numbered::value).toList());
            }
        };
    }

    /** What a job looks up once: the open org units with their paths, position types, and the NIPs seen so far. */
    static final class Context {
        final Map<String, List<String>> unitPaths = new HashMap<>();
        final Map<String, String> positionTypes = new HashMap<>();
        /** The unit of each open position, by code. */
        final Map<String, String> openPositions = new HashMap<>();
        /** The unit of every position (open or closed), by code. */
        final Map<String, String> positionUnits = new HashMap<>();
        /**
         * The first row of each NIP seen so far, so a repeated NIP is refused: a NIP of 18 digits is a long, kept in an
         * open-addressing table (12 bytes a slot, about 24 MB for a million rows, where a HashMap of Strings took
         * about 120 MB). Another NIP is not kept: it fails the NIP check anyway.
         */
        final NipRows firstRowOfNip = new NipRows();

        void noteNip(ImportRow row) {
            long key = NipRows.key(row.get("nip"));
            if (key != 0) {
                firstRowOfNip.putIfAbsent(key, row.row());
            }
        }

        /** The first row with this NIP, 0 when none was seen (or the NIP is not 18 digits). */
        int firstRowOf(String nip) {
            long key = NipRows.key(nip);
            return key == 0 ? 0 : firstRowOfNip.get(key);
        }
    }

    /** NIP (18 digits, as a long) to the first row that has it; a minimal open-addressing map, no boxing. */
    static final class NipRows {
        private long[] keys = new long[1 << 12];
        private int[] rows = new int[1 << 12];
        private int size;

        /** The NIP as a key (its value + 1, so 0 marks an empty slot), or 0 when it is not 18 digits. */
        static long key(String nip) {
            if (nip == null || nip.length() != 18) {
                return 0;
            }
            long v = 0;
            for (int i = 0; i < 18; i++) {
                char ch = nip.charAt(i);
                if (ch < '0' || ch > '9') {
                    return 0;
                }
                v = v * 10 + (ch - '0');
            }
            return v + 1;
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & (keys.length - 1);
        }

        void putIfAbsent(long key, int row) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int i = slot(key);
            while (keys[i] != 0) {
                if (keys[i] == key) {
                    return;
                }
                i = (i + 1) & (keys.length - 1);
            }
            keys[i] = key;
            rows[i] = row;
            size++;
        }

        int get(long key) {
            int i = slot(key);
            while (keys[i] != 0) {
                if (keys[i] == key) {
                    return rows[i];
                }
                i = (i + 1) & (keys.length - 1);
            }
            return 0;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldRows = rows;
            keys = new long[oldKeys.length * 2];
            rows = new int[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    putIfAbsent(oldKeys[i], oldRows[i]);
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


    /**
     * Writes rows that passed validation on the caller's transaction: checks them against the stored record (fields
     * fixed by the NIP, position and unit), upserts them, records their history entries, audit entries and events.
     */
    private Written write(Connection c, ImportJob job, Context ctx, List<ImportRowValidator.ValidRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return Written.NOTHING;
        }
        Map<String, Map<String, Object>> before = current(c, rows);
        List<ImportRowError> errors = new ArrayList<>();
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
                errors.add(new ImportRowError(r.row(), fixed.get().field(), fixed.get().message()));
                continue;
            }
            // an empty rank, position or education keeps the stored one: an import never clears history-backed values
            String storedLevel = (String) stored.get("education_level");
            ImportRowValidator.ValidRow kept = r.keeping((String) stored.get("rank"), (String) stored.get("position_code"),
                    storedLevel == null ? null : EducationLevel.valueOf(storedLevel), (String) stored.get("education_field"));
            String positionUnit = kept.positionCode() == null ? null : ctx.positionUnits.get(kept.positionCode());
            if (positionUnit != null && !positionUnit.equals(kept.orgUnitCode())) {
                errors.add(new ImportRowError(r.row(), "positionCode", "the current position " + kept.positionCode() + " belongs to org unit "
                        + positionUnit + ", not " + kept.orgUnitCode() + "; give the positionCode in the new unit"));
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
     * position or education an import changes, so the record stays the entry in force (see HistoryInForce). One
     * {@code COPY} per history table.
     */
    private void recordHistory(Connection c, ImportJob job, Context ctx, List<ImportRowValidator.ValidRow> written,
            Map<String, Map<String, Object>> before) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        CopyRows ranks = new CopyRows(written.size());
        CopyRows placements = new CopyRows(written.size());
        CopyRows educations = new CopyRows(written.size());
        for (ImportRowValidator.ValidRow r : written) {
            Map<String, Object> stored = before.getOrDefault(r.nip(), Map.of());
            if (r.rank() != null && !r.rank().equals(stored.get("rank"))) {
                ranks.add(r.nip()).add(r.rank()).add(today).add(job.actor()).end();
            }
            if (r.positionCode() != null && ctx.positionUnits.containsKey(r.positionCode())
                    && (!r.positionCode().equals(stored.get("position_code")) || !r.orgUnitCode().equals(stored.get("org_unit_code")))) {
                placements.add(r.nip()).add(r.positionCode()).add(r.orgUnitCode()).add(today).add("DEFINITIF").add(job.actor()).end();
            }
            String level = r.educationLevel() == null ? null : r.educationLevel().name();
            if (level != null && (!level.equals(stored.get("education_level"))
                    || !java.util.Objects.equals(r.educationField(), stored.get("education_field")))) {
                educations.add(r.nip()).add(level).add(r.educationField()).add(today).add(job.actor()).end();
            }
        }
        ranks.copy(c, "rank_history", "nip, rank, effective_date, recorded_by");
        placements.copy(c, "placement", "nip, position_code, org_unit_code, effective_date, assignment, recorded_by");
        educations.copy(c, "education_history", "nip, level, field, graduated_on, recorded_by");
    }

    /** @return {created, updated} */
    private int[] upsert(Connection c, ImportJob job, Context ctx, List<ImportRowValidator.ValidRow> rows,
            Map<String, Map<String, Object>> before) throws SQLException {
        int created = 0;
        int updated = 0;
        if (rows.isEmpty()) {
            return new int[] {0, 0};
        }
        long t0 = System.nanoTime();
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
        // a NIP not stored yet is copied straight into the table (COPY, no conflict handling): its version is 0. Should
        // another transaction register the NIP meanwhile, the unique key refuses the COPY and the engine retries the
        // batch row by row, where the row becomes an update
        CopyRows fresh = new CopyRows(rows.size());
        List<ImportRowValidator.ValidRow> stored = new ArrayList<>();
        for (ImportRowValidator.ValidRow r : rows) {
            if (before.containsKey(r.nip())) {
                stored.add(r);
                continue;
            }
            fresh.add(r.nip()).add(r.name()).add(r.gender()).add(r.birthDate()).add(r.employmentType()).add(r.rank())
                    .add(r.positionCode()).add(r.orgUnitCode()).add(r.educationLevel()).add(r.educationField()).add(r.status())
                    .add(r.tmtCpns()).end();
            created++;
            changed(r, true, 0, before, ctx, audits, events);
            written.add(r);
        }
        fresh.copy(c, "employee", "nip, name, gender, birth_date, employment_type, rank, position_code, org_unit_code,"
                + " education_level, education_field, status, tmt_cpns");
        int n = stored.size();
        Object[][] columns = new Object[12][n];
        for (int i = 0; i < n; i++) {
            ImportRowValidator.ValidRow r = stored.get(i);
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
        if (n > 0) {
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
                        if (inserted) {
                            created++;
                        } else {
                            updated++;
                        }
                        changed(r, inserted, version, before, ctx, audits, events);
                        written.add(r);
                    }
                }
            }
        }
        long t1 = System.nanoTime();
        recordHistory(c, job, ctx, written, before);
        long t2 = System.nanoTime();
        audit.recordAll(c, job.actor(), job.roles(), job.requestId(), audits);
        long t3 = System.nanoTime();
        outbox.publishAll(c, events);
        long t4 = System.nanoTime();
        if (LOG.isDebugEnabled()) {
            LOG.debugf("employee import %s: %d rows, employee rows %d ms, history %d ms, audit %d ms, events %d ms", job.id(),
                    rows.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
        }
        return new int[] {created, updated};
    }

    /** The audit entry and the event of a row the batch created or changed. */
    private static void changed(ImportRowValidator.ValidRow r, boolean inserted, long version, Map<String, Map<String, Object>> before,
            Context ctx, List<AuditLog.Pending> audits, List<Outbox.Pending> events) {
        String nip = r.nip();
        audits.add(new AuditLog.Pending(inserted ? "IMPORT_CREATE" : "IMPORT_UPDATE", "Employee", nip,
                inserted ? null : before.get(nip), afterState(r, version)));
        // as REST does: a row that retires someone is a retirement, not a mere update
        boolean retiring = !inserted && r.status() == EmployeeStatus.RETIRED
                && !EmployeeStatus.RETIRED.name().equals(before.get(nip).get("status"));
        events.add(new Outbox.Pending(EmployeeService.TOPIC, nip,
                inserted ? EmployeeService.REGISTERED : retiring ? EmployeeService.RETIRED : EmployeeService.UPDATED,
                eventData(r, version, ctx)));
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
        m.put("educationLevel", r.educationLevel()); // rankSince is left out: a consumer keeps the TMT it knows for the same rank
        m.put("positionType", r.positionCode() == null ? null : ctx.positionTypes.get(r.positionCode()));
        m.put("orgUnitCode", r.orgUnitCode());
        m.put("orgUnitPath", ctx.unitPaths.get(r.orgUnitCode()));
        m.put("status", r.status());
        m.put("version", version);
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

}
