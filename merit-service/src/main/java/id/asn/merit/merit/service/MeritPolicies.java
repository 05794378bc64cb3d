package id.asn.merit.merit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.merit.domain.MeritPolicyRules;
import id.asn.merit.merit.rest.MeritPolicyModels.MeritPolicyView;
import id.asn.merit.merit.rest.MeritPolicyModels.PublishRequest;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.outbox.Outbox;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem.FieldError;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Versioned merit policies: publishing adds a version; versions never change, so old results stay explainable. */
@ApplicationScoped
public class MeritPolicies {
    public static final String TOPIC = "asn.merit.v1";
    public static final String PUBLISHED = "asn.merit.policy-published.v1";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    AuditLog audit;
    @Inject
    Outbox outbox;
    @Inject
    Caller caller;

    public MeritPolicyView current() {
        return find("order by version desc limit 1", Map.of()).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no merit policy: the seed migration did not run"));
    }

    public MeritPolicyView version(int version) {
        return find("where version = :v", Map.of("v", version)).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("merit policy version", Integer.toString(version)));
    }

    public PageResponse<MeritPolicyView> all(PageRequest paging) {
        List<MeritPolicyView> items = find("order by version desc limit " + paging.size() + " offset " + paging.offset(), Map.of());
        long total = ((Number) em.createNativeQuery("select count(*) from merit_policy").getSingleResult()).longValue();
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    @Transactional
    public MeritPolicyView publish(Integer ifMatch, PublishRequest request) {
        List<FieldError> errors = request.rules().inconsistencies().stream()
                .map(p -> new FieldError("rules." + p[0], p[1])).toList();
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        // serialise publishers: the next version number is taken under a lock
        em.createNativeQuery("lock table merit_policy in share row exclusive mode").executeUpdate();
        MeritPolicyView current = current();
        if (ifMatch != null && ifMatch != current.version()) {
            throw ApiException.preconditionFailed("the current policy is version " + current.version() + ", not " + ifMatch);
        }
        int version = current.version() + 1;
        LocalDate effectiveFrom = request.effectiveFrom() == null ? LocalDate.now() : request.effectiveFrom();
        try {
            em.createNativeQuery("""
                    insert into merit_policy (version, effective_from, body, note, published_by) values (:v, :from, :body, :note, :by)""")
                    .setParameter("v", version).setParameter("from", Date.valueOf(effectiveFrom))
                    .setParameter("body", json.writeValueAsString(request.rules())).setParameter("note", request.note())
                    .setParameter("by", caller.subject()).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        MeritPolicyView published = version(version);
        audit.record("PUBLISH", "MeritPolicy", Integer.toString(version), current, published);
        outbox.publish(TOPIC, "policy", PUBLISHED, Map.of("version", version, "effectiveFrom", effectiveFrom.toString(),
                "publishedBy", caller.subject()));
        return published;
    }

    @SuppressWarnings("unchecked")
    private List<MeritPolicyView> find(String tail, Map<String, Object> params) {
        var query = em.createNativeQuery("select version, effective_from, body, note, published_by, published_at from merit_policy " + tail);
        params.forEach(query::setParameter);
        return ((List<Object[]>) query.getResultList()).stream().map(row -> {
            try {
                LocalDate from = row[1] instanceof Date d ? d.toLocalDate() : (LocalDate) row[1];
                OffsetDateTime at = row[5] instanceof OffsetDateTime t ? t
                        : row[5] instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC)
                        : ((java.sql.Timestamp) row[5]).toInstant().atOffset(java.time.ZoneOffset.UTC);
                return new MeritPolicyView(((Number) row[0]).intValue(), from,
                        json.readValue((String) row[2], MeritPolicyRules.class), (String) row[3], (String) row[4], at);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable merit policy " + row[0], e);
            }
        }).toList();
    }
}
