package id.asn.merit.merit.service;

import id.asn.merit.merit.domain.MeritPolicy;
import id.asn.merit.merit.domain.MeritPolicyRules;
import id.asn.merit.merit.mapping.MeritPolicyMapper;
import id.asn.merit.merit.mapping.MeritPolicyRequest;
import id.asn.merit.merit.mapping.MeritPolicyView;
import id.asn.merit.merit.repository.MeritPolicyRepository;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.outbox.Outbox;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem.FieldError;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Versioned merit policies: publishing adds a version, and versions never change, so every result that names the
 * version it used stays explainable. Publishing is audited and announced ({@value #PUBLISHED} on {@value #TOPIC})
 * in the same transaction, through the outbox.
 */
@ApplicationScoped
public class MeritPolicies {
    public static final String TOPIC = "asn.merit.v1";
    public static final String PUBLISHED = "asn.merit.policy-published.v1";
    public static final String EVENT_KEY = "policy";
    public static final String AUDIT_ENTITY = "MeritPolicy";

    @Inject
    MeritPolicyRepository policies;
    @Inject
    MeritPolicyMapper mapper;
    @Inject
    AuditLog audit;
    @Inject
    Outbox outbox;
    @Inject
    Caller caller;
    @Inject
    MeritRecomputations recomputations;
    @Inject
    MeritClock clock;

    public MeritPolicyView current() {
        return mapper.toView(newest());
    }

    public MeritPolicyView version(int version) {
        return policies.findByIdOptional(version).map(mapper::toView)
                .orElseThrow(() -> ApiException.notFound("merit policy version", Integer.toString(version)));
    }

    public PageResponse<MeritPolicyView> all(PageRequest paging) {
        MeritPolicyRepository.Page page = policies.newestFirst(paging);
        return new PageResponse<>(page.items().stream().map(mapper::toView).toList(), paging.page(), paging.size(), page.total());
    }

    /** @param expectedVersion the version the caller read (If-Match); required, so nobody publishes over a policy unseen */
    @Transactional
    public MeritPolicyView publish(long expectedVersion, MeritPolicyRequest request) {
        MeritPolicyRules rules = request.rules();
        List<FieldError> errors = rules.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList();
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        policies.lockForPublishing();
        MeritPolicy current = newest();
        if (expectedVersion != current.version) {
            throw ApiException.preconditionFailed("the current merit policy is version " + current.version + ", not "
                    + expectedVersion + "; read it again");
        }
        LocalDate effectiveFrom = request.effectiveFrom() == null ? LocalDate.now() : request.effectiveFrom();
        if (effectiveFrom.isBefore(current.effectiveFrom)) {
            throw ApiException.unprocessable("effectiveFrom", "must not be before " + current.effectiveFrom
                    + ", the date version " + current.version + " applies from");
        }
        MeritPolicy next = new MeritPolicy();
        next.version = current.version + 1;
        next.effectiveFrom = effectiveFrom;
        next.rulesJson = mapper.rulesJson(rules);
        next.note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
        next.publishedBy = caller.subject();
        next.publishedAt = OffsetDateTime.now();
        policies.persistAndFlush(next);

        MeritPolicyView published = mapper.toView(next);
        audit.record("PUBLISH", AUDIT_ENTITY, Integer.toString(next.version), mapper.toView(current), published);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", next.version);
        data.put("effectiveFrom", effectiveFrom.toString());
        data.put("publishedBy", next.publishedBy);
        outbox.publish(TOPIC, EVENT_KEY, PUBLISHED, data);
        // every profile of the year is recomputed under the new version, after this transaction commits
        recomputations.enqueue(next.version, clock.currentYear(), next.publishedBy);
        return published;
    }

    /** The version in force and its rules, for computations. */
    public MeritProfileStore.Policy inForce() {
        MeritPolicy p = newest();
        return new MeritProfileStore.Policy(p.version, mapper.rules(p));
    }

    /** A published version and its rules (a recomputation job runs under the version that queued it). */
    public MeritProfileStore.Policy rulesOf(int version) {
        MeritPolicy p = policies.findByIdOptional(version)
                .orElseThrow(() -> new IllegalStateException("no merit policy version " + version));
        return new MeritProfileStore.Policy(p.version, mapper.rules(p));
    }

    private MeritPolicy newest() {
        return policies.newest().orElseThrow(() -> new IllegalStateException("no merit policy: the seed migration did not run"));
    }
}
