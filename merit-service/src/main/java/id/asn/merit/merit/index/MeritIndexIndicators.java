package id.asn.merit.merit.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.merit.index.MeritIndexApi.IndicatorRequest;
import id.asn.merit.merit.index.MeritIndexApi.IndicatorView;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem.FieldError;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merit index indicator definitions (data an ADMIN edits). The active weights always sum to 100, so every total
 * runs 100..400: a change that would break that is refused (422); several weights move together through the batch.
 * Assessments opened later use the new definitions; those already opened keep theirs (their body).
 */
@ApplicationScoped
public class MeritIndexIndicators {
    public static final String AUDIT_ENTITY = "MeritIndexIndicator";
    static final BigDecimal TOTAL_WEIGHT = BigDecimal.valueOf(100);
    static final List<BigDecimal> DEFAULT_THRESHOLDS = List.of(BigDecimal.valueOf(25), BigDecimal.valueOf(50), BigDecimal.valueOf(75));
    private static final Sort ORDER = Sort.by("sortOrder").and("code");

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;

    public PageResponse<IndicatorView> list(PageRequest paging) {
        var query = MeritIndexIndicator.<MeritIndexIndicator>findAll(ORDER);
        return new PageResponse<>(query.page(paging.page(), paging.size()).list().stream().map(this::view).toList(),
                paging.page(), paging.size(), query.count());
    }

    /** Every definition (active or not) in assessment order. */
    public List<MeritIndexIndicator> all() {
        return MeritIndexIndicator.<MeritIndexIndicator>findAll(ORDER).list();
    }

    /** The active definitions in assessment order. */
    public List<MeritIndexIndicator> active() {
        return MeritIndexIndicator.<MeritIndexIndicator>find("active", ORDER, true).list();
    }

