package id.asn.merit.competency.service;

import id.asn.merit.competency.domain.AssessmentPurpose;
import id.asn.merit.competency.mapping.AssessmentRequest;
import id.asn.merit.competency.mapping.AssessmentView;
import id.asn.merit.competency.messaging.CompetencyEvents;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.outbox.Outbox;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Recording and reading assessments. An assessment is never changed: a correction is a new assessment naming the
 * one it supersedes, which stays readable (with {@code supersededBy}) and no longer counts. Recording one writes,
 * in one transaction, the assessment, its audit row, an {@code asn.competency.assessment-recorded.v1} event with the
 * person's JPM against their current position, and the person's refreshed gap (with its gap-changed event).
 */
@ApplicationScoped
public class Assessments {
    public static final String AUDIT_ENTITY = "Assessment";
    static final Set<String> METHODS = Set.of("ASSESSMENT_CENTER", "UJI_KOMPETENSI", "SELF", "SUPERVISOR", "360");
    private static final BigDecimal MIN = BigDecimal.ONE;
    private static final BigDecimal MAX = BigDecimal.valueOf(5);

    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Outbox outbox;
    @Inject
    Caller caller;
    @Inject
    GapCalculator calculator;
    @Inject
    Event<GapInputsChanged> gapInputs;

    /** Checks the shape of a request (400, every wrong field named); references are checked in {@link #record}. */
    public void validate(AssessmentRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.nip() == null || !r.nip().matches("\\d{18}")) {
            errors.add(new Problem.FieldError("nip", "must be an 18-digit NIP"));
        }
        if (r.assessedOn() == null) {
            errors.add(new Problem.FieldError("assessedOn", "is required (YYYY-MM-DD)"));
        } else if (r.assessedOn().isAfter(calculator.today())) {
            errors.add(new Problem.FieldError("assessedOn", "must not be in the future (today is " + calculator.today() + ")"));
        }
        if (r.method() == null || !METHODS.contains(r.method())) {
            errors.add(new Problem.FieldError("method", "must be one of ASSESSMENT_CENTER, UJI_KOMPETENSI, SELF, SUPERVISOR, 360"));
        }
        if (r.purpose() == null || !(r.purpose().equals("MAPPING") || r.purpose().equals("SELECTION"))) {
            errors.add(new Problem.FieldError("purpose", "must be MAPPING or SELECTION"));
        }
        if (r.assessor() == null || r.assessor().isBlank()) {
            errors.add(new Problem.FieldError("assessor", "is required"));
        } else if (r.assessor().length() > 300) {
            errors.add(new Problem.FieldError("assessor", "must be at most 300 characters"));
        }
        if (r.supersedes() != null && !isUuid(r.supersedes())) {
            errors.add(new Problem.FieldError("supersedes", "must be the id (UUID) of an assessment"));
        }
        if (r.scores() == null || r.scores().isEmpty()) {
            errors.add(new Problem.FieldError("scores", "must have at least one score"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < r.scores().size(); i++) {
                AssessmentRequest.Score s = r.scores().get(i);
                String at = "scores[" + i + "]";
                if (s == null) {
                    errors.add(new Problem.FieldError(at, "must be {competencyCode, level}"));
                    continue;
                }
                if (s.competencyCode() == null || s.competencyCode().isBlank()) {
                    errors.add(new Problem.FieldError(at + ".competencyCode", "is required"));
                } else if (!seen.add(s.competencyCode())) {
                    errors.add(new Problem.FieldError(at + ".competencyCode", s.competencyCode() + " is scored twice"));
                }
                if (s.level() == null) {
                    errors.add(new Problem.FieldError(at + ".level", "is required"));
                } else if (s.level().compareTo(MIN) < 0 || s.level().compareTo(MAX) > 0 || s.level().stripTrailingZeros().scale() > 1) {
                    errors.add(new Problem.FieldError(at + ".level", "must be 1.0 to 5.0 with at most one decimal, not " + s.level().toPlainString()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    @Transactional
    public AssessmentView record(AssessmentRequest r) {
        validate(r);
        List<String> codes = r.scores().stream().map(AssessmentRequest.Score::competencyCode).toList();
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("select code from competency where code = any(cast(:c as text[]))")
                .setParameter("c", codes.toArray(String[]::new)).getResultList();
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!known.contains(codes.get(i))) {
                unknown.add(new Problem.FieldError("scores[" + i + "].competencyCode", codes.get(i) + " is not in the competency dictionary"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(422, "urn:asn:problem:unprocessable", "Unprocessable request",
                    unknown.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""), unknown);
        }
        UUID supersedes = r.supersedes() == null ? null : UUID.fromString(r.supersedes());
        if (supersedes != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> original = em.createNativeQuery("""
                    select nip, cast(superseded_by as text) from assessment where id = :id for update""")
                    .setParameter("id", supersedes).getResultList();
            if (original.isEmpty() || !original.get(0)[0].equals(r.nip())) {
                throw ApiException.unprocessable("supersedes", "no assessment " + supersedes + " of " + r.nip() + " exists");
            }
            if (original.get(0)[1] != null) {
                throw ApiException.conflict("assessment " + supersedes + " was already corrected by " + original.get(0)[1]
                        + "; correct that one instead");
            }
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(GapCalculator.ZONE);
        em.createNativeQuery("""
                insert into assessment (id, nip, assessed_on, method, purpose, assessor, supersedes, recorded_at, recorded_by)
                values (:id, :nip, :on, :method, :purpose, :assessor, :supersedes, :at, :by)""")
                .setParameter("id", id).setParameter("nip", r.nip()).setParameter("on", r.assessedOn())
                .setParameter("method", r.method()).setParameter("purpose", r.purpose()).setParameter("assessor", r.assessor().trim())
                .setParameter("supersedes", supersedes).setParameter("at", now).setParameter("by", caller.subject())
                .executeUpdate();
        // every score in one statement, not one per score
        em.createNativeQuery("""
                insert into assessment_score (assessment_id, competency_code, level)
                select :id, s.code, cast(s.level as numeric(2,1)) from unnest(cast(:codes as text[]), cast(:levels as text[])) as s(code, level)""")
                .setParameter("id", id)
                .setParameter("codes", r.scores().stream().map(AssessmentRequest.Score::competencyCode).toArray(String[]::new))
                .setParameter("levels", r.scores().stream().map(sc -> sc.level().toPlainString()).toArray(String[]::new))
                .executeUpdate();
        if (supersedes != null) {
            em.createNativeQuery("update assessment set superseded_by = :id where id = :old")
                    .setParameter("id", id).setParameter("old", supersedes).executeUpdate();
        }
        AssessmentView view = get(id.toString());
        audit.record("CREATE", AUDIT_ENTITY, id.toString(), null, view);
        if (supersedes != null) {
            audit.record("SUPERSEDE", AUDIT_ENTITY, supersedes.toString(), null, Map.of("supersededBy", id.toString()));
        }
        outbox.publish(CompetencyEvents.TOPIC, r.nip(), CompetencyEvents.ASSESSMENT_RECORDED, recordedData(view));
        gapInputs.fire(GapInputsChanged.forNips(List.of(r.nip()), "ASSESSMENT"));
        return view;
    }

    /** The event data: the assessment and the JPM it gives against the current position. */
    private Map<String, Object> recordedData(AssessmentView a) {
        @SuppressWarnings("unchecked")
        List<String> position = em.createNativeQuery("select position_code from employee_replica where nip = :n and position_code is not null")
                .setParameter("n", a.nip()).getResultList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("assessmentId", a.id());
        data.put("nip", a.nip());
        data.put("assessedOn", a.assessedOn());
        data.put("method", a.method());
        data.put("purpose", a.purpose());
        data.put("supersedes", a.supersedes());
        data.put("scores", a.scores());
        GapCalculator.Computation c = position.isEmpty() ? null
                : calculator.compute(a.nip(), position.get(0), calculator.today(), AssessmentPurpose.MAPPING);
        boolean has = c != null && c.result() != null;
        data.put("positionCode", position.isEmpty() ? null : position.get(0));
        data.put("jpm", has ? c.result().jpm() : null);
        data.put("category", has && c.result().category() != null ? c.result().category().name() : null);
        data.put("coverage", has ? c.result().coverage() : null);
        data.put("standardVersion", has ? c.standard().version() : null);
        data.put("standardSource", has ? c.standard().source() : null);
        data.put("policyVersion", c == null ? null : c.policy().version());
        return data;
    }

    /** @throws ApiException 404 when there is no such assessment */
    public AssessmentView get(String id) {
        if (!isUuid(id)) {
            throw ApiException.notFound("assessment", id);
        }
        List<AssessmentView> found = load("a.id = cast(:id as uuid)", Map.of("id", id), 0, 1);
        if (found.isEmpty()) {
            throw ApiException.notFound("assessment", id);
        }
        return found.get(0);
    }

    /** Newest first (assessedOn, then recording time). */
    public PageResponse<AssessmentView> list(String nip, LocalDate from, LocalDate to, String unitPath, boolean subtree, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (nip != null) {
            where.append(" and a.nip = :nip");
            params.put("nip", nip);
        }
        if (from != null) {
            where.append(" and a.assessed_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and a.assessed_on <= :to");
            params.put("to", to);
        }
        if (unitPath != null) {
            where.append(subtree
                    ? " and a.nip in (select nip from employee_replica where org_unit_path = :path or org_unit_path like :prefix)"
                    : " and a.nip in (select nip from employee_replica where org_unit_path = :path)");
            params.put("path", unitPath);
            if (subtree) {
                params.put("prefix", unitPath + "/%");
            }
        }
        var count = em.createNativeQuery("select count(*) from assessment a where " + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        return new PageResponse<>(load(where.toString(), params, paging.offset(), paging.size()), paging.page(), paging.size(), total);
    }

    private List<AssessmentView> load(String where, Map<String, Object> params, int offset, int limit) {
        var q = em.createNativeQuery("""
                select cast(a.id as text), a.nip, a.assessed_on, a.method, a.purpose, a.assessor, cast(a.supersedes as text),
                       cast(a.superseded_by as text), a.recorded_at, a.recorded_by
                from assessment a where %s order by a.assessed_on desc, a.recorded_at desc, a.id offset :offset limit :limit""".formatted(where));
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.setParameter("offset", offset).setParameter("limit", limit).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] ids = rows.stream().map(r -> (String) r[0]).toArray(String[]::new);
        @SuppressWarnings("unchecked")
        List<Object[]> scores = em.createNativeQuery("""
                select cast(assessment_id as text), competency_code, level from assessment_score
                where assessment_id = any(cast(cast(:ids as text[]) as uuid[])) order by competency_code""")
                .setParameter("ids", ids).getResultList();
        Map<String, List<AssessmentView.Score>> byId = new LinkedHashMap<>();
        for (Object[] s : scores) {
            byId.computeIfAbsent((String) s[0], k -> new ArrayList<>()).add(new AssessmentView.Score((String) s[1], (BigDecimal) s[2]));
        }
        List<AssessmentView> views = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            views.add(new AssessmentView((String) r[0], (String) r[1], PersonScores.toDate(r[2]), (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], (String) r[7], byId.getOrDefault((String) r[0], List.of()), toOffset(r[8]), (String) r[9]));
        }
        return views;
    }

    private static OffsetDateTime toOffset(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant().atZone(GapCalculator.ZONE).toOffsetDateTime();
        }
        if (o instanceof java.time.Instant i) {
            return i.atZone(GapCalculator.ZONE).toOffsetDateTime();
        }
        return null;
    }

    static boolean isUuid(String s) {
        return s != null && s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }
}
