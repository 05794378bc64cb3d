package id.asn.merit.competency.service;

import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.competency.domain.AssessmentPurpose;
import id.asn.merit.competency.domain.JobPersonMatch;
import id.asn.merit.competency.domain.JpmCategory;
import id.asn.merit.competency.mapping.GapListRow;
import id.asn.merit.competency.mapping.GapView;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading gaps: one person live (any date, any position, either purpose), many people against one position (the
 * batch merit's promotion ranking uses), and a unit's stored gaps (the list, JSON or CSV).
 */
@ApplicationScoped
public class Gaps {
    public static final int MAX_BATCH = 500;

    @Inject
    EntityManager em;
    @Inject
    GapCalculator calculator;
    @Inject
    PersonScores scores;
    @Inject
    GapPolicies policies;
    @Inject
    StandardsInForce standards;

    /**
     * @param positionCode a target position, or null for the person's current one
     * @param purpose      null: MAPPING against the current position, SELECTION against a target
     * @param on           null: today
     */
    public GapView gap(String nip, String positionCode, AssessmentPurpose purpose, LocalDate on) {
        LocalDate date = on == null ? calculator.today() : on;
        @SuppressWarnings("unchecked")
        List<Object[]> person = em.createNativeQuery("select nip, position_code from employee_replica where nip = :n")
                .setParameter("n", nip).getResultList();
        String current = person.isEmpty() ? null : (String) person.get(0)[1];
        String position = positionCode;
        if (position == null) {
            if (person.isEmpty()) {
                throw PersonAccess.invisible(nip);
            }
            if (current == null) {
                throw ApiException.unprocessable("positionCode", nip + " holds no position now; name a target position");
            }
            position = current;
        }
        boolean target = !position.equals(current);
        AssessmentPurpose p = purpose != null ? purpose : target ? AssessmentPurpose.SELECTION : AssessmentPurpose.MAPPING;
        GapCalculator.Computation c = calculator.compute(nip, position, date, p);
        if (c.standard() == null) {
            throw ApiException.notFound("position", position);
        }
        return view(c, target, names(c.standard().items().stream().map(i -> i.competencyCode()).toList()));
    }

    public record Batch(String positionCode, int standardVersion, String standardSource, int policyVersion, String purpose,
                        LocalDate on, List<GapView> items) {
    }

    public Batch batch(String positionCode, List<String> nips, AssessmentPurpose purpose, LocalDate on) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (positionCode == null || positionCode.isBlank()) {
            errors.add(new Problem.FieldError("positionCode", "is required"));
        }
        if (nips == null || nips.isEmpty()) {
            errors.add(new Problem.FieldError("nips", "must name at least one NIP"));
        } else {
            if (nips.size() > MAX_BATCH) {
                errors.add(new Problem.FieldError("nips", "at most " + MAX_BATCH + " NIPs per request, not " + nips.size()));
            }
            for (int i = 0; i < nips.size(); i++) {
                if (nips.get(i) == null || !nips.get(i).matches("\\d{18}")) {
                    errors.add(new Problem.FieldError("nips[" + i + "]", "must be an 18-digit NIP"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        LocalDate date = on == null ? calculator.today() : on;
        AssessmentPurpose p = purpose == null ? AssessmentPurpose.SELECTION : purpose;
        Map<String, Optional<StandardsInForce.InForce>> cache = new HashMap<>();
        Optional<StandardsInForce.InForce> standard = standards.find(positionCode, date);
        if (standard.isEmpty()) {
            throw ApiException.unprocessable("positionCode", "position " + positionCode + " is not known to competency-service");
        }
        cache.put(positionCode, standard);
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(nips));
        Map<String, List<JobPersonMatch.Score>> byNip = scores.of(distinct);
        @SuppressWarnings("unchecked")
        List<Object[]> current = em.createNativeQuery("select nip, position_code from employee_replica where nip = any(cast(:n as text[]))")
                .setParameter("n", distinct.toArray(String[]::new)).getResultList();
        Map<String, String> positionOf = new HashMap<>();
        current.forEach(r -> positionOf.put((String) r[0], (String) r[1]));
        GapPolicies.Versioned policy = policies.current();
        Map<String, String> names = names(standard.get().items().stream().map(i -> i.competencyCode()).toList());
        List<GapView> items = new ArrayList<>(distinct.size());
        for (String nip : distinct) {
            GapCalculator.Computation c = calculator.compute(nip, positionCode, date, p, byNip.getOrDefault(nip, List.of()), cache, policy);
            items.add(view(c, !positionCode.equals(positionOf.get(nip)), names));
        }
        StandardsInForce.InForce s = standard.get();
        return new Batch(positionCode, s.version(), s.source(), policy.version(), p.name(), date, items);
    }

    /** The stored gaps of the active people in scope, by JPM ascending (largest gaps first, none last), then NIP. */
    public PageResponse<GapListRow> list(PersonAccess.Scope scope, JpmCategory category, PageRequest paging) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(scope, category, params);
        var count = em.createNativeQuery("select count(*) from employee_replica e left join gap_snapshot g on g.nip = e.nip where " + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        return new PageResponse<>(rows(where, params, paging.offset(), paging.size()), paging.page(), paging.size(), total);
    }

    /** Every row of {@link #list} unpaged, for a CSV export. */
    public List<GapListRow> all(PersonAccess.Scope scope, JpmCategory category) {
        Map<String, Object> params = new LinkedHashMap<>();
        return rows(where(scope, category, params), params, 0, Integer.MAX_VALUE);
    }

    private static String where(PersonAccess.Scope scope, JpmCategory category, Map<String, Object> params) {
        String where = scope.where(params);
        if (category == null) {
            return where;
        }
        params.put("category", category.name());
        return where + " and g.category = :category";
    }

    private List<GapListRow> rows(String where, Map<String, Object> params, int offset, int limit) {
        var q = em.createNativeQuery("""
                select e.nip, e.name, e.position_code, e.org_unit_code, g.jpm, g.category, g.coverage, g.standard_version,
                       g.standard_source, g.policy_version, g.computed_on
                from employee_replica e left join gap_snapshot g on g.nip = e.nip
                where %s order by g.jpm asc nulls last, e.nip offset :offset limit :limit""".formatted(where));
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.setParameter("offset", offset).setParameter("limit", limit).getResultList();
        List<GapListRow> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new GapListRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (BigDecimal) r[4], (String) r[5],
                    (BigDecimal) r[6], r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8],
                    r[9] == null ? null : ((Number) r[9]).intValue(), r[10] == null ? null : PersonScores.toDate(r[10])));
        }
        return out;
    }

    Map<String, String> names(List<String> codes) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, name from competency where code = any(cast(:c as text[]))")
                .setParameter("c", codes.toArray(String[]::new)).getResultList();
        Map<String, String> names = new HashMap<>();
        rows.forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }

    static GapView view(GapCalculator.Computation c, boolean target, Map<String, String> names) {
        JobPersonMatch.Result r = c.result();
        List<GapView.Item> items = r.items().stream().map(i -> new GapView.Item(i.competencyCode(), names.get(i.competencyCode()),
                i.required(), i.actual(), i.gap(), i.ratio(), i.importance().name(), i.notAssessed(), i.assessmentId())).toList();
        return new GapView(c.nip(), c.positionCode(), target, c.on(), c.purpose().name(), items, r.jpm(),
                r.category() == null ? null : r.category().name(), r.coverage(), c.standard().version(), c.standard().source(),
                c.standard().effectiveFrom(), r.assessmentIds(), c.policy().version(), c.computedAt());
    }
}