    @Transactional
    public IndicatorView update(String code, IndicatorRequest request, Long ifMatch) {
        if (request == null) {
            throw ApiException.badRequest("body", "is required");
        }
        lock();
        MeritIndexIndicator indicator = MeritIndexIndicator.findById(code);
        if (indicator == null) {
            throw ApiException.notFound("merit index indicator", code);
        }
        if (ifMatch != null && ifMatch != indicator.version) {
            throw stale(indicator);
        }
        IndicatorView before = view(indicator);
        List<FieldError> errors = new ArrayList<>();
        apply(indicator, request, "", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        checkWeights("weight");
        IndicatorView after = view(indicator);
        audit.record("UPDATE", AUDIT_ENTITY, code, before, after);
        return after;
    }

    /** Changes (and adds) several indicators at once; the active weights must sum to 100 only after all of them. */
    @Transactional
    public PageResponse<IndicatorView> updateAll(List<IndicatorRequest> items) {
        if (items == null || items.isEmpty()) {
            throw ApiException.badRequest("items", "must name at least one indicator");
        }
        lock();
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, IndicatorView> before = new LinkedHashMap<>();
        List<MeritIndexIndicator> changed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            IndicatorRequest item = items.get(i);
            String prefix = "items[" + i + "].";
            if (item == null || item.code() == null || item.code().isBlank()) {
                errors.add(new FieldError(prefix + "code", "is required"));
                continue;
            }
            String code = item.code().trim();
            if (!seen.add(code)) {
                errors.add(new FieldError(prefix + "code", "names " + code + " a second time"));
                continue;
            }
            MeritIndexIndicator indicator = MeritIndexIndicator.findById(code);
            if (indicator == null) {
                indicator = newIndicator(code, item, prefix, errors);
                if (indicator == null) {
                    continue;
                }
                before.put(code, null);
            } else {
                if (item.version() != null && item.version() != indicator.version) {
                    throw stale(indicator);
                }
                before.put(code, view(indicator));
            }
            apply(indicator, item, prefix, errors);
            changed.add(indicator);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        for (MeritIndexIndicator indicator : changed) {
            if (!indicator.isPersistent()) {
                indicator.persist();
            }
        }
        checkWeights("items");
        for (MeritIndexIndicator indicator : changed) {
            IndicatorView was = before.get(indicator.code);
            audit.record(was == null ? "CREATE" : "UPDATE", AUDIT_ENTITY, indicator.code, was, view(indicator));
        }
        List<IndicatorView> all = MeritIndexIndicator.<MeritIndexIndicator>findAll(ORDER).list().stream().map(this::view).toList();
        return new PageResponse<>(all, 0, all.size(), all.size());
    }

    private MeritIndexIndicator newIndicator(String code, IndicatorRequest item, String prefix, List<FieldError> errors) {
        if (code.length() > 20) {
            errors.add(new FieldError(prefix + "code", "must be at most 20 characters"));
            return null;
        }
        if (item.aspectCode() == null || item.aspectCode().isBlank()) {
            errors.add(new FieldError(prefix + "aspectCode", "is required for a new indicator (" + code + ")"));
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> aspect = em.createNativeQuery("""
                select aspect_name, coalesce(max(sort_order), 0) from merit_index_indicator where aspect_code = :a group by aspect_name""")
                .setParameter("a", item.aspectCode().trim()).getResultList();
        if (aspect.isEmpty()) {
            errors.add(new FieldError(prefix + "aspectCode", "aspect " + item.aspectCode() + " is not one of the 8 aspects (1..8)"));
            return null;
        }
        if (item.name() == null || item.weight() == null) {
            errors.add(new FieldError(prefix + (item.name() == null ? "name" : "weight"), "is required for a new indicator (" + code + ")"));
            return null;
        }
        MeritIndexIndicator indicator = new MeritIndexIndicator();
        indicator.code = code;
        indicator.aspectCode = item.aspectCode().trim();
        indicator.aspectName = (String) aspect.get(0)[0];
        indicator.sortOrder = ((Number) aspect.get(0)[1]).intValue() + 1;
        indicator.active = true;
        indicator.version = 0;
        return indicator;
    }

    /** Applies the fields present; collects what is wrong. */
    private void apply(MeritIndexIndicator indicator, IndicatorRequest r, String prefix, List<FieldError> errors) {
        if (r.name() != null) {
            if (r.name().isBlank() || r.name().length() > 500) {
                errors.add(new FieldError(prefix + "name", "must be 1..500 characters"));
            } else {
                indicator.name = r.name().trim();
            }
        }
        if (r.description() != null) {
            if (r.description().length() > 2000) {
                errors.add(new FieldError(prefix + "description", "must be at most 2000 characters"));
            } else {
                indicator.description = r.description().isBlank() ? null : r.description().trim();
            }
        }
        if (r.weight() != null) {
            if (r.weight().signum() < 0 || r.weight().compareTo(TOTAL_WEIGHT) > 0 || r.weight().stripTrailingZeros().scale() > 3) {
                errors.add(new FieldError(prefix + "weight", "must be 0..100 with at most 3 decimals"));
            } else {
                indicator.weight = r.weight();
            }
        }
        if (r.active() != null) {
            indicator.active = r.active();
        }
        if (r.sortOrder() != null) {
            indicator.sortOrder = r.sortOrder();
        }
        if (r.measure() != null) {
            if (r.measure().isBlank()) {
                indicator.measure = null;
                indicator.scoreThresholds = null;
            } else if (!MeritIndexMeasures.MEASURES.contains(r.measure())) {
                errors.add(new FieldError(prefix + "measure", "must be one of " + String.join(", ", MeritIndexMeasures.MEASURES)
                        + ", or empty for an indicator the institution scores"));
            } else {
                indicator.measure = r.measure();
            }
        }
        if (r.scoreThresholds() != null) {
            List<String> problems = MeritIndexShareScore.problems(r.scoreThresholds());
            if (!problems.isEmpty()) {
                errors.add(new FieldError(prefix + "scoreThresholds", problems.get(0)));
            } else {
                indicator.scoreThresholds = write(r.scoreThresholds());
            }
        }
        if (indicator.measure != null && indicator.scoreThresholds == null) {
            indicator.scoreThresholds = write(DEFAULT_THRESHOLDS);
        }
        indicator.version++;
        indicator.updatedBy = caller.subject();
        indicator.updatedAt = OffsetDateTime.now();
    }

    private void checkWeights(String field) {
        em.flush();
        BigDecimal sum = (BigDecimal) em.createNativeQuery("select coalesce(sum(weight), 0) from merit_index_indicator where active")
                .getSingleResult();
        if (sum.compareTo(TOTAL_WEIGHT) != 0) {
            throw ApiException.unprocessable(field, "the active indicators' weights would sum to " + MeritIndexAssessments.plain(sum)
                    + ", not 100; move several weights at once with PUT /api/v1/merit-index-assessments/indicators");
        }
    }

    /** One definition change at a time, so the weight sum is checked against what is really stored. */
    private void lock() {
        em.createNativeQuery("lock table merit_index_indicator in share row exclusive mode").executeUpdate();
    }

    private static ApiException stale(MeritIndexIndicator indicator) {
        return ApiException.preconditionFailed("merit index indicator " + indicator.code + " is at version " + indicator.version
                + "; read it again");
    }

    public List<BigDecimal> thresholds(MeritIndexIndicator indicator) {
        if (indicator.scoreThresholds == null) {
            return indicator.measure == null ? null : DEFAULT_THRESHOLDS;
        }
        try {
            return json.readValue(indicator.scoreThresholds, new TypeReference<List<BigDecimal>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable score thresholds of merit index indicator " + indicator.code, e);
        }
    }

    private String write(List<BigDecimal> thresholds) {
        try {
            return json.writeValueAsString(thresholds.stream().map(MeritIndexAssessments::plainNumber).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    IndicatorView view(MeritIndexIndicator i) {
        return new IndicatorView(i.code, i.aspectCode, i.aspectName, i.name, i.description, MeritIndexAssessments.plainNumber(i.weight),
                i.measure, thresholds(i), i.sortOrder, i.active, i.version, i.updatedBy, i.updatedAt);
    }
}
