package id.asn.merit.merit.promotion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.merit.client.CompetencyGaps;
import id.asn.merit.merit.client.CompetencyGapsClient.Gap;
import id.asn.merit.merit.domain.MeritPolicy;
import id.asn.merit.merit.domain.MeritPolicyRules;
import id.asn.merit.merit.domain.PromotionEligibility;
import id.asn.merit.merit.mapping.MeritPolicyMapper;
import id.asn.merit.merit.repository.MeritPolicyRepository;
import id.asn.merit.merit.service.MeritClock;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem.FieldError;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Promotion rankings (SYSTEM.md §3, §6.4): every ACTIVE person in scope except the target's current holders, with the
 * blockers of {@link PromotionEligibility}, the JPM against the target from competency-service, and the order of
 * {@link PromotionEligibility#ORDER}. A ranking is stored whole as decided and only ever read back; it is made
 * completely or not at all (competency-service unavailable → 503, nothing stored).
 */
@ApplicationScoped
public class PromotionRankings {
    public static final String AUDIT_ENTITY = "PromotionRanking";
    static final String UNAVAILABLE_WHAT = "the promotion ranking was not made";

    @Inject
    EntityManager em;
    @Inject
    PromotionFacts facts;
    @Inject
    CompetencyGaps competency;
    @Inject
    PersonAccess access;
    @Inject
    MeritPolicyRepository policies;
    @Inject
    MeritPolicyMapper policyMapper;
    @Inject
    MeritClock clock;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "asn.merit.promotion.max-candidates", defaultValue = "20000")
    int maxCandidates;

    /** The request checked and resolved: the target and the scope. */
    record Checked(PromotionRankingRequest request, PromotionFacts.TargetPosition target, PersonAccess.Scope scope, int year,
                   boolean waive) {
    }

    /** 400 for missing or out-of-range fields, 422 for a target or unit merit-service does not know. */
    public Checked check(PromotionRankingRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body", "is required: {targetPositionCode, orgUnit?, subtree?, year, waiveLeadershipTraining?}");
        }
        List<FieldError> errors = new ArrayList<>();
        String code = request.targetPositionCode() == null ? null : request.targetPositionCode().trim();
        if (code == null || code.isEmpty()) {
            errors.add(new FieldError("targetPositionCode", "is required"));
        }
        int last = clock.currentYear() + 1;
        if (request.year() == null) {
            errors.add(new FieldError("year", "is required"));
        } else if (request.year() < 2000 || request.year() > last) {
            errors.add(new FieldError("year", "must be between 2000 and " + last + ", not " + request.year()));
        }
        String orgUnit = request.orgUnit() == null || request.orgUnit().isBlank() ? null : request.orgUnit().trim();
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        PromotionFacts.TargetPosition target = facts.position(code).orElseThrow(() -> ApiException.unprocessable("targetPositionCode",
                "position " + code + " is not known to merit-service (it learns positions from asn.org.v1)"));
        if (orgUnit != null && access.unitPath(orgUnit) == null) {
            throw ApiException.unprocessable("orgUnit", "org unit " + orgUnit + " is not known to merit-service");
        }
        boolean subtree = request.subtree() == null || request.subtree();
        PersonAccess.Scope scope = access.listScope(orgUnit, subtree);
        return new Checked(request, target, scope, request.year(), Boolean.TRUE.equals(request.waiveLeadershipTraining()));
    }

    /**
     * Ranks and stores. The competency-service calls happen inside the transaction that stores, so a failure of any
     * batch leaves nothing behind (and frees an Idempotency-Key claimed in the same transaction).
     *
     * @param authorization the caller's Authorization header, passed on to competency-service
     */
    @Transactional
    public PromotionRankingView create(Checked checked, String authorization) {
        long inScope = facts.count(checked.scope(), checked.target().code());
        if (inScope > maxCandidates) {
            throw ApiException.unprocessable("orgUnit", inScope + " candidates in scope, more than the " + maxCandidates
                    + " one ranking takes; name a unit");
        }
        MeritPolicy policy = policies.newest().orElseThrow(() -> new IllegalStateException("no merit policy: the seed migration did not run"));
        MeritPolicyRules rules = policyMapper.rules(policy);
        int year = checked.year();
        LocalDate asOf = clock.asOf(year);
        List<PromotionFacts.Row> rows = facts.people(checked.scope(), checked.target().code());
        // competency-service works on the JPM while the facts are read here
        CompetencyGaps.Pending jpm = competency.request(checked.target().code(), rows.stream().map(PromotionFacts.Row::nip).toList(),
                CompetencyGaps.SELECTION, asOf, authorization, "targetPositionCode", UNAVAILABLE_WHAT);
        List<PromotionFacts.Person> people = facts.withFacts(rows, year, rules.promotion().skpYears());
        CompetencyGaps.Matches matches = jpm.await();

        PromotionEligibility.Target target = checked.target().target();
        record Assessed(PromotionFacts.Person person, List<PromotionEligibility.Blocker> blockers, PromotionEligibility.Ranked ranked) {
        }
        List<Assessed> assessed = new ArrayList<>(people.size());
        for (PromotionFacts.Person p : people) {
            List<PromotionEligibility.Blocker> blockers = PromotionEligibility.blockers(p.facts(), target, year, asOf, rules, checked.waive());
            assessed.add(new Assessed(p, blockers,
                    new PromotionEligibility.Ranked(p.nip(), PromotionEligibility.eligible(blockers), p.meritScore(), p.rankSince())));
        }
        assessed.sort(Comparator.comparing(Assessed::ranked, PromotionEligibility.ORDER));
        List<PromotionRankingView.Candidate> candidates = new ArrayList<>(assessed.size());
        for (Assessed a : assessed) {
            Gap gap = matches.byNip().get(a.person().nip());
            candidates.add(new PromotionRankingView.Candidate(a.person().nip(), a.person().name(), a.ranked().eligible(),
                    a.blockers().stream().map(b -> new PromotionRankingView.Blocker(b.rule(), b.evidence(), b.waivable(), b.waived())).toList(),
                    gap == null || gap.jpm() == null ? null : gap.jpm().doubleValue(), gap == null ? null : gap.category(),
                    a.person().meritScore(), a.person().rank(), a.person().rankSince(), candidates.size() + 1));
        }

        PromotionRankingView view = new PromotionRankingView(UUID.randomUUID(), target.positionCode(), checked.target().title(),
                target.type(), checked.scope().orgUnitCode(), checked.scope().subtree(), year, asOf, checked.waive(), policy.version,
                matches.standardVersion(), matches.standardSource(), OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS), candidates);
        em.createNativeQuery("""
                insert into promotion_ranking (id, target_position_code, org_unit_code, subtree, year, policy_version, candidates,
                                               eligible, body, requested_by, computed_at)
                values (:id, :target, :unit, :subtree, :year, :policy, :candidates, :eligible, cast(:body as jsonb), :by, :at)""")
                .setParameter("id", view.id()).setParameter("target", view.targetPositionCode()).setParameter("unit", view.orgUnitCode())
                .setParameter("subtree", view.subtree()).setParameter("year", year).setParameter("policy", view.policyVersion())
                .setParameter("candidates", candidates.size()).setParameter("eligible", view.eligibleCount())
                .setParameter("body", write(view)).setParameter("by", caller.subject()).setParameter("at", view.computedAt())
                .executeUpdate();
        audit.record("CREATE", AUDIT_ENTITY, view.id().toString(), null, summary(view));
        return view;
    }

    /** The stored body, exactly as decided. */
    public JsonNode get(UUID id) {
        @SuppressWarnings("unchecked")
        List<String> body = em.createNativeQuery("select cast(body as text) from promotion_ranking where id = :id")
                .setParameter("id", id).getResultList();
        if (body.isEmpty()) {
            throw ApiException.notFound("promotion ranking", id.toString());
        }
        try {
            return json.readTree(body.get(0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored promotion ranking " + id, e);
        }
    }

    /** Stored rankings, newest first, optionally of one year and target. */
    public PageResponse<PromotionRankingSummary> list(Integer year, String targetPositionCode, PageRequest paging) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> params = new HashMap<>();
        if (year != null) {
            where.append(" and year = :year");
            params.put("year", year);
        }
        if (targetPositionCode != null && !targetPositionCode.isBlank()) {
            where.append(" and target_position_code = :target");
            params.put("target", targetPositionCode.trim());
        }
        Query count = em.createNativeQuery("select count(*) from promotion_ranking where " + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        Query q = em.createNativeQuery("""
                select id, target_position_code, org_unit_code, subtree, year, policy_version, candidates, eligible, requested_by, computed_at
                from promotion_ranking where %s order by computed_at desc, id""".formatted(where))
                .setFirstResult(paging.offset()).setMaxResults(paging.size());
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<PromotionRankingSummary> items = rows.stream().map(r -> new PromotionRankingSummary((UUID) r[0], (String) r[1], (String) r[2],
                (Boolean) r[3], ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ((Number) r[7]).intValue(),
                (String) r[8], offsetDateTime(r[9]))).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    private static Map<String, Object> summary(PromotionRankingView v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("targetPositionCode", v.targetPositionCode());
        s.put("orgUnitCode", v.orgUnitCode());
        s.put("subtree", v.subtree());
        s.put("year", v.year());
        s.put("waiveLeadershipTraining", v.waiveLeadershipTraining());
        s.put("policyVersion", v.policyVersion());
        s.put("competencyStandardVersion", v.competencyStandardVersion());
        s.put("candidates", v.candidates().size());
        s.put("eligible", v.eligibleCount());
        return s;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime offsetDateTime(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
