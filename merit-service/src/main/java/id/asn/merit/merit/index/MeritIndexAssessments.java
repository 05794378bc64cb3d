package id.asn.merit.merit.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.merit.domain.MeritIndexCategory;
import id.asn.merit.merit.domain.MeritPolicy;
import id.asn.merit.merit.domain.MeritPolicyRules;
import id.asn.merit.merit.index.MeritIndexApi.Aspect;
import id.asn.merit.merit.index.MeritIndexApi.AssessmentView;
import id.asn.merit.merit.index.MeritIndexApi.CreateRequest;
import id.asn.merit.merit.index.MeritIndexApi.Indicator;
import id.asn.merit.merit.index.MeritIndexApi.Measured;
import id.asn.merit.merit.index.MeritIndexApi.ScoreRequest;
import id.asn.merit.merit.index.MeritIndexApi.VerificationRequest;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The merit index self-assessment of an instansi and year (domain reference §8): opened as a DRAFT with the active
 * indicator definitions and the suite's own measurements pre-filled, scored by the institution (HR_OFFICER, ADMIN),
 * SUBMITTED when every indicator has a score, then VERIFIED by an ADMIN (read-only from then on) or RETURNED to
 * DRAFT. total = Σ weight × score; the category comes from the band table of the merit policy in force when it was
 * opened, once complete. Every change is audited and bumps {@code version} (the ETag) under a row lock.
 */
@ApplicationScoped
public class MeritIndexAssessments {
    public static final String AUDIT_ENTITY = "MeritIndexAssessment";
    public static final String PATH = "/api/v1/merit-index-assessments";
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_EVIDENCE = 4000;
    static final int MAX_NOTE = 2000;

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    PersonAccess access;
    @Inject
    MeritClock clock;
    @Inject
    MeritPolicyRepository policies;
    @Inject
    MeritPolicyMapper policyMapper;
    @Inject
    MeritIndexIndicators indicators;
    @Inject
    MeritIndexMeasures measures;

    // ---- validation (before the idempotent create, so bad input is never stored as a response) ----

    public void validate(CreateRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.year() == null) {
            errors.add(new FieldError("year", "is required"));
        } else if (request.year() < MIN_YEAR || request.year() > MAX_YEAR) {
            errors.add(new FieldError("year", "must be between " + MIN_YEAR + " and " + MAX_YEAR));
        }
        if (request.orgUnitCode() == null || request.orgUnitCode().isBlank()) {
            errors.add(new FieldError("orgUnitCode", "is required"));
        } else if (request.orgUnitCode().length() > 50) {
            errors.add(new FieldError("orgUnitCode", "must be at most 50 characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (access.unitPath(request.orgUnitCode().trim()) == null) {
            throw ApiException.unprocessable("orgUnitCode", "unit " + request.orgUnitCode().trim() + " is not known");
        }
    }

    // ---- create and read ----

    @Transactional
    public AssessmentView create(CreateRequest request) {
        validate(request);
        String unit = request.orgUnitCode().trim();
        int year = request.year();
        // one assessment per unit and year: serialise the check-then-insert of concurrent creators
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:k))").setParameter("k", "merit-index " + unit + " " + year)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object> existing = em.createNativeQuery("select id from merit_index_assessment where org_unit_code = :u and year = :y")
                .setParameter("u", unit).setParameter("y", year).getResultList();
        if (!existing.isEmpty()) {
            throw ApiException.conflict("the merit index assessment of " + unit + " for " + year + " exists already: "
                    + PATH + "/" + existing.get(0));
        }
        MeritPolicy policy = policies.newest().orElseThrow(() -> new IllegalStateException("no merit policy"));
        MeritPolicyRules rules = policyMapper.rules(policy);
        String path = access.unitPath(unit);
        LocalDate asOf = clock.asOf(year);
        OffsetDateTime now = OffsetDateTime.now();

