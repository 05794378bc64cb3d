package id.asn.merit.training.leadership;

import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.training.leadership.LeadershipComplianceView.Evidence;
import id.asn.merit.training.leadership.LeadershipComplianceView.Holder;
import id.asn.merit.training.leadership.LeadershipComplianceView.Post;
import id.asn.merit.training.leadership.LeadershipComplianceView.Summary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Leadership-training compliance (SYSTEM.md §3, the seed study's finding): every managerial post (position_replica of
 * type PENGAWAS, ADMINISTRATOR, JPT_PRATAMA, JPT_MADYA, status ACTIVE) whose unit lies in the scope (by
 * org_unit_replica path), its holders (ACTIVE employees of employee_replica in the post), and for each holder whether a
 * VERIFIED training record has the required leadership level or a higher one ({@link LeadershipLevels}). A post counts
 * as held when one of its holders has it; the summary is over every post in scope, not just the page.
 */
@ApplicationScoped
public class LeadershipCompliance {
    @Inject
    EntityManager em;

    private static final String POSTS = """
            select p.code, p.title, p.type, p.org_unit_code, %s as required
            from position_replica p left join org_unit_replica u on u.code = p.org_unit_code
            where p.type in ('PENGAWAS', 'ADMINISTRATOR', 'JPT_PRATAMA', 'JPT_MADYA') and coalesce(p.status, 'ACTIVE') = 'ACTIVE' %s"""
            .formatted(LeadershipLevels.sqlRequired("p"), "%s");

    /** The active holders of the posts, each with the latest VERIFIED record proving the post's required training. */
    private static final String HOLDERS = """
            select e.position_code, e.nip, e.name, r.id, r.title, r.end_date, r.leadership_level
            from employee_replica e join position_replica p on p.code = e.position_code
            left join lateral (
                select r.id, r.title, r.end_date, r.leadership_level from training_record r
                where r.nip = e.nip and r.status = 'VERIFIED' and r.leadership_level is not null and %s >= %s
                order by r.end_date desc, r.id limit 1) r on true
            where e.status = 'ACTIVE' and e.position_code in (:posts)
            order by e.position_code, e.nip""".formatted(LeadershipLevels.sqlRank("r.leadership_level"),
            LeadershipLevels.sqlRank(LeadershipLevels.sqlRequired("p")));
    private static final int HOLDER_BATCH = 1000;

    public LeadershipComplianceView report(PersonAccess.Scope scope, PageRequest paging) {
        Map<String, Object> params = new HashMap<>();
        String where = scopeCondition(scope, params);
        Query page = em.createNativeQuery(POSTS.formatted(where) + " order by p.code")
                .setFirstResult(paging.offset()).setMaxResults(paging.size());
        params.forEach(page::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = page.getResultList();
        List<Post> items = posts(rows);
        Summary summary = summary(where, params);
        return new LeadershipComplianceView(items, paging.page(), paging.size(), summary.posts(), summary);
    }

    /** Every post in scope, by code, for the CSV. */
    public List<Post> all(PersonAccess.Scope scope) {
        Map<String, Object> params = new HashMap<>();
        Query q = em.createNativeQuery(POSTS.formatted(scopeCondition(scope, params)) + " order by p.code");
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return posts(rows);
    }

    private List<Post> posts(List<Object[]> rows) {
        Map<String, List<Holder>> holders = new HashMap<>();
        for (int from = 0; from < rows.size(); from += HOLDER_BATCH) {
            List<String> codes = rows.subList(from, Math.min(rows.size(), from + HOLDER_BATCH)).stream().map(r -> (String) r[0]).toList();
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery(HOLDERS).setParameter("posts", codes).getResultList();
            for (Object[] h : found) {
                Evidence evidence = h[3] == null ? null : new Evidence(uuid(h[3]), (String) h[4], date(h[5]), (String) h[6]);
                holders.computeIfAbsent((String) h[0], k -> new ArrayList<>()).add(new Holder((String) h[1], (String) h[2], evidence != null, evidence));
            }
        }
        List<Post> posts = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            List<Holder> list = holders.getOrDefault((String) row[0], List.of());
            posts.add(new Post((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4], list.isEmpty(),
                    list.stream().anyMatch(Holder::held), list));
        }
        return posts;
    }

    private Summary summary(String where, Map<String, Object> params) {
        Query q = em.createNativeQuery("""
                with posts as (%s),
                holders as (
                    select po.code, exists (
                        select 1 from training_record r where r.nip = e.nip and r.status = 'VERIFIED'
                          and %s >= %s) as held
                    from posts po join employee_replica e on e.position_code = po.code and e.status = 'ACTIVE')
                select (select count(*) from posts),
                       (select count(distinct code) from holders),
                       (select count(*) from holders where held),
                       (select count(*) from holders where not held),
                       (select count(distinct code) from holders where held)""".formatted(POSTS.formatted(where),
                LeadershipLevels.sqlRank("r.leadership_level"), LeadershipLevels.sqlRank("po.required")));
        params.forEach(q::setParameter);
        Object[] r = (Object[]) q.getSingleResult();
        long posts = n(r[0]);
        long filled = n(r[1]);
        long heldPosts = n(r[4]);
        BigDecimal percent = filled == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(heldPosts * 100).divide(BigDecimal.valueOf(filled), 2, RoundingMode.HALF_UP);
        return new Summary(posts, filled, posts - filled, n(r[2]), n(r[3]), percent);
    }

    /** The posts whose unit is in scope: the unit itself, or its subtree, by org_unit_replica path. */
    private static String scopeCondition(PersonAccess.Scope scope, Map<String, Object> params) {
        if (scope.path() == null) {
            return "";
        }
        params.put("path", scope.path());
        if (scope.subtree()) {
            params.put("prefix", scope.path() + "/%");
            return "and (coalesce(u.path, p.org_unit_code) = :path or coalesce(u.path, p.org_unit_code) like :prefix)";
        }
        return "and coalesce(u.path, p.org_unit_code) = :path";
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static UUID uuid(Object o) {
        return o instanceof UUID u ? u : UUID.fromString(o.toString());
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
    }

    /** CSV: one line per post and holder (a vacant post has one line without holder). */
    static final String CSV_HEADER = "positionCode,title,type,orgUnitCode,requiredTraining,nip,name,held,evidenceRecordId,evidenceTitle,evidenceEndDate,evidenceLevel";

    static List<Object[]> csvRows(List<Post> posts) {
        List<Object[]> rows = new ArrayList<>();
        for (Post p : posts) {
            if (p.holders().isEmpty()) {
                rows.add(new Object[] {p.positionCode(), p.title(), p.type(), p.orgUnitCode(), p.requiredTraining(), null, null, false,
                        null, null, null, null});
            }
            for (Holder h : p.holders()) {
                Evidence e = h.evidence();
                rows.add(new Object[] {p.positionCode(), p.title(), p.type(), p.orgUnitCode(), p.requiredTraining(), h.nip(), h.name(),
                        h.held(), e == null ? null : e.recordId(), e == null ? null : e.title(), e == null ? null : e.endDate(),
                        e == null ? null : e.leadershipLevel()});
            }
        }
        return rows;
    }

}
