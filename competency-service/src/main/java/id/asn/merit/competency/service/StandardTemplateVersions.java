package id.asn.merit.competency.service;

import id.asn.merit.competency.domain.CompetencyGroup;
import id.asn.merit.competency.domain.PositionType;
import id.asn.merit.competency.domain.StandardTemplate;
import id.asn.merit.competency.mapping.StandardTemplateRequest;
import id.asn.merit.competency.mapping.StandardTemplateView;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The versions of the default templates (domain.md §3.3) as the API reads and an ADMIN replaces them. Reads go to
 * the table (not {@link StandardTemplates}' cache), so an answer's version and ETag are always the stored latest. A
 * replacement is a new version; the old ones stay readable.
 */
@ApplicationScoped
public class StandardTemplateVersions {
    public static final String AUDIT_ENTITY = "StandardTemplate";
    static final int LOCK_SPACE = 7004;

    @Inject
    EntityManager em;
    @Inject
    StandardTemplates templates;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    Event<GapInputsChanged> gapInputs;
    @Inject
    ReaderCacheEviction cacheEviction;

    /** The current version of every type, in the order of {@link PositionType}. */
    public List<StandardTemplateView> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select distinct on (position_type) version, body, created_at, created_by from standard_template
                order by position_type, version desc""").getResultList();
        List<StandardTemplateView> views = new ArrayList<>(rows.stream().map(this::view).toList());
        views.sort((a, b) -> a.positionType().compareTo(b.positionType()));
        return views;
    }

    public StandardTemplateView current(PositionType type) {
        List<StandardTemplateView> page = versions(type, 1, 0L);
        if (page.isEmpty()) {
            throw ApiException.notFound("template of position type", type.name());
        }
        return page.get(0);
    }

    public PageResponse<StandardTemplateView> history(PositionType type, PageRequest paging) {
        long total = ((Number) em.createNativeQuery("select count(*) from standard_template where position_type = :t")
                .setParameter("t", type.name()).getSingleResult()).longValue();
        return new PageResponse<>(versions(type, paging.size(), StoredRows.offset(paging)), paging.page(), paging.size(), total);
    }

    /**
     * Writes version latest + 1 of the type's template.
     *
     * @param expectedVersion the If-Match version, or null
     */
    @Transactional
    public StandardTemplateView replace(PositionType type, Long expectedVersion, StandardTemplateRequest request) {
        if (request.positionType() != null && request.positionType() != type) {
            throw ApiException.badRequest("positionType", "must equal the position type in the path (" + type + ")");
        }
        em.createNativeQuery("select count(*) from pg_advisory_xact_lock(:space, hashtext(:t))")
                .setParameter("space", LOCK_SPACE).setParameter("t", type.name()).getSingleResult();
        StandardTemplateView before = current(type);
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw ApiException.preconditionFailed("the " + type + " template is at version " + before.version()
                    + ", not " + expectedVersion + "; read it again");
        }
        StandardTemplate template = request.toTemplate(type);
        List<Problem.FieldError> errors = new ArrayList<>();
        template.violations().forEach(v -> errors.add(new Problem.FieldError(v.field(), v.message())));
        errors.addAll(competencyErrors(template));
        if (!errors.isEmpty()) {
            throw FieldRejections.unprocessable(errors);
        }
        int version = before.version() + 1;
        em.createNativeQuery("insert into standard_template (position_type, version, body, created_by) values (:t, :v, :b, :by)")
                .setParameter("t", type.name()).setParameter("v", version).setParameter("b", templates.write(template))
                .setParameter("by", caller.subject()).executeUpdate();
        StandardTemplateView after = current(type);
        audit.record("UPDATE", AUDIT_ENTITY, type.name(), before, after);
        // the observers recompute inside this transaction and must read the new version; after commit (or rollback)
        // no replica of the reader may keep what it read meanwhile
        cacheEviction.nowAndAfterCompletion(templates::evict);
        gapInputs.fire(GapInputsChanged.forPositionType(type.name(), "TEMPLATE"));
        return after;
    }

    /** The codes a template overrides must be non-retired MANAJERIAL or SOSIAL_KULTURAL competencies: the only ones it expands over. */
    private List<Problem.FieldError> competencyErrors(StandardTemplate template) {
        Set<String> codes = new LinkedHashSet<>(template.levelByCompetency().keySet());
        codes.addAll(template.importanceByCompetency().keySet());
        if (codes.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, grp, retired_at from competency where code in (:codes)")
                .setParameter("codes", List.copyOf(codes)).getResultList();
        Map<String, Object[]> known = new HashMap<>();
        rows.forEach(r -> known.put((String) r[0], r));
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String field : List.of("levelByCompetency", "importanceByCompetency")) {
            Set<String> keys = field.equals("levelByCompetency") ? template.levelByCompetency().keySet()
                    : template.importanceByCompetency().keySet();
            for (String code : keys) {
                Object[] row = known.get(code);
                String name = field + "." + FieldRejections.shown(code);
                if (row == null) {
                    errors.add(new Problem.FieldError(name, "competency " + FieldRejections.shown(code) + " does not exist in the dictionary"));
                } else if (row[2] != null) {
                    errors.add(new Problem.FieldError(name, "competency " + code + " is retired"));
                } else {
                    CompetencyGroup group = CompetencyGroup.valueOf((String) row[1]);
                    if (group != CompetencyGroup.MANAJERIAL && group != CompetencyGroup.SOSIAL_KULTURAL) {
                        errors.add(new Problem.FieldError(name, "competency " + code + " is " + group
                                + "; a template sets MANAJERIAL and SOSIAL_KULTURAL competencies only"));
                    }
                }
            }
        }
        return errors;
    }

    private List<StandardTemplateView> versions(PositionType type, int limit, long offset) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select version, body, created_at, created_by from standard_template where position_type = :t
                order by version desc limit :limit offset :offset""")
                .setParameter("t", type.name()).setParameter("limit", limit).setParameter("offset", offset).getResultList();
        return rows.stream().map(this::view).toList();
    }

    private StandardTemplateView view(Object[] r) {
        return StandardTemplateView.of(StoredRows.integer(r[0]), templates.read((String) r[1]), StoredRows.timestamp(r[2]), (String) r[3]);
    }
}
