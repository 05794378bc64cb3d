package id.asn.merit.employee.repository;

import id.asn.merit.employee.config.EmployeeListConfig;
import id.asn.merit.employee.domain.EducationLevel;
import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.EmploymentType;
import id.asn.merit.employee.domain.Gender;
import id.asn.merit.employee.domain.PositionType;
import id.asn.merit.employee.mapping.EmployeeListRow;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGStatement;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

@ApplicationScoped
public class EmployeeRepository implements PanacheRepositoryBase<Employee, String> {

    /** orgUnitPath: the path of the unit whose subtree is searched (null: no subtree filter). */
    public record Filter(String orgUnit, String orgUnitPath, String q, EmploymentType employmentType, EmployeeStatus status,
            PositionType positionType) {
    }

    /**
     * What a filter matched when counted: the total, the name of the first match in list order (a page is looked for
     * from there on, not from the start of the index), the subtree's unit codes (null: no unit filter, or every
     * unit there is), and, when there were at most {@code kept-matches}, every match's NIP in list order (null: not
     * kept, a page is looked for).
     */
    record Counted(long total, String firstName, String[] unitCodes, long[] nips) {
        long weight() {
            return nips == null ? 1 : 1 + nips.length;
        }
    }

    /** NIPs are 18 digits: kept as a long each (8 bytes, not a String's 60 or so). */
    static final int NIP_DIGITS = 18;

    private static final String COLUMNS = "e.nip, e.name, e.gender, e.birth_date, e.employment_type, e.rank, e.position_code,"
            + " e.org_unit_code, e.education_level, e.education_field, e.status, e.tmt_cpns, e.version";

    private static final String KEPT_PAGE = "select " + COLUMNS
            + " from unnest(?::varchar[]) with ordinality k(nip, i) join employee e on e.nip = k.nip order by k.i";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EmployeeListConfig config;

    private CountedFilters<Filter, Counted> counted;

    @PostConstruct
    void init() {
        counted = new CountedFilters<>(TimeUnit.SECONDS.toNanos(config.countReuseSeconds()), config.countedFilters(),
                config.keptMatchesInAll(), Counted::weight);
    }

    /**
     * Filtered, paged, sorted by name then NIP (stable: NIP is unique). Read with plain SQL straight into rows: the
     * page is the first matches met walking the (name, nip) index from the filter's first match (or, for a small
     * subtree, that subtree's people by unit), and the total is counted once per filter and reused while no employee,
     * unit or position has been written since (see V7 and {@link CountedFilters}). A filter of at most
     * {@code kept-matches} people keeps their NIPs in list order with the total, under the same rule: its pages are
     * read by NIP.
     */
    public PageResponse<EmployeeListRow> search(Filter f, PageRequest paging) {
        Filter key = normalised(f);
        try (Connection c = dataSource.getConnection()) {
            int kept = config.keptMatches();
            Counted count = counted.get(key, generation(c), System.nanoTime(), () -> {
                try {
                    return count(c, key, kept);
                } catch (SQLException e) {
                    throw new IllegalStateException("employee list count: " + e.getMessage(), e);
                }
            });
            List<EmployeeListRow> items = count.total() == 0 ? List.of()
                    : count.nips() != null ? keptPage(c, count.nips(), paging) : page(c, key, count, paging);
            return new PageResponse<>(items, paging.page(), paging.size(), count.total());
        } catch (SQLException e) {
            throw new IllegalStateException("employee list: " + e.getMessage(), e);
        }
    }

    /** The same filter however q was spelled (trimmed; a blank q is no q), so counts are shared. */
    private static Filter normalised(Filter f) {
        String q = f.q() == null || f.q().isBlank() ? null : f.q().trim();
        return new Filter(f.orgUnit(), f.orgUnitPath(), q, f.employmentType(), f.status(), f.positionType());
    }

