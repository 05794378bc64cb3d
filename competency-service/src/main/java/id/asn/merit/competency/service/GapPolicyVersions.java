package id.asn.merit.competency.service;

import id.asn.merit.competency.domain.GapPolicy;
import id.asn.merit.competency.mapping.GapPolicyRequest;
import id.asn.merit.competency.mapping.GapPolicyView;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The versions of the gap policy (SYSTEM.md §6.1) as the API reads and an ADMIN replaces them. Every version stays
 * readable, because every gap names the policy version it was computed with.
 */
@ApplicationScoped
public class GapPolicyVersions {
    public static final String AUDIT_ENTITY = "GapPolicy";
    static final int LOCK_SPACE = 7005;

    @Inject
    EntityManager em;
    @Inject
    GapPolicies policies;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    Event<GapInputsChanged> gapInputs;
    @Inject
    ReaderCacheEviction cacheEviction;

    public GapPolicyView current() {
        List<GapPolicyView> latest = versions(1, 0L);
        if (latest.isEmpty()) {
            throw ApiException.notFound("gap policy", "(none stored yet)");
        }
        return latest.get(0);
    }

    public GapPolicyView version(int version) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select version, body, created_at, created_by from gap_policy where version = :v")
                .setParameter("v", version).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("gap policy version", Integer.toString(version));
        }
        return view(rows.get(0));
    }

    public PageResponse<GapPolicyView> history(PageRequest paging) {
        long total = ((Number) em.createNativeQuery("select count(*) from gap_policy").getSingleResult()).longValue();
        return new PageResponse<>(versions(paging.size(), StoredRows.offset(paging)), paging.page(), paging.size(), total);
    }

    /** @param expectedVersion the If-Match version, or null */
    @Transactional
    public GapPolicyView replace(Long expectedVersion, GapPolicyRequest request) {
        em.createNativeQuery("select count(*) from pg_advisory_xact_lock(:space, 0)").setParameter("space", LOCK_SPACE).getSingleResult();
        GapPolicyView before = current();
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw ApiException.preconditionFailed("the gap policy is at version " + before.version() + ", not " + expectedVersion
                    + "; read it again");
        }
        GapPolicy policy = request.toPolicy();
        List<GapPolicy.Violation> violations = policy.violations();
        if (!violations.isEmpty()) {
            throw FieldRejections.unprocessable(violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
        int version = before.version() + 1;
        em.createNativeQuery("insert into gap_policy (version, body, created_by) values (:v, :b, :by)")
                .setParameter("v", version).setParameter("b", policies.write(policy)).setParameter("by", caller.subject())
                .executeUpdate();
        GapPolicyView after = version(version);
        audit.record("UPDATE", AUDIT_ENTITY, Integer.toString(version), before, after);
        // as for templates: the observers read the new version now, and nobody keeps a cached one past the commit
        cacheEviction.nowAndAfterCompletion(policies::evict);
        gapInputs.fire(GapInputsChanged.everyone("POLICY"));
        return after;
    }

    private List<GapPolicyView> versions(int limit, long offset) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select version, body, created_at, created_by from gap_policy order by version desc limit :limit offset :offset""")
                .setParameter("limit", limit).setParameter("offset", offset).getResultList();
        return rows.stream().map(this::view).toList();
    }

    private GapPolicyView view(Object[] r) {
        return GapPolicyView.of(StoredRows.integer(r[0]), policies.read((String) r[1]), StoredRows.timestamp(r[2]), (String) r[3]);
    }
}
