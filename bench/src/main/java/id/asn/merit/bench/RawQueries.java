package id.asn.merit.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The limit legs: plain SQL on competency-service's own database that computes the numbers its endpoints answer,
 * with no HTTP, no JSON, no auth and no mapping, so {@code service ÷ raw} says what the service adds on top of the
 * database work it cannot avoid. The rules are those of SYSTEM.md §6.1 as {@code JobPersonMatch} applies them:
 * the standard in force is the latest {@code effective_from ≤ asOf} (ties: higher version); per competency the
 * latest valid score by {@code assessed_on} (ties: the later recorded) of an assessment nobody superseded, valid
 * when {@code asOf − 3 years ≤ assessed_on ≤ asOf}; ratio = actual / required (0 when not assessed); JPM =
 * min(100, 100 × mean ratio). Every generated position has a standard of its own, so no template fallback here.
 */
final class RawQueries {
    /** The gap items of one person, with the JPM on each row (window function over the items). */
    static final String GAP_OF_ONE = """
            with e as (select nip, position_code from employee_replica where nip = ?),
            s as (select cs.position_code, cs.version from competency_standard cs join e using (position_code)
                  where cs.effective_from <= ? order by cs.effective_from desc, cs.version desc limit 1),
            items as (select i.competency_code, i.required_level, i.importance, i.ordinal
                      from competency_standard_item i join s using (position_code, version)),
            latest as (select distinct on (sc.competency_code) sc.competency_code, sc.level, a.id
                       from assessment a join assessment_score sc on sc.assessment_id = a.id
                       where a.nip = (select nip from e) and a.superseded_by is null
                         and a.assessed_on <= ? and a.assessed_on >= ?
                       order by sc.competency_code, a.assessed_on desc, a.recorded_at desc, a.id desc)
            select i.competency_code, i.required_level, l.level as actual, l.level - i.required_level as gap,
                   coalesce(l.level / i.required_level, 0) as ratio, i.importance, l.id is null as not_assessed, l.id,
                   least(100, round(100 * avg(coalesce(l.level / i.required_level, 0)) over (), 2)) as jpm,
                   round(cast(count(l.id) over () as numeric) / (count(*) over ()), 4) as coverage
            from items i left join latest l using (competency_code)
            order by i.ordinal""";

    /**
     * AKPK per competency over the active people of a subtree, from the base tables: people below standard, mean gap
     * of those below, those of them for whom the item is MUTLAK, and the people not assessed on it.
     */
    static final String AKPK_FROM_SCORES = """
            with emp as (select nip, position_code from employee_replica
                         where status = 'ACTIVE' and (org_unit_path = ? or org_unit_path like ? || '/%')),
            std as (select distinct on (position_code) position_code, version from competency_standard
                    where effective_from <= ? order by position_code, effective_from desc, version desc),
            req as (select e.nip, i.competency_code, i.required_level, i.importance
                    from emp e join std s using (position_code) join competency_standard_item i using (position_code, version)),
            latest as (select distinct on (a.nip, sc.competency_code) a.nip, sc.competency_code, sc.level
                       from assessment a join emp using (nip) join assessment_score sc on sc.assessment_id = a.id
                       where a.superseded_by is null and a.assessed_on <= ? and a.assessed_on >= ?
                       order by a.nip, sc.competency_code, a.assessed_on desc, a.recorded_at desc, a.id desc)
            select r.competency_code,
                   count(*) filter (where l.level < r.required_level) as below,
                   round(avg(l.level - r.required_level) filter (where l.level < r.required_level), 2) as average_gap,
                   count(*) filter (where l.level < r.required_level and r.importance = 'MUTLAK') as mutlak,
                   count(*) filter (where l.level is null) as not_assessed
            from req r left join latest l using (nip, competency_code)
            group by r.competency_code
            order by below desc, mutlak desc, r.competency_code""";

    /**
     * The same numbers as {@link #AKPK_FROM_SCORES}, shaped for a whole province: instead of probing the scores of each
     * of ~225 000 valid assessments through the index and sorting ~2 million (person, competency) rows, it numbers each
     * person's valid assessments newest first (a small sort), hash-joins them to one scan of all scores and keeps, per
     * person and competency, the score of the lowest number (encoded as {@code number × 100 + level × 10}, so one
     * {@code min} gives it). Faster for the province (measured 17 s against 22 s on a loaded 2-core machine), slower
     * for a 5 000-person unit (1.8 s against 1.5 s), so each scope uses its faster formulation.
     */
    static final String AKPK_FROM_SCORES_HASHED = """
            with emp as not materialized (select nip, position_code from employee_replica
                         where status = 'ACTIVE' and (org_unit_path = ? or org_unit_path like ? || '/%')),
            std as (select distinct on (position_code) position_code, version from competency_standard
                    where effective_from <= ? order by position_code, effective_from desc, version desc),
            ranked as (select a.id, a.nip, row_number() over (partition by a.nip order by a.assessed_on desc, a.recorded_at desc, a.id desc) as rk
                       from assessment a join emp using (nip)
                       where a.superseded_by is null and a.assessed_on <= ? and a.assessed_on >= ?),
            latest as (select r.nip, sc.competency_code, (min(r.rk * 100 + (sc.level * 10)::int) % 100) / 10.0 as level
                       from ranked r join assessment_score sc on sc.assessment_id = r.id
                       group by r.nip, sc.competency_code),
            req as (select e.nip, i.competency_code, i.required_level, i.importance
                    from emp e join std s using (position_code) join competency_standard_item i using (position_code, version))
            select r.competency_code,
                   count(*) filter (where l.level < r.required_level) as below,
                   round(avg(l.level - r.required_level) filter (where l.level < r.required_level), 2) as average_gap,
                   count(*) filter (where l.level < r.required_level and r.importance = 'MUTLAK') as mutlak,
                   count(*) filter (where l.level is null) as not_assessed
            from req r left join latest l using (nip, competency_code)
            group by r.competency_code
            order by below desc, mutlak desc, r.competency_code""";

