package id.asn.merit.training.compliance;

import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.web.CsvWriter;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.training.domain.JpCompliance;
import id.asn.merit.training.domain.JpRecognition;
import id.asn.merit.training.service.JpLedger;
import id.asn.merit.training.service.JpRequirements;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The compliance and forecast reads. Status, filter, order, paging and the summary are computed by PostgreSQL over
 * {@code employee_replica ⟕ jp_person_year} (one statement for the page, one for the summary); the CSV streams the same
 * statement through a cursor. Only the person detail and a forecast on a past day run {@link JpRecognition} in Java,
 * because caps make a plain SQL sum wrong there.
 */
@ApplicationScoped
public class ComplianceQueries {
    static final int FETCH_SIZE = 1000;
    static final int CSV_CHUNK = 500;

    @Inject
    AgroalDataSource ds;

    // ---------------------------------------------------------------- the list

    public ComplianceViews.Page page(PersonAccess.Scope scope, JpRequirements.Policy policy, int year, LocalDate asOf,
                                     JpCompliance.Status status, PageRequest paging) {
        try (Connection c = ds.getConnection()) {
            ComplianceViews.Summary summary = summary(c, scope, policy, year, asOf);
            long total = status == null ? summary.employees() : switch (status) {
                case MET -> summary.met();
                case AT_RISK -> summary.atRisk();
                case NOT_MET -> summary.notMet();
            };
            List<ComplianceViews.Row> items = new ArrayList<>();
            if (paging.offset() < total) {
                Map<String, Object> params = new HashMap<>();
                params.put("limit", paging.size());
                params.put("offset", (long) paging.offset());
                try (PreparedStatement ps = NamedSql.prepare(c, listSql(scope, policy, year, asOf, status, params) + " limit :limit offset :offset", params);
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(row(rs));
                    }
                }
            }
            return new ComplianceViews.Page(items, paging.page(), paging.size(), total, summary, year, asOf, policy.version());
        } catch (SQLException e) {
            throw new IllegalStateException("compliance list failed", e);
        }
    }

    /** The summary of everyone in scope: one aggregate over the same rows as the list. */
    ComplianceViews.Summary summary(Connection c, PersonAccess.Scope scope, JpRequirements.Policy policy, int year, LocalDate asOf)
            throws SQLException {
        Map<String, Object> params = new HashMap<>();
        String sql = """
                select count(*), count(*) filter (where s.status = 'MET'), count(*) filter (where s.status = 'AT_RISK'),
                       count(*) filter (where s.status = 'NOT_MET'), coalesce(sum(s.recognised_jp), 0)
                from (select %s as status, b.recognised_jp from (%s) b) s""".formatted(
                ComplianceSql.status(year, asOf), ComplianceSql.base(scope, policy, year, params));
        try (PreparedStatement ps = NamedSql.prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long employees = rs.getLong(1);
            long met = rs.getLong(2);
            BigDecimal total = rs.getBigDecimal(5).setScale(2, RoundingMode.HALF_UP);
            return new ComplianceViews.Summary(employees, met, rs.getLong(3), rs.getLong(4),
                    ratio(BigDecimal.valueOf(met * 100), employees), total, ratio(total, employees));
        }
    }

    private static BigDecimal ratio(BigDecimal numerator, long denominator) {
        return denominator == 0 ? BigDecimal.ZERO.setScale(2)
                : numerator.divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    /** Everyone in scope with their status, filtered, in the list's stable order (unit path, NIP). */
    private static String listSql(PersonAccess.Scope scope, JpRequirements.Policy policy, int year, LocalDate asOf,
                                  JpCompliance.Status status, Map<String, Object> params) {
        String filter = "";
        if (status != null) {
            params.put("status", status.name());
            filter = " where s.status = :status";
        }
        return """
                select s.nip, s.name, s.org_unit_code, s.position_code, s.employment_type, s.required_jp, s.recognised_jp,
                       s.claimed_jp, s.status
                from (select b.*, %s as status from (%s) b) s%s
                order by s.org_unit_path, s.nip""".formatted(ComplianceSql.status(year, asOf),
                ComplianceSql.base(scope, policy, year, params), filter);
    }

    private static ComplianceViews.Row row(ResultSet rs) throws SQLException {
        BigDecimal required = rs.getBigDecimal(6).setScale(2, RoundingMode.HALF_UP);
        BigDecimal recognised = rs.getBigDecimal(7).setScale(2, RoundingMode.HALF_UP);
        return new ComplianceViews.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                required, recognised, rs.getBigDecimal(8).setScale(2, RoundingMode.HALF_UP),
                jp(JpCompliance.shortfall(required, recognised)), JpCompliance.Status.valueOf(rs.getString(9)));
    }

    /**
     * The whole scope as CSV, written while it is read: a cursor (autocommit off, {@value #FETCH_SIZE} rows a fetch),
     * rows written {@value #CSV_CHUNK} at a time, so memory stays flat whatever the scope.
     */
    public void csv(PersonAccess.Scope scope, JpRequirements.Policy policy, int year, LocalDate asOf, JpCompliance.Status status,
                    OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        w.write(ComplianceViews.Row.CSV_HEADER);
        w.write("\r\n");
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Map<String, Object> params = new HashMap<>();
                try (PreparedStatement ps = NamedSql.prepare(c, listSql(scope, policy, year, asOf, status, params), params)) {
                    ps.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = ps.executeQuery()) {
                        List<Object[]> chunk = new ArrayList<>(CSV_CHUNK);
                        while (rs.next()) {
                            chunk.add(row(rs).csv());
                            if (chunk.size() == CSV_CHUNK) {
                                writeRows(w, chunk);
                            }
                        }
                        writeRows(w, chunk);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IOException("compliance CSV failed", e);
        }
        w.flush();
    }

    /** CSV rows through CsvWriter's escaping (RFC 4180, formula-safe), without its header line. */
    static void writeRows(Writer w, List<Object[]> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        String text = CsvWriter.write("", rows);
        w.write(text, 2, text.length() - 2);
        rows.clear();
    }

    // ---------------------------------------------------------------- one person

    /** The person's row and records, live; null when nobody knows the NIP (no replica row and no record at all). */
    public ComplianceViews.Person person(String nip, JpRequirements.Policy policy, int year, LocalDate asOf) {
        try (Connection c = ds.getConnection()) {
            String[] person = null;
            try (PreparedStatement ps = c.prepareStatement("""
                    select name, org_unit_code, position_code, employment_type, status from employee_replica where nip = ?""")) {
                ps.setString(1, nip);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        person = new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)};
                    }
                }
            }
            Map<UUID, String> titles = new HashMap<>();
            List<JpRecognition.Entry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select id, title, status, method_code, start_date, end_date, jp from training_record where nip = ? and year = ?""")) {
                ps.setString(1, nip);
                ps.setInt(2, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        titles.put(id, rs.getString(2));
                        entries.add(new JpRecognition.Entry(id, JpRecognition.Status.valueOf(rs.getString(3)), rs.getString(4),
                                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getBigDecimal(7)));
                    }
                }
            }
            if (person == null && entries.isEmpty() && !hasAnyRecord(c, nip)) {
                return null;
            }
            Map<String, JpRecognition.Caps> caps = JpLedger.caps(c);
            JpRecognition.Result result = JpRecognition.recognise(year, entries, caps);
            List<ComplianceViews.RecordLine> lines = result.lines().stream().map(l -> new ComplianceViews.RecordLine(
                    l.entry().id(), titles.get(l.entry().id()), l.entry().methodCode(), l.entry().startDate(), l.entry().endDate(),
                    l.entry().status(), jp(l.entry().jp()), jp(l.recognisedJp()), l.cut(),
                    capNote(l, caps.getOrDefault(l.entry().methodCode(), JpRecognition.Caps.NONE)))).toList();
            String type = person == null ? null : person[3];
            BigDecimal required = jp(policy.requiredFor(type));
            BigDecimal recognised = jp(result.recognisedJp());
            return new ComplianceViews.Person(nip, person == null ? null : person[0], person == null ? null : person[1],
                    person == null ? null : person[2], type, person == null ? null : person[4], required, recognised,
                    jp(result.claimedJp()), jp(JpCompliance.shortfall(required, recognised)),
                    JpCompliance.status(required, recognised, year, asOf), year, asOf, policy.version(), lines);
        } catch (SQLException e) {
            throw new IllegalStateException("person compliance failed", e);
        }
    }

    private static boolean hasAnyRecord(Connection c, String nip) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from training_record where nip = ?)")) {
            ps.setString(1, nip);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** What a cut means, in words naming the method and its cap. */
    static String capNote(JpRecognition.Line line, JpRecognition.Caps caps) {
        String m = line.entry().methodCode();
        return switch (line.cut()) {
            case NONE -> null;
            case NOT_VERIFIED -> line.entry().status() == JpRecognition.Status.REJECTED
                    ? "rejected: does not count" : "pending verification: counts once VERIFIED";
            case PER_RECORD -> "method " + m + " counts at most " + plain(caps.maxJpPerRecord()) + " JP per record";
            case PER_DAY -> "method " + m + " counts at most " + plain(caps.maxJpPerDay())
                    + " JP per day, shared by its records on the same days";
            case PER_YEAR -> "method " + m + " counts at most " + plain(caps.maxJpPerYear()) + " JP per year";
        };
    }

    private static String plain(BigDecimal d) {
        return d == null ? "?" : d.stripTrailingZeros().toPlainString();
    }

    static BigDecimal jp(BigDecimal d) {
        return d.setScale(2, RoundingMode.HALF_UP);
    }

    // ---------------------------------------------------------------- forecast

    /**
     * Who ends the year short at their pace so far. For {@code asOf} today or later the ledger is the recognised JP
     * (no record ends in the future). For a past day the recognised JP is recomputed from the VERIFIED records ending on
     * or before it: caps work per method, so the records of methods without caps are summed by SQL, and those of capped
     * methods go through {@link JpRecognition} person by person in one streaming pass.
     */
    public ComplianceViews.ForecastPage forecast(PersonAccess.Scope scope, JpRequirements.Policy policy, int year, LocalDate asOf,
                                                 LocalDate today, PageRequest paging) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Map<String, Object> params = new HashMap<>();
                String source = asOf.isBefore(today) ? recordsSource(c, scope, year, asOf, params)
                        : "left join jp_person_year p on p.nip = e.nip and p.year = :year";
                params.put("year", year);
                String fromScope = """
                        select e.nip, e.name, e.org_unit_code, %s as required_jp, %s as recognised_jp
                        from employee_replica e
                        %s
                        where %s""".formatted(ComplianceSql.required(policy, params),
                        asOf.isBefore(today) ? "coalesce(u.jp, 0) + coalesce(cp.jp, 0)" : "coalesce(p.recognised_jp, 0)",
                        source, scope.where(params));
                long elapsed = JpCompliance.elapsedDays(year, asOf);
                String projected = """
                        select f.*, greatest(0, f.required_jp - f.projected_jp) as expected_shortfall
                        from (select b.*, round(b.recognised_jp * %d / %d.0, 2) as projected_jp from (%s) b) f"""
                        .formatted(Year.of(year).length(), elapsed, fromScope);

                ComplianceViews.ForecastSummary summary;
                try (PreparedStatement ps = NamedSql.prepare(c, """
                        select count(*), count(*) filter (where x.expected_shortfall > 0),
                               coalesce(sum(x.expected_shortfall), 0) from (%s) x""".formatted(projected), params);
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    summary = new ComplianceViews.ForecastSummary(rs.getLong(1), rs.getLong(2), jp(rs.getBigDecimal(3)));
                }
                List<ComplianceViews.ForecastRow> items = new ArrayList<>();
                if (paging.offset() < summary.expectedShort()) {
                    params.put("limit", paging.size());
                    params.put("offset", (long) paging.offset());
                    try (PreparedStatement ps = NamedSql.prepare(c, """
                            select x.nip, x.name, x.org_unit_code, x.required_jp, x.recognised_jp, x.projected_jp, x.expected_shortfall
                            from (%s) x where x.expected_shortfall > 0
                            order by x.expected_shortfall desc, x.nip limit :limit offset :offset""".formatted(projected), params);
                         ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            items.add(new ComplianceViews.ForecastRow(rs.getString(1), rs.getString(2), rs.getString(3),
                                    jp(rs.getBigDecimal(4)), jp(rs.getBigDecimal(5)), jp(rs.getBigDecimal(6)), jp(rs.getBigDecimal(7))));
                        }
                    }
                }
                return new ComplianceViews.ForecastPage(items, paging.page(), paging.size(), summary.expectedShort(), summary,
                        year, asOf, policy.version());
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("forecast failed", e);
        }
    }

    /**
     * The joins giving {@code u.jp} (VERIFIED JP of uncapped methods ending by asOf, summed by SQL) and {@code cp.jp}
     * (recognised JP of capped methods, by {@link JpRecognition} over a cursor ordered by NIP, passed back as arrays).
     */
    private static String recordsSource(Connection c, PersonAccess.Scope scope, int year, LocalDate asOf,
                                        Map<String, Object> params) throws SQLException {
        Map<String, JpRecognition.Caps> caps = JpLedger.caps(c);
        String[] capped = caps.entrySet().stream().filter(e -> e.getValue().maxJpPerRecord() != null
                || e.getValue().maxJpPerDay() != null || e.getValue().maxJpPerYear() != null).map(Map.Entry::getKey).sorted()
                .toArray(String[]::new);
        List<String> nips = new ArrayList<>();
        List<BigDecimal> jps = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        p.put("year", year);
        p.put("asOf", asOf);
        p.put("capped", capped);
        try (PreparedStatement ps = NamedSql.prepare(c, """
                select r.nip, r.id, r.method_code, r.start_date, r.end_date, r.jp
                from training_record r join employee_replica e on e.nip = r.nip
                where %s and r.year = :year and r.status = 'VERIFIED' and r.end_date <= :asOf and r.method_code = any(:capped::varchar[])
                order by r.nip""".formatted(scope.where(p)), p)) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                String current = null;
                List<JpRecognition.Entry> entries = new ArrayList<>();
                while (true) {
                    boolean more = rs.next();
                    String nip = more ? rs.getString(1) : null;
                    if (current != null && !current.equals(nip)) {
                        nips.add(current);
                        jps.add(JpRecognition.recognise(year, entries, caps).recognisedJp());
                        entries.clear();
                    }
                    if (!more) {
                        break;
                    }
                    current = nip;
                    entries.add(new JpRecognition.Entry(rs.getObject(2, UUID.class), JpRecognition.Status.VERIFIED, rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getBigDecimal(6)));
                }
            }
        }
        params.put("asOf", asOf);
        params.put("capped", capped);
        params.put("cpNips", nips.toArray(String[]::new));
        params.put("cpJps", jps.toArray(BigDecimal[]::new));
        return """
                left join lateral (select sum(r.jp) as jp from training_record r where r.nip = e.nip and r.year = :year
                                   and r.status = 'VERIFIED' and r.end_date <= :asOf
                                   and not (r.method_code = any(:capped::varchar[]))) u on true
                left join unnest(:cpNips::varchar[], :cpJps::numeric[]) as cp(nip, jp) on cp.nip = e.nip""";
    }
}
