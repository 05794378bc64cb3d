package id.asn.merit.training.catalog;

import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem.FieldError;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.training.domain.LearningMethod;
import id.asn.merit.training.rest.LearningMethodView;
import id.asn.merit.training.service.JpLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Changes of a learning method's JP rule (SYSTEM.md §3: "rules are data and versioned"). Every change of a cap is a
 * new {@code rule_version} of the method and a row of {@code learning_method_rule}, and queues the recomputation of
 * every person-year with records of the method ({@link JpLedger#queueMethod}) in the same transaction, so the ledger
 * never keeps JP recognised under the old caps once the change is committed and the queue drained. A change of the
 * name, note or leadership flag alone is no new rule version. Every change is audited.
 */
@ApplicationScoped
public class LearningMethodRules {
    public static final String AUDIT_ENTITY = "LearningMethod";
    private static final BigDecimal MAX_CAP = new BigDecimal("9999.99");

    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    JpLedger ledger;

    @Transactional
    public LearningMethodView replace(String code, long expectedVersion, LearningMethodRuleRequest request) {
        LearningMethod m = LearningMethod.findById(code);
        if (m == null) {
            throw ApiException.notFound("learning method", code);
        }
        validate(request);
        if (m.version != expectedVersion) {
            throw ApiException.preconditionFailed("learning method " + code + " is at version " + m.version + ", not "
                    + expectedVersion + "; read it again");
        }
        LearningMethodView before = LearningMethodView.of(m);
        boolean capsChanged = !same(m.maxJpPerRecord, request.maxJpPerRecord()) || !same(m.maxJpPerDay, request.maxJpPerDay())
                || !same(m.maxJpPerYear, request.maxJpPerYear());
        boolean changed = capsChanged || !Objects.equals(m.ruleNote, blankToNull(request.ruleNote()))
                || request.countsAsLeadership() != null && request.countsAsLeadership() != m.countsAsLeadership
                || request.name() != null && !request.name().trim().equals(m.name);
        if (!changed) {
            return before;
        }
        m.maxJpPerRecord = request.maxJpPerRecord();
        m.maxJpPerDay = request.maxJpPerDay();
        m.maxJpPerYear = request.maxJpPerYear();
        m.ruleNote = blankToNull(request.ruleNote());
        if (request.countsAsLeadership() != null) {
            m.countsAsLeadership = request.countsAsLeadership();
        }
        if (request.name() != null) {
            m.name = request.name().trim();
        }
        if (capsChanged) {
            m.ruleVersion++;
            em.createNativeQuery("""
                    insert into learning_method_rule (code, rule_version, max_jp_per_record, max_jp_per_day, max_jp_per_year, note, changed_by)
                    values (:c, :v, :r, :d, :y, :n, :by)""")
                    .setParameter("c", code).setParameter("v", m.ruleVersion).setParameter("r", m.maxJpPerRecord)
                    .setParameter("d", m.maxJpPerDay).setParameter("y", m.maxJpPerYear).setParameter("n", m.ruleNote)
                    .setParameter("by", caller.subject()).executeUpdate();
        }
        em.flush();
        if (capsChanged) {
            ledger.queueMethod(code);
        }
        LearningMethodView after = LearningMethodView.of(m);
        audit.record(capsChanged ? "CHANGE_RULE" : "UPDATE", AUDIT_ENTITY, code, before, after);
        return after;
    }

    public PageResponse<LearningMethodRuleView> versions(String code, PageRequest paging) {
        if (LearningMethod.findById(code) == null) {
            throw ApiException.notFound("learning method", code);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select code, rule_version, max_jp_per_record, max_jp_per_day, max_jp_per_year, note, changed_by, changed_at
                from learning_method_rule where code = :c order by rule_version""")
                .setParameter("c", code).setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        long total = ((Number) em.createNativeQuery("select count(*) from learning_method_rule where code = :c")
                .setParameter("c", code).getSingleResult()).longValue();
        List<LearningMethodRuleView> items = rows.stream().map(r -> new LearningMethodRuleView((String) r[0], ((Number) r[1]).intValue(),
                (BigDecimal) r[2], (BigDecimal) r[3], (BigDecimal) r[4], (String) r[5], (String) r[6], time(r[7]))).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    static void validate(LearningMethodRuleRequest request) {
        List<FieldError> errors = new ArrayList<>();
        cap(errors, "maxJpPerRecord", request.maxJpPerRecord());
        cap(errors, "maxJpPerDay", request.maxJpPerDay());
        cap(errors, "maxJpPerYear", request.maxJpPerYear());
        if (request.ruleNote() != null && request.ruleNote().length() > 500) {
            errors.add(new FieldError("ruleNote", "must be at most 500 characters"));
        }
        if (request.name() != null && (request.name().isBlank() || request.name().length() > 200)) {
            errors.add(new FieldError("name", "must be 1 to 200 characters when given"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void cap(List<FieldError> errors, String field, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.signum() <= 0) {
            errors.add(new FieldError(field, "must be greater than 0, or null for no cap"));
        } else if (value.compareTo(MAX_CAP) > 0) {
            errors.add(new FieldError(field, "must be at most 9999.99"));
        } else if (value.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, "must have at most 2 decimals"));
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return value == null ? null : ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
