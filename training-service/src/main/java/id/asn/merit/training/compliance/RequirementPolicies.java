package id.asn.merit.training.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.training.service.JpRequirements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The versions of {@code jp_requirement_policy} (SYSTEM.md §6.3) as the API reads and an ADMIN writes them: a new
 * version is a new row, the old ones stay. Also the ledger rebuild an ADMIN asks for after a bulk load.
 */
@ApplicationScoped
public class RequirementPolicies {
    public static final String AUDIT_ENTITY = "JpRequirementPolicy";
    /** The employment types of the suite (employee-service): a key outside these is refused, named. */
    public static final Set<String> EMPLOYMENT_TYPES = Set.of("PNS", "CPNS", "PPPK");
    static final BigDecimal MAX_JP = new BigDecimal("1000");
    static final int LOCK_SPACE = 0x0b0c5eb;

    @Inject
    EntityManager em;
    @Inject
    JpRequirements requirements;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;

    public ComplianceViews.Policy current() {
        return view(requirements.current());
    }

    public PageResponse<ComplianceViews.Policy> history(PageRequest paging) {
        long total = ((Number) em.createNativeQuery("select count(*) from jp_requirement_policy").getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select version, required::text, default_jp, changed_by, changed_at, reason
                from jp_requirement_policy order by version desc limit :l offset :o""")
                .setParameter("l", paging.size()).setParameter("o", (long) paging.offset()).getResultList();
        return new PageResponse<>(rows.stream().map(r -> view(requirements.toPolicy(r))).toList(), paging.page(), paging.size(), total);
    }

    /**
     * Writes version latest + 1 after checking If-Match (when sent) and the body (every broken rule in one 422), audits
     * it, and queues the person-years whose recognised JP now reaches a lowered requirement without their threshold
     * event yet, so {@code jp-threshold-reached} follows the policy.
     */
    @Transactional
    public ComplianceViews.Policy replace(Long expectedVersion, ComplianceViews.PolicyRequest request) {
        em.createNativeQuery("select count(*) from pg_advisory_xact_lock(:s, 0)").setParameter("s", LOCK_SPACE).getSingleResult();
        JpRequirements.Policy before = requirements.current();
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw ApiException.preconditionFailed("the JP requirement policy is at version " + before.version() + ", not "
                    + expectedVersion + "; read it again");
        }
        Map<String, BigDecimal> required = validate(request);
        int version = before.version() + 1;
        em.createNativeQuery("""
                insert into jp_requirement_policy (version, required, default_jp, changed_by, reason)
                values (:v, cast(:r as jsonb), :d, :by, :reason)""")
                .setParameter("v", version).setParameter("r", write(required)).setParameter("d", request.defaultJp())
                .setParameter("by", caller.subject()).setParameter("reason", blankToNull(request.reason())).executeUpdate();
        JpRequirements.Policy after = requirements.current();
        audit.record("UPDATE", AUDIT_ENTITY, Integer.toString(version), view(before), view(after));
        queueNewlyReached(after);
        return view(after);
    }

    static Map<String, BigDecimal> validate(ComplianceViews.PolicyRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, BigDecimal> required = new TreeMap<>();
        if (request.required() == null || request.required().isEmpty()) {
            errors.add(new Problem.FieldError("required", "must give the JP of at least one employment type (PNS, CPNS, PPPK)"));
        } else {
            request.required().forEach((type, jp) -> {
                if (!EMPLOYMENT_TYPES.contains(type)) {
                    errors.add(new Problem.FieldError("required." + type, "unknown employment type; one of CPNS, PNS, PPPK"));
                } else {
                    checkJp("required." + type, jp, errors);
                    required.put(type, jp);
                }
            });
        }
        checkJp("defaultJp", request.defaultJp(), errors);
        if (request.reason() != null && request.reason().length() > 1000) {
            errors.add(new Problem.FieldError("reason", "at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
            throw new ApiException(422, "urn:asn:problem:unprocessable", "Unprocessable request", detail, errors);
        }
        return required;
    }

    private static void checkJp(String field, BigDecimal jp, List<Problem.FieldError> errors) {
        if (jp == null) {
            errors.add(new Problem.FieldError(field, "is required"));
        } else if (jp.signum() <= 0 || jp.compareTo(MAX_JP) > 0) {
            errors.add(new Problem.FieldError(field, "must be above 0 and at most " + MAX_JP + " JP"));
        } else if (jp.stripTrailingZeros().scale() > 2) {
            errors.add(new Problem.FieldError(field, "at most 2 decimals"));
        }
    }

    private void queueNewlyReached(JpRequirements.Policy policy) {
        StringBuilder cases = new StringBuilder("case e.employment_type");
        policy.required().forEach((t, jp) -> cases.append(" when '").append(t).append("' then ").append(jp.toPlainString()));
        cases.append(" else ").append(policy.defaultJp().toPlainString()).append(" end");
        em.createNativeQuery("""
                insert into jp_recompute_pending (nip, year)
                select p.nip, p.year from jp_person_year p left join employee_replica e on e.nip = p.nip
                where p.recognised_jp >= %s
                  and not exists (select 1 from jp_threshold_reached t where t.nip = p.nip and t.year = p.year)
                on conflict do nothing""".formatted(cases)).executeUpdate();
    }

    /** Queues every person-year that has records for recomputation by JpRecomputeJob; the number queued. */
    @Transactional
    public int rebuild() {
        int queued = em.createNativeQuery("""
                insert into jp_recompute_pending (nip, year)
                select distinct nip, year from training_record
                on conflict do nothing""").executeUpdate();
        audit.record("REBUILD", "JpLedger", "all", null, new ComplianceViews.Rebuild(queued));
        return queued;
    }

    ComplianceViews.Policy view(JpRequirements.Policy p) {
        return new ComplianceViews.Policy(p.version(), new TreeMap<>(p.required()), p.defaultJp(), p.changedBy(), p.changedAt(), p.reason());
    }

    private String write(Map<String, BigDecimal> required) {
        try {
            return json.writeValueAsString(required);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