        Map<String, Aspect> aspects = new LinkedHashMap<>();
        Map<String, List<Indicator>> byAspect = new LinkedHashMap<>();
        // every aspect appears, also one whose indicators an ADMIN has all deactivated (it then has none to score)
        for (MeritIndexIndicator definition : indicators.all()) {
            aspects.putIfAbsent(definition.aspectCode, new Aspect(definition.aspectCode, definition.aspectName, null, List.of()));
        }
        for (MeritIndexIndicator definition : indicators.active()) {
            Indicator indicator = new Indicator(definition.code, definition.name, plainNumber(definition.weight), null, null, false,
                    definition.measure, definition.measure == null ? null : new Measured(0, 0, null, indicators.thresholds(definition)),
                    null, null);
            if (indicator.measure() != null) {
                indicator = measured(indicator, unit, path, year, asOf, rules, now);
            }
            byAspect.computeIfAbsent(definition.aspectCode, k -> new ArrayList<>()).add(indicator);
        }
        List<Aspect> list = new ArrayList<>();
        // aspects in their code order (1..8), whatever the indicators' sort order
        aspects.values().stream().sorted((a, b) -> compareCodes(a.code(), b.code()))
                .forEach(a -> list.add(new Aspect(a.code(), a.name(), null, byAspect.getOrDefault(a.code(), List.of()))));

