package id.asn.merit.training.imports;

import id.asn.merit.training.service.TrainingClock;
import id.asn.merit.training.records.TrainingRecordEventData;
import id.asn.merit.platform.imports.ImportHandler;
import id.asn.merit.platform.imports.ImportJob;
import id.asn.merit.platform.imports.ImportReader;
import id.asn.merit.platform.imports.ImportRow;
import id.asn.merit.platform.imports.ImportRowError;
import id.asn.merit.platform.outbox.Outbox;
import id.asn.merit.platform.problem.Problem.FieldError;
import id.asn.merit.training.domain.JpUnits;
import id.asn.merit.training.domain.TrainingRecordRules;
import id.asn.merit.training.messaging.TrainingEvents;
import id.asn.merit.training.service.JpLedger;
import id.asn.merit.training.service.JpRequirements;
import id.asn.merit.training.service.RecordCatalog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Bulk import of training records on platform's {@link id.asn.merit.platform.imports.ImportJobs} engine (the same
 * mechanism as the employee import). Each row is checked by {@link TrainingRecordRules} against a snapshot of the
 * catalogue read once per job; a batch of good rows is written with one multi-row insert on the batch's transaction
 * (source IMPORT, the job's id), then, in that same transaction, {@link JpLedger} refreshes the person-years it touched
 * (jp_person_year and the threshold events) and {@code asn.training.recorded.v1} goes to the outbox for each record
 * created. A row whose (nip, organizer, certificate number) is already recorded, by an earlier import, the API or an
 * earlier row of the same file, is not an error: it counts as a duplicate (the job's {@code duplicates}) and changes
 * nothing, so importing the same file again creates no record and no event.
 *
 * <p>A row's {@code status} is VERIFIED (the default: an HR office importing its verified history, the usual BKPSDM
 * case) or PENDING (to be verified through the API like a submission); only ADMIN and HR_OFFICER import.
 */
@ApplicationScoped
public class TrainingImportHandler implements ImportHandler<TrainingImportHandler.Row> {
    public static final List<String> COLUMNS = List.of("nip", "programCode", "title", "methodCode", "organizer", "startDate",
            "endDate", "jp", "durationMinutes", "certificateNumber", "competencyCodes", "leadershipLevel", "cost", "status");
    /** A CSV cell lists competency codes separated by ';' or '|' (a JSON row may give an array). */
    static final Pattern LIST = Pattern.compile("[;|]");
    static final ImportReader.Shape SHAPE = new ImportReader.Shape(Map.of(), Set.of("competencyCodes"));
    static final Set<String> STATUSES = Set.of("VERIFIED", "PENDING");

    @Inject
    RecordCatalog catalog;
    @Inject
    TrainingClock clock;
    @Inject
    JpRequirements requirements;
    @Inject
    JpLedger ledger;
    @Inject
    Outbox outbox;

    @ConfigProperty(name = "asn.training.minutes-per-jp", defaultValue = "" + JpUnits.DEFAULT_MINUTES_PER_JP)
    int minutesPerJp;

    /** A good row: the record as the rules made it, and its status. */
    public record Row(TrainingRecordRules.Valid record, String status) {
    }

    /** The data of asn.training.recorded.v1, as the REST POST sends it (the same JSON fields). */
    @Override
    public String name() {
        return "training";
    }

    @Override
    public ImportReader.Shape shape() {
        return SHAPE;
    }

    @Override
    public Session<Row> open(ImportJob job) {
        TrainingRecordRules.Catalog snapshot = QuarkusTransaction.requiringNew().call(catalog::snapshot);
        JpRequirements.Policy policy = QuarkusTransaction.requiringNew().call(requirements::current);
        LocalDate today = clock.today();
        return new Session<>() {
            @Override
            public Parsed<Row> parse(ImportRow row) {
                return TrainingImportHandler.parse(row, snapshot, today, minutesPerJp);
            }

            @Override
            public Written write(Connection connection, List<Numbered<Row>> rows) throws SQLException {
                return TrainingImportHandler.this.write(connection, job, policy, rows);
            }
        };
    }

    /** Reads one row's text into the record's fields and checks it; every error names its column. */
    static Parsed<Row> parse(ImportRow r, TrainingRecordRules.Catalog catalog, LocalDate today, int minutesPerJp) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> cell : r.values().entrySet()) {
            if (!COLUMNS.contains(cell.getKey())) {
                errors.add(new FieldError(cell.getKey(), "is not a known column"));
            }
            String value = cell.getValue();
            if (value != null && value.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                errors.add(new FieldError(cell.getKey(), "contains a control character"));
            } else if ("<structured>".equals(value)) {
                errors.add(new FieldError(cell.getKey(), "must be a single value, not an object or array"));
            }
        }
        Set<String> unreadable = new HashSet<>();
        errors.forEach(e -> unreadable.add(e.field()));
        LocalDate start = date(r, "startDate", errors, unreadable);
        LocalDate end = date(r, "endDate", errors, unreadable);
        BigDecimal jp = null;
        String jpText = r.get("jp");
        if (jpText != null && !unreadable.contains("jp")) {
            try {
                jp = new BigDecimal(jpText);
            } catch (NumberFormatException e) {
                refuse(errors, unreadable, "jp", "value '" + clip(jpText) + "' is not a number");
            }
        }
        Long minutes = whole(r, "durationMinutes", errors, unreadable);
        if (minutes != null && (minutes > Integer.MAX_VALUE || minutes < Integer.MIN_VALUE)) {
            refuse(errors, unreadable, "durationMinutes", "is too large");
            minutes = null;
        }
        Long cost = whole(r, "cost", errors, unreadable);
        List<String> competencies = null;
        String list = r.get("competencyCodes"); // empty: not given, a programme's are taken
        if (list != null && !unreadable.contains("competencyCodes")) {
            competencies = List.of(LIST.split(list, -1));
        }
        String status = r.get("status");
        if (status == null) {
            status = "VERIFIED";
        } else if (!STATUSES.contains(status)) {
            refuse(errors, unreadable, "status", "must be VERIFIED or PENDING");
        }
        TrainingRecordRules.Outcome outcome = TrainingRecordRules.check(new TrainingRecordRules.Input(r.get("nip"),
                        r.get("programCode"), r.get("title"), r.get("methodCode"), r.get("organizer"), start, end, jp,
                        minutes == null ? null : minutes.intValue(), r.get("certificateNumber"), competencies,
                        r.get("leadershipLevel"), cost),
                catalog, today, minutesPerJp);
        for (FieldError e : outcome.errors()) {
            String column = e.field().startsWith("competencyCodes[") ? "competencyCodes" : e.field();
            if (!unreadable.contains(column)) {
                errors.add(column.equals(e.field()) ? e : new FieldError(column, e.field() + " " + e.message()));
            }
        }
        return errors.isEmpty() ? Parsed.ok(new Row(outcome.valid(), status)) : Parsed.refused(errors);
    }

    private static void refuse(List<FieldError> errors, Set<String> unreadable, String field, String message) {
        errors.add(new FieldError(field, message));
        unreadable.add(field);
    }

    private static LocalDate date(ImportRow r, String column, List<FieldError> errors, Set<String> unreadable) {
        String value = r.get(column);
        if (value == null || unreadable.contains(column)) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            refuse(errors, unreadable, column, "value '" + clip(value) + "' is not a date YYYY-MM-DD");
            return null;
        }
    }

    private static Long whole(ImportRow r, String column, List<FieldError> errors, Set<String> unreadable) {
        String value = r.get(column);
        if (value == null || unreadable.contains(column)) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            refuse(errors, unreadable, column, "value '" + clip(value) + "' is not a whole number");
            return null;
        }
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /**
     * Writes a batch on its transaction: rows of a NIP with no employee are refused, the others inserted in one
     * statement that skips (and so counts as duplicates) those already recorded; then the ledger and the events.
     */
    Written write(Connection c, ImportJob job, JpRequirements.Policy policy, List<Numbered<Row>> rows) throws SQLException {
        Set<String> known = knownEmployees(c, rows);
        List<ImportRowError> errors = new ArrayList<>();
        List<Numbered<Row>> writable = new ArrayList<>(rows.size());
        for (Numbered<Row> r : rows) {
            if (known.contains(r.value().record().nip())) {
                writable.add(r);
            } else {
                errors.add(new ImportRowError(r.row(), "nip", "no employee with NIP " + r.value().record().nip()));
            }
        }
        if (writable.isEmpty()) {
            return new Written(0, 0, 0, errors);
        }
        Map<UUID, Numbered<Row>> byId = new HashMap<>();
        int n = writable.size();
        Object[][] columns = new Object[15][n];
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            Row row = writable.get(i).value();
            TrainingRecordRules.Valid v = row.record();
            byId.put(id, writable.get(i));
            columns[0][i] = id.toString();
            columns[1][i] = v.nip();
            columns[2][i] = v.programCode();
            columns[3][i] = v.title();
            columns[4][i] = v.methodCode();
            columns[5][i] = v.organizer();
            columns[6][i] = v.startDate();
            columns[7][i] = v.endDate();
            columns[8][i] = v.year();
            columns[9][i] = v.jp();
            columns[10][i] = v.durationMinutes();
            columns[11][i] = v.certificateNumber();
            columns[12][i] = String.join("|", v.competencyCodes());
            columns[13][i] = v.leadershipLevel();
            columns[14][i] = v.cost();
        }
        String[] types = {"varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "date", "date", "integer", "numeric",
                "integer", "varchar", "varchar", "varchar", "bigint"};
        String[] statuses = writable.stream().map(r -> r.value().status()).toArray(String[]::new);
        List<UUID> inserted = new ArrayList<>();
        // one statement for the batch: columns travel as arrays; a duplicate (also of an earlier row of the batch) is skipped
        try (PreparedStatement ps = c.prepareStatement("""
                insert into training_record (id, nip, program_code, title, method_code, organizer, start_date, end_date, year,
                    jp, duration_minutes, certificate_number, competency_codes, leadership_level, cost, status,
                    decided_by, decided_at, submitted_by, source, import_job_id, version, created_at, updated_at)
                select t.id, t.nip, t.program_code, t.title, t.method_code, t.organizer, t.start_date, t.end_date, t.year,
                    t.jp, t.duration_minutes, t.certificate_number, string_to_array(t.codes, '|')::varchar(50)[],
                    t.leadership_level, t.cost, t.status,
                    case when t.status = 'VERIFIED' then ? end, case when t.status = 'VERIFIED' then now() end,
                    ?, 'IMPORT', ?, 0, now(), now()
                from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::date[],
                            ?::date[], ?::integer[], ?::numeric[], ?::integer[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::bigint[], ?::varchar[])
                    as t(id, nip, program_code, title, method_code, organizer, start_date, end_date, year, jp,
                         duration_minutes, certificate_number, codes, leadership_level, cost, status)
                on conflict do nothing
                returning id""")) {
            ps.setString(1, job.actor());
            ps.setString(2, job.actor());
            ps.setObject(3, job.id());
            for (int col = 0; col < 15; col++) {
                ps.setArray(col + 4, c.createArrayOf(types[col], columns[col]));
            }
            ps.setArray(19, c.createArrayOf("varchar", statuses));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        }
        if (!inserted.isEmpty()) {
            LinkedHashSet<JpLedger.PersonYear> keys = new LinkedHashSet<>();
            for (UUID id : inserted) {
                TrainingRecordRules.Valid v = byId.get(id).value().record();
                keys.add(new JpLedger.PersonYear(v.nip(), v.year()));
            }
            Map<JpLedger.PersonYear, JpLedger.Totals> totals = ledger.refresh(c, keys, null, policy);
            List<Outbox.Pending> events = new ArrayList<>(inserted.size());
            java.time.OffsetDateTime decidedAt = java.time.OffsetDateTime.now();
            for (UUID id : inserted) {
                Row row = byId.get(id).value();
                TrainingRecordRules.Valid v = row.record();
                JpLedger.Totals t = totals.get(new JpLedger.PersonYear(v.nip(), v.year()));
                boolean verified = "VERIFIED".equals(row.status());
                // the same payload as a record POSTed one by one (TrainingRecordEventData, docs/asyncapi.yaml)
                events.add(new Outbox.Pending(TrainingEvents.TOPIC, v.nip(), TrainingEvents.RECORDED, new TrainingRecordEventData(
                        id.toString(), v.nip(), v.programCode(), v.title(), v.methodCode(), v.organizer(), v.startDate(), v.endDate(),
                        v.year(), v.jp(), v.durationMinutes(), v.certificateNumber(), v.competencyCodes(), v.leadershipLevel(),
                        v.cost(), row.status(), verified ? job.actor() : null, verified ? decidedAt : null, null, job.actor(), "IMPORT",
                        0L, t == null ? null : t.recognisedByRecord().get(id), t == null ? null : t.recognisedJp(),
                        t == null ? null : t.requiredJp())));
            }
            outbox.publishAll(c, events);
        }
        return new Written(inserted.size(), 0, n - inserted.size(), errors);
    }

    private static Set<String> knownEmployees(Connection c, List<Numbered<Row>> rows) throws SQLException {
        Set<String> known = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select nip from employee_replica where nip = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", rows.stream().map(r -> r.value().record().nip()).distinct().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        return known;
    }
}