    /** The same AKPK numbers read from the stored per-person gap items the service keeps ({@code gap_snapshot_item}). */
    static final String AKPK_FROM_SNAPSHOT = """
            select i.competency_code,
                   count(*) filter (where i.gap < 0) as below,
                   round(avg(i.gap) filter (where i.gap < 0), 2) as average_gap,
                   count(*) filter (where i.gap < 0 and i.importance = 'MUTLAK') as mutlak,
                   count(*) filter (where i.actual is null) as not_assessed
            from employee_replica e join gap_snapshot_item i using (nip)
            where e.status = 'ACTIVE' and (e.org_unit_path = ? or e.org_unit_path like ? || '/%')
            group by i.competency_code
            order by below desc, mutlak desc, i.competency_code""";

    /**
     * One page of the gap list (every active person in scope with their stored JPM, lowest first, then NIP — the
     * service's order), with the total, read from {@code gap_snapshot} as the service reads it.
     */
    static final String GAP_LIST_PAGE = """
            select e.nip, e.name, e.position_code, e.org_unit_code, g.jpm, g.category, g.coverage, count(*) over () as total
            from employee_replica e left join gap_snapshot g using (nip)
            where e.status = 'ACTIVE' and (e.org_unit_path = ? or e.org_unit_path like ? || '/%')
            order by g.jpm asc nulls last, e.nip
            limit ? offset ?""";

    record CompetencyNeed(String code, long below, BigDecimal averageGap, long mutlak, long notAssessed) {
    }

    record GapItem(String code, int required, BigDecimal actual, BigDecimal ratio, String importance, boolean notAssessed) {
    }

    record Gap(List<GapItem> items, BigDecimal jpm, BigDecimal coverage) {
    }

    private RawQueries() {
    }

    static Gap gapOf(Connection c, String nip, LocalDate asOf, int validityYears) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(GAP_OF_ONE)) {
            ps.setString(1, nip);
            ps.setDate(2, Date.valueOf(asOf));
            ps.setDate(3, Date.valueOf(asOf));
            ps.setDate(4, Date.valueOf(asOf.minusYears(validityYears)));
            List<GapItem> items = new ArrayList<>();
            BigDecimal jpm = null;
            BigDecimal coverage = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new GapItem(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(5),
                            rs.getString(6), rs.getBoolean(7)));
                    jpm = rs.getBigDecimal(9);
                    coverage = rs.getBigDecimal(10);
                }
            }
            return new Gap(items, jpm, coverage);
        }
    }

    /** @param hashed {@link #AKPK_FROM_SCORES_HASHED} (whole province) rather than {@link #AKPK_FROM_SCORES} (a unit) */
    static List<CompetencyNeed> akpkFromScores(Connection c, String path, LocalDate asOf, int validityYears, boolean hashed)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(hashed ? AKPK_FROM_SCORES_HASHED : AKPK_FROM_SCORES)) {
            ps.setString(1, path);
            ps.setString(2, path);
            ps.setDate(3, Date.valueOf(asOf));
            ps.setDate(4, Date.valueOf(asOf));
            ps.setDate(5, Date.valueOf(asOf.minusYears(validityYears)));
            return needs(ps);
        }
    }

    static List<CompetencyNeed> akpkFromSnapshot(Connection c, String path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(AKPK_FROM_SNAPSHOT)) {
            ps.setString(1, path);
            ps.setString(2, path);
            return needs(ps);
        }
    }

    /** @return the number of rows on the page, the total (it rides on each row), and the first NIP */
    static Object[] gapListPageFirst(Connection c, String path, int page, int size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(GAP_LIST_PAGE)) {
            ps.setString(1, path);
            ps.setString(2, path);
            ps.setInt(3, size);
            ps.setInt(4, page * size);
            long rows = 0;
            long total = 0;
            String first = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    total = rs.getLong(8);
                    first = first == null ? rs.getString(1) : first;
                }
            }
            return new Object[] {rows, total, first};
        }
    }

    static long[] gapListPage(Connection c, String path, int page, int size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(GAP_LIST_PAGE)) {
            ps.setString(1, path);
            ps.setString(2, path);
            ps.setInt(3, size);
            ps.setInt(4, page * size);
            long rows = 0;
            long total = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    total = rs.getLong(8);
                }
            }
            return new long[] {rows, total};
        }
    }

    private static List<CompetencyNeed> needs(PreparedStatement ps) throws SQLException {
        List<CompetencyNeed> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CompetencyNeed(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4), rs.getLong(5)));
            }
        }
        return out;
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of a query with its parameters, for the report when a leg is slow. */
    static String explain(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