    private static long generation(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select last_value from employee_list_change"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Counted count(Connection c, Filter f, int kept) throws SQLException {
        String[] codes = null;
        if (f.orgUnitPath() != null) {
            codes = subtreeCodes(c, f.orgUnitPath());
        }
        if (kept > 0) {
            long[] nips = matches(c, f, codes, kept);
            if (nips != null) {
                return new Counted(nips.length, null, codes, nips);
            }
        }
        List<Object> params = new ArrayList<>();
        String where = where(c, f, codes, params);
        try (PreparedStatement ps = prepare(c, "select count(*), min(e.name) from employee e" + where, params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Counted(rs.getLong(1), rs.getString(2), codes, null);
        }
    }

    /**
     * Every match's NIP in list order, when there are at most {@code kept} and each is 18 digits; null otherwise (the
     * filter is then counted and its pages looked for).
     */
    private static long[] matches(Connection c, Filter f, String[] codes, int kept) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(c, f, codes, params);
        params.add(kept + 1);
        long[] nips = new long[Math.min(kept, 1024)];
        int n = 0;
        try (PreparedStatement ps = prepare(c, "select e.nip from employee e" + where + " order by e.name, e.nip limit ?", params)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == kept) {
                        return null;
                    }
                    long nip = nipAsLong(rs.getString(1));
                    if (nip < 0) {
                        return null;
                    }
                    if (n == nips.length) {
                        nips = Arrays.copyOf(nips, Math.min(kept, nips.length * 2));
                    }
                    nips[n++] = nip;
                }
            }
        }
        return Arrays.copyOf(nips, n);
    }

    /** An 18-digit NIP as a number, -1 for anything else. */
    static long nipAsLong(String nip) {
        if (nip == null || nip.length() != NIP_DIGITS) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < NIP_DIGITS; i++) {
            char ch = nip.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /** The NIP {@link #nipAsLong} read, with its leading zeros. */
    static String nipOf(long v) {
        String digits = Long.toString(v);
        return digits.length() == NIP_DIGITS ? digits : "0".repeat(NIP_DIGITS - digits.length()) + digits;
    }

    /** A page of a filter whose matches are kept: the page's NIPs read by primary key, in the kept order. */
    private static List<EmployeeListRow> keptPage(Connection c, long[] nips, PageRequest paging) throws SQLException {
        long from = paging.offset();
        if (from >= nips.length) {
            return List.of();
        }
        int to = (int) Math.min(nips.length, from + paging.size());
        String[] page = new String[to - (int) from];
        for (int i = 0; i < page.length; i++) {
            page[i] = nipOf(nips[(int) from + i]);
        }
        // one plan whatever the NIPs (a join by primary key): prepared on the server after a few uses, unlike the
        // filters' statements (prepare()), whose best plan depends on the values
        try (PreparedStatement ps = c.prepareStatement(KEPT_PAGE)) {
            ps.setArray(1, c.createArrayOf("varchar", page));
            try (ResultSet rs = ps.executeQuery()) {
                return rows(rs, page.length);
            }
        }
    }

    /** The codes of the unit at {@code path} and of every unit below it; null when that is every unit there is. */
    private static String[] subtreeCodes(Connection c, String path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select u.code, count(*) over (), (select count(*) from org_unit) from org_unit u where u.path = ? or u.path like ?")) {
            ps.setString(1, path);
            ps.setString(2, likeEscaped(path) + "/%");
            List<String> codes = new ArrayList<>();
            long all = -1;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                    all = rs.getLong(3);
                }
            }
            return codes.size() == all ? null : codes.toArray(String[]::new);
        }
    }

    private List<EmployeeListRow> page(Connection c, Filter f, Counted count, PageRequest paging) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(c, f, count.unitCodes(), params);
        params.add(count.firstName());
        params.add(paging.size());
        params.add((long) paging.offset());
        String sql = "select " + COLUMNS + " from (select e.nip, e.name from employee e" + where + " and e.name >= ?"
                + " order by e.name, e.nip limit ? offset ?) p join employee e on e.nip = p.nip order by p.name, p.nip";
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            return rows(rs, paging.size());
        }
    }

    private static List<EmployeeListRow> rows(ResultSet rs, int expected) throws SQLException {
        List<EmployeeListRow> rows = new ArrayList<>(expected);
        while (rs.next()) {
            rows.add(new EmployeeListRow(rs.getString(1), rs.getString(2), Gender.valueOf(rs.getString(3)), date(rs, 4),
                    EmploymentType.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                    enumOrNull(EducationLevel.class, rs.getString(9)), rs.getString(10), EmployeeStatus.valueOf(rs.getString(11)),
                    date(rs, 12), rs.getLong(13)));
        }
        return rows;
    }

    private static String where(Connection c, Filter f, String[] unitCodes, List<Object> params) throws SQLException {
        StringBuilder where = new StringBuilder(" where true");
        if (f.orgUnitPath() != null) {
            if (unitCodes != null) {
                where.append(" and e.org_unit_code = any(?)");
                params.add(c.createArrayOf("varchar", unitCodes));
            }
        } else if (f.orgUnit() != null) {
            where.append(" and e.org_unit_code = ?");
            params.add(f.orgUnit());
        }
        if (f.q() != null) {
            if (f.q().matches("\\d+")) {
                where.append(" and e.nip like ?");
                params.add(f.q() + "%");
            } else {
                where.append(" and lower(e.name) like ?");
                params.add("%" + likeEscaped(f.q().toLowerCase(Locale.ROOT)) + "%");
            }
        }
        if (f.employmentType() != null) {
            where.append(" and e.employment_type = ?");
            params.add(f.employmentType().name());
        }
        if (f.positionType() != null) {
            where.append(" and e.position_code in (select p.code from position p where p.type = ?)");
            params.add(f.positionType().name());
        }
        if (f.status() != null) {
            where.append(" and e.status = ?");
            params.add(f.status().name());
        }
        return where.toString();
    }

    /**
     * A statement planned for its values every time (an unnamed one): the best plan differs by filter (walk the name
     * index for a large subtree, read the subtree by unit for a small one), which a generic plan cached after a few
     * executions would not know.
     */
    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Array a) {
                ps.setArray(i + 1, a);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (p instanceof Long n) {
                ps.setLong(i + 1, n);
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
        return ps;
    }

    /** {@code s} matched literally by LIKE (its default escape is the backslash). */
    static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