        AssessmentView draft = assemble(new AssessmentView(UUID.randomUUID(), year, unit, MeritIndexApi.DRAFT, policy.version, 1, asOf,
                list, null, null, null, false, 0, 0, caller.subject(), now, null, null, null, null, null, null, null, null), rules);
        em.createNativeQuery("""
                insert into merit_index_assessment (id, year, org_unit_code, status, policy_version, body, total, category, version,
                                                    created_by, created_at)
                values (:id, :year, :unit, :status, :policy, cast(:body as jsonb), :total, :category, :version, :by, :at)""")
                .setParameter("id", draft.id()).setParameter("year", year).setParameter("unit", unit).setParameter("status", draft.status())
                .setParameter("policy", policy.version).setParameter("body", write(draft)).setParameter("total", draft.total())
                .setParameter("category", draft.category()).setParameter("version", draft.version())
                .setParameter("by", draft.createdBy()).setParameter("at", now)
                .executeUpdate();
        audit.record("CREATE", AUDIT_ENTITY, draft.id().toString(), null, draft);
        return draft;
    }

    public AssessmentView get(String id) {
        return read(id, false);
    }

    public PageResponse<AssessmentView> list(Integer year, String orgUnitCode, String status, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null && !status.isBlank()) {
            if (!List.of(MeritIndexApi.DRAFT, MeritIndexApi.SUBMITTED, MeritIndexApi.VERIFIED).contains(status.trim())) {
                throw ApiException.badRequest("status", "value '" + status + "' is not one of DRAFT, SUBMITTED, VERIFIED");
            }
            where.append(" and status = :status");
            params.put("status", status.trim());
        }
        if (year != null) {
            where.append(" and year = :year");
            params.put("year", year);
        }
        if (orgUnitCode != null && !orgUnitCode.isBlank()) {
            where.append(" and org_unit_code = :unit");
            params.put("unit", orgUnitCode.trim());
        }
        Query page = em.createNativeQuery("select cast(body as text) from merit_index_assessment where " + where
                + " order by year desc, org_unit_code, id").setFirstResult(paging.offset()).setMaxResults(paging.size());
        Query count = em.createNativeQuery("select count(*) from merit_index_assessment where " + where);
        params.forEach((k, v) -> {
            page.setParameter(k, v);
            count.setParameter(k, v);
        });
        @SuppressWarnings("unchecked")
        List<String> bodies = page.getResultList();
        return new PageResponse<>(bodies.stream().map(this::parse).toList(), paging.page(), paging.size(),
                ((Number) count.getSingleResult()).longValue());
    }

    // ---- changes of a DRAFT ----

    @Transactional
    public AssessmentView score(String id, String code, ScoreRequest request, Long ifMatch) {
        int score = checkScore(request);
        String evidence = checkText("evidence", request.evidence(), MAX_EVIDENCE);
        AssessmentView before = lockDraft(id, ifMatch);
        OffsetDateTime now = OffsetDateTime.now();
        boolean found = false;
        List<Aspect> aspects = new ArrayList<>();
        for (Aspect aspect : before.aspects()) {
            List<Indicator> list = new ArrayList<>();
            for (Indicator i : aspect.indicators()) {
                if (i.code().equals(code)) {
                    found = true;
                    i = i.scored(score, evidence == null ? i.evidence() : evidence, false, i.measured(), caller.subject(), now);
                }
                list.add(i);
            }
            aspects.add(new Aspect(aspect.code(), aspect.name(), aspect.score(), list));
        }
        if (!found) {
            throw ApiException.notFound("indicator " + code + " of merit index assessment", id);
        }
        return save("SCORE", before, with(before, before.status(), aspects, before.asOf()));
    }

    /** Measures the measured indicators again (as of today, or the year's end once it is over) and pre-fills them. */
    @Transactional
    public AssessmentView prefill(String id, Long ifMatch) {
        AssessmentView before = lockDraft(id, ifMatch);
        MeritPolicyRules rules = rules(before.policyVersion());
        String path = access.unitPath(before.orgUnitCode());
        if (path == null) {
            throw ApiException.unprocessable("orgUnitCode", "unit " + before.orgUnitCode() + " is no longer known to merit-service");
        }
        LocalDate asOf = clock.asOf(before.year());
        OffsetDateTime now = OffsetDateTime.now();
        List<Aspect> aspects = new ArrayList<>();
        for (Aspect aspect : before.aspects()) {
            List<Indicator> list = new ArrayList<>();
            for (Indicator i : aspect.indicators()) {
                list.add(i.measure() == null ? i : measured(i, before.orgUnitCode(), path, before.year(), asOf, rules, now));
            }
            aspects.add(new Aspect(aspect.code(), aspect.name(), aspect.score(), list));
        }
        return save("PREFILL", before, with(before, before.status(), aspects, asOf));
    }

    @Transactional
    public AssessmentView submit(String id, Long ifMatch) {
        AssessmentView before = lockDraft(id, ifMatch);
        List<FieldError> missing = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int a = 0; a < before.aspects().size(); a++) {
            List<Indicator> list = before.aspects().get(a).indicators();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).score() == null) {
                    missing.add(new FieldError("aspects[" + a + "].indicators[" + i + "].score",
                            "indicator " + list.get(i).code() + " (" + list.get(i).name() + ") has no score"));
                    codes.add(list.get(i).code());
                }
            }
        }
        if (!missing.isEmpty()) {
            String detail = "every indicator needs a score before submission; " + codes.size() + " without one: " + String.join(", ", codes);
            throw new ApiException(422, "urn:asn:problem:unprocessable", "Unprocessable request", detail, missing);
        }
        AssessmentView after = with(before, MeritIndexApi.SUBMITTED, before.aspects(), before.asOf());
        OffsetDateTime now = OffsetDateTime.now();
        after = new AssessmentView(after.id(), after.year(), after.orgUnitCode(), after.status(), after.policyVersion(), after.version(),
                after.asOf(), after.aspects(), after.total(), after.category(), after.categoryLabel(), after.complete(), after.indicatorCount(),
                after.scoredCount(), after.createdBy(), after.createdAt(), caller.subject(), now, null, null, null,
                after.returnedBy(), after.returnedAt(), after.returnNote());
        return save("SUBMIT", before, after);
    }

    @Transactional
    public AssessmentView verify(String id, VerificationRequest request, Long ifMatch) {
        if (request == null) {
            throw ApiException.badRequest("body", "is required");
        }
        if (request.decision() == null || request.decision().isBlank()) {
            throw ApiException.badRequest("decision", "is required: VERIFIED or RETURNED");
        }
        String decision = request.decision().trim();
        if (!decision.equals(MeritIndexApi.VERIFIED) && !decision.equals(MeritIndexApi.RETURNED)) {
            throw ApiException.badRequest("decision", "value '" + decision + "' is not one of VERIFIED, RETURNED");
        }
        String note = checkText("note", request.note(), MAX_NOTE);
        AssessmentView before = lock(id, ifMatch);
        if (!before.status().equals(MeritIndexApi.SUBMITTED)) {
            throw ApiException.conflict("merit index assessment " + id + " is " + before.status() + (before.status().equals(MeritIndexApi.DRAFT)
                    ? ": only a SUBMITTED one is verified or returned; submit it first" : ": verified assessments are read-only"));
        }
        OffsetDateTime now = OffsetDateTime.now();
        AssessmentView b = with(before, decision.equals(MeritIndexApi.VERIFIED) ? MeritIndexApi.VERIFIED : MeritIndexApi.DRAFT,
                before.aspects(), before.asOf());
        AssessmentView after = decision.equals(MeritIndexApi.VERIFIED)
                ? new AssessmentView(b.id(), b.year(), b.orgUnitCode(), b.status(), b.policyVersion(), b.version(), b.asOf(), b.aspects(),
                        b.total(), b.category(), b.categoryLabel(), b.complete(), b.indicatorCount(), b.scoredCount(), b.createdBy(),
                        b.createdAt(), b.submittedBy(), b.submittedAt(), caller.subject(), now, note, b.returnedBy(), b.returnedAt(), b.returnNote())
                : new AssessmentView(b.id(), b.year(), b.orgUnitCode(), b.status(), b.policyVersion(), b.version(), b.asOf(), b.aspects(),
                        b.total(), b.category(), b.categoryLabel(), b.complete(), b.indicatorCount(), b.scoredCount(), b.createdBy(),
                        b.createdAt(), null, null, null, null, null, caller.subject(), now, note);
        return save(decision.equals(MeritIndexApi.VERIFIED) ? "VERIFY" : "RETURN", before, after);
    }

    // ---- the pieces ----

    private Indicator measured(Indicator indicator, String unit, String path, int year, LocalDate asOf, MeritPolicyRules rules,
            OffsetDateTime now) {
        MeritIndexMeasures.Measurement m = measures.measure(indicator.measure(), unit, path, year, asOf, rules);
        List<BigDecimal> thresholds = indicator.measured() == null || indicator.measured().scoreThresholds() == null
                ? MeritIndexIndicators.DEFAULT_THRESHOLDS : indicator.measured().scoreThresholds();
        BigDecimal share = MeritIndexShareScore.share(m.numerator(), m.denominator());
        Integer score = share == null ? null : MeritIndexShareScore.score(share, thresholds);
        return indicator.scored(score, m.evidence(), score != null, new Measured(m.numerator(), m.denominator(), share, thresholds),
                "merit-service", now);
    }

    /** The view with its subtotals, total, completeness and category recomputed from the scores. */
    private AssessmentView assemble(AssessmentView v, MeritPolicyRules rules) {
        BigDecimal total = BigDecimal.ZERO;
        int count = 0;
        int scored = 0;
        List<Aspect> aspects = new ArrayList<>();
        for (Aspect aspect : v.aspects()) {
            BigDecimal subtotal = BigDecimal.ZERO;
            for (Indicator i : aspect.indicators()) {
                count++;
                if (i.score() != null) {
                    scored++;
                    subtotal = subtotal.add(i.weight().multiply(BigDecimal.valueOf(i.score())));
                }
            }
            aspects.add(new Aspect(aspect.code(), aspect.name(), plainNumber(subtotal), aspect.indicators()));
            total = total.add(subtotal);
        }
        total = plainNumber(total.setScale(2, RoundingMode.HALF_UP));
        boolean complete = count > 0 && scored == count;
        MeritPolicyRules.IndexBand band = complete ? MeritIndexCategory.of(total, rules.meritIndexBands()) : null;
        return new AssessmentView(v.id(), v.year(), v.orgUnitCode(), v.status(), v.policyVersion(), v.version(), v.asOf(), aspects, total,
                band == null ? null : band.category(), band == null ? null : band.label(), complete, count, scored, v.createdBy(),
                v.createdAt(), v.submittedBy(), v.submittedAt(), v.verifiedBy(), v.verifiedAt(), v.verificationNote(), v.returnedBy(),
                v.returnedAt(), v.returnNote());
    }

    /** The next version of {@code v} with another status and aspects, reassembled under its own policy's bands. */
    private AssessmentView with(AssessmentView v, String status, List<Aspect> aspects, LocalDate asOf) {
        return assemble(new AssessmentView(v.id(), v.year(), v.orgUnitCode(), status, v.policyVersion(), v.version() + 1, asOf, aspects,
                null, null, null, false, 0, 0, v.createdBy(), v.createdAt(), v.submittedBy(), v.submittedAt(), v.verifiedBy(), v.verifiedAt(),
                v.verificationNote(), v.returnedBy(), v.returnedAt(), v.returnNote()), rules(v.policyVersion()));
    }

    private AssessmentView save(String action, AssessmentView before, AssessmentView after) {
        em.createNativeQuery("""
                update merit_index_assessment set status = :status, body = cast(:body as jsonb), total = :total, category = :category,
                       version = :version, submitted_by = :submittedBy, submitted_at = :submittedAt, verified_by = :verifiedBy,
                       verified_at = :verifiedAt
                where id = :id""")
                .setParameter("status", after.status()).setParameter("body", write(after)).setParameter("total", after.total())
                .setParameter("category", after.category()).setParameter("version", after.version())
                .setParameter("submittedBy", after.submittedBy()).setParameter("submittedAt", after.submittedAt())
                .setParameter("verifiedBy", after.verifiedBy()).setParameter("verifiedAt", after.verifiedAt())
                .setParameter("id", after.id())
                .executeUpdate();
        audit.record(action, AUDIT_ENTITY, after.id().toString(), before, after);
        return after;
    }

    private AssessmentView lockDraft(String id, Long ifMatch) {
        AssessmentView v = lock(id, ifMatch);
        if (!v.status().equals(MeritIndexApi.DRAFT)) {
            throw ApiException.conflict("merit index assessment " + id + " is " + v.status() + " and read-only"
                    + (v.status().equals(MeritIndexApi.SUBMITTED) ? " until an ADMIN returns it" : ""));
        }
        return v;
    }

    private AssessmentView lock(String id, Long ifMatch) {
        AssessmentView v = read(id, true);
        if (ifMatch != null && ifMatch != v.version()) {
            throw ApiException.preconditionFailed("merit index assessment " + id + " is at version " + v.version() + ", not " + ifMatch
                    + "; read it again");
        }
        return v;
    }

    private AssessmentView read(String id, boolean forUpdate) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("merit index assessment", id);
        }
        @SuppressWarnings("unchecked")
        List<String> body = em.createNativeQuery("select cast(body as text) from merit_index_assessment where id = :id"
                + (forUpdate ? " for update" : "")).setParameter("id", uuid).getResultList();
        if (body.isEmpty()) {
            throw ApiException.notFound("merit index assessment", id);
        }
        return parse(body.get(0));
    }

    private MeritPolicyRules rules(int version) {
        return policies.findByIdOptional(version).map(policyMapper::rules)
                .orElseThrow(() -> new IllegalStateException("merit policy version " + version + " is missing"));
    }

    private static int checkScore(ScoreRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body", "is required");
        }
        BigDecimal score = request.score();
        if (score == null) {
            throw ApiException.badRequest("score", "is required: a whole number 1..4");
        }
        if (score.stripTrailingZeros().scale() > 0 || score.compareTo(BigDecimal.ONE) < 0
                || score.compareTo(BigDecimal.valueOf(MeritIndexShareScore.MAX_SCORE)) > 0) {
            throw ApiException.badRequest("score", "must be a whole number 1..4, not " + score.toPlainString());
        }
        return score.intValueExact();
    }

    private static String checkText(String field, String text, int max) {
        if (text == null) {
            return null;
        }
        if (text.length() > max) {
            throw ApiException.badRequest(field, "must be at most " + max + " characters");
        }
        return text.isBlank() ? null : text.trim();
    }

    private static int compareCodes(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private String write(AssessmentView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AssessmentView parse(String body) {
        try {
            return json.readValue(body, AssessmentView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable merit index assessment body", e);
        }
    }

    /** A number as people write it: 4 not 4.000, 12.5 not 12.500 (and never 1E+2). */
    static BigDecimal plainNumber(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String plain(BigDecimal value) {
        return plainNumber(value).toPlainString();
    }
}
