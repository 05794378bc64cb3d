package id.asn.merit.competency.service;

import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.competency.domain.DevelopmentNeeds;
import id.asn.merit.competency.domain.GapPolicy;
import id.asn.merit.competency.domain.Importance;
import id.asn.merit.competency.domain.JobPersonMatch;
import id.asn.merit.competency.domain.StandardTemplate;
import id.asn.merit.competency.mapping.DevelopmentNeedsView;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AKPK roll-up, read from the stored gaps ({@link GapSnapshots}): the per-competency figures are one aggregate
 * over {@code gap_snapshot_item}; the per-person needs of a page are ordered and given their pathway by the pure
 * {@link DevelopmentNeeds#rollUp}, so both halves follow the same rules as the unit test of that function (a test
 * also checks the aggregate against the pure function on the same people).
 */
@ApplicationScoped
public class DevelopmentNeedsReport {
    /** Up to this many people the roll-up looks their items up by index; above, one scan is cheaper (bench, issue 7). */
    static final long LATERAL_LIMIT = 20_000;

    @Inject
    EntityManager em;
    @Inject
    GapPolicies policies;
    @Inject
    GapCalculator calculator;
    @Inject
    Gaps gaps;

    public int checkYear(Integer year) {
        int current = calculator.today().getYear();
        if (year == null) {
            return current;
        }
        if (year < current) {
            throw ApiException.unprocessable("year", "the needs of a past year are not kept: the AKPK is drawn up from today's gaps for "
                    + current + " or a later plan year; the gaps behind a past plan are in the gap-changed events and assessments");
        }
        if (year > current + 5) {
            throw ApiException.badRequest("year", "must be at most " + (current + 5));
        }
        return year;
    }

    public DevelopmentNeedsView report(PersonAccess.Scope scope, int year, PageRequest paging) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = scope.where(params);
        GapPolicies.Versioned policy = policies.current();
        var people = em.createNativeQuery("select count(*) from employee_replica e where " + where);
        params.forEach(people::setParameter);
        long peopleInScope = ((Number) people.getSingleResult()).longValue();

        // a unit reads its people's items by index (the lateral subquery is kept apart by offset 0); many people
        // (the whole instansi) scan the items once with a hash join, which the bench showed 3x faster there
        String items = scope.path() == null || peopleInScope > LATERAL_LIMIT
                ? "from gap_snapshot_item i join employee_replica e on e.nip = i.nip where " + where
                : "from employee_replica e cross join lateral (select * from gap_snapshot_item x where x.nip = e.nip offset 0) i where " + where;
        var agg = em.createNativeQuery("""
                select i.competency_code, count(*) filter (where i.gap < 0), sum(i.gap) filter (where i.gap < 0),
                       count(*) filter (where i.gap < 0 and i.importance = 'MUTLAK'), count(*) filter (where i.actual is null)
                %s group by i.competency_code""".formatted(items));
        params.forEach(agg::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = agg.getResultList();
        Map<String, String> names = gaps.names(rows.stream().map(r -> (String) r[0]).toList());
        List<DevelopmentNeedsView.CompetencyNeed> byCompetency = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            int below = ((Number) r[1]).intValue();
            BigDecimal sum = (BigDecimal) r[2];
            byCompetency.add(new DevelopmentNeedsView.CompetencyNeed((String) r[0], names.get((String) r[0]), below,
                    below == 0 ? null : policy.policy().divide(sum, BigDecimal.valueOf(below), 0),
                    ((Number) r[3]).intValue(), ((Number) r[4]).intValue()));
        }
        byCompetency.sort(Comparator.comparingInt(DevelopmentNeedsView.CompetencyNeed::peopleBelow).reversed()
                .thenComparing(Comparator.comparingInt(DevelopmentNeedsView.CompetencyNeed::mutlakCount).reversed())
                .thenComparing(DevelopmentNeedsView.CompetencyNeed::competencyCode, StandardTemplate.CODE_ORDER));

        var withNeeds = em.createNativeQuery("""
                select count(*) from gap_snapshot g join employee_replica e on e.nip = g.nip
                where g.needs > 0 and %s""".formatted(where));
        params.forEach(withNeeds::setParameter);
        long total = ((Number) withNeeds.getSingleResult()).longValue();
        List<DevelopmentNeedsView.PersonNeeds> page = people(where, params, policy.policy(), paging.offset(), paging.size());
        long pending = ((Number) em.createNativeQuery("select count(*) from gap_refresh_pending").getSingleResult()).longValue();
        return new DevelopmentNeedsView(scope.orgUnitCode(), scope.subtree(), year, calculator.today(), policy.version(),
                peopleInScope, total, pending, byCompetency,
                new DevelopmentNeedsView.PersonPage(page, paging.page(), paging.size(), total));
    }

    /** Every need of every person in scope, for the CSV export (the input of the training plan). */
    public List<Object[]> csvRows(PersonAccess.Scope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = scope.where(params);
        List<Object[]> out = new ArrayList<>();
        for (DevelopmentNeedsView.PersonNeeds p : people(where, params, policies.current().policy(), 0, Integer.MAX_VALUE)) {
            for (DevelopmentNeedsView.Need n : p.needs()) {
                out.add(new Object[]{p.nip(), p.name(), p.positionCode(), p.orgUnitCode(), n.competencyCode(), n.name(), n.required(),
                        n.actual(), n.gap(), n.shortfall(), n.importance(), n.pathway(), n.assessmentId()});
            }
        }
        return out;
    }

    private List<DevelopmentNeedsView.PersonNeeds> people(String where, Map<String, Object> params, GapPolicy policy, int offset, int limit) {
        var q = em.createNativeQuery("""
                with page as (
                    select g.nip from gap_snapshot g join employee_replica e on e.nip = g.nip
                    where g.needs > 0 and %s order by g.nip offset :offset limit :limit)
                select i.nip, e.name, e.position_code, e.org_unit_code, i.competency_code, i.required_level, i.actual, i.gap,
                       i.importance, cast(i.assessment_id as text)
                from gap_snapshot_item i join page on page.nip = i.nip join employee_replica e on e.nip = i.nip
                where i.gap < 0 order by i.nip""".formatted(where));
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.setParameter("offset", offset).setParameter("limit", limit).getResultList();
        Map<String, List<JobPersonMatch.Item>> items = new LinkedHashMap<>();
        Map<String, Object[]> person = new HashMap<>();
        for (Object[] r : rows) {
            String nip = (String) r[0];
            person.putIfAbsent(nip, r);
            BigDecimal actual = (BigDecimal) r[6];
            int required = ((Number) r[5]).intValue();
            items.computeIfAbsent(nip, k -> new ArrayList<>()).add(new JobPersonMatch.Item((String) r[4], required, actual,
                    (BigDecimal) r[7], policy.divide(actual, BigDecimal.valueOf(required), 2), Importance.valueOf((String) r[8]),
                    false, (String) r[9]));
        }
        List<DevelopmentNeeds.PersonMatch> matches = new ArrayList<>();
        items.forEach((nip, list) -> matches.add(new DevelopmentNeeds.PersonMatch(nip,
                new JobPersonMatch.Result(list, null, null, null, List.of()))));
        DevelopmentNeeds.Result rolled = DevelopmentNeeds.rollUp(matches, policy);
        Map<String, String> names = gaps.names(rows.stream().map(r -> (String) r[4]).distinct().toList());
        List<DevelopmentNeedsView.PersonNeeds> out = new ArrayList<>(rolled.byPerson().size());
        for (DevelopmentNeeds.PersonNeeds p : rolled.byPerson()) {
            Object[] r = person.get(p.nip());
            out.add(new DevelopmentNeedsView.PersonNeeds(p.nip(), (String) r[1], (String) r[2], (String) r[3], p.needs().stream()
                    .map(n -> new DevelopmentNeedsView.Need(n.competencyCode(), names.get(n.competencyCode()), n.required(), n.actual(),
                            n.gap(), n.shortfall(), n.importance().name(), n.pathway().name(), n.assessmentId())).toList()));
        }
        return out;
    }
}
