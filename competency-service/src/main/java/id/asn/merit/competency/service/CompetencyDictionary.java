package id.asn.merit.competency.service;

import id.asn.merit.competency.domain.Competency;
import id.asn.merit.competency.domain.CompetencyGroup;
import id.asn.merit.competency.domain.RetirementFilter;
import id.asn.merit.competency.mapping.CompetencyLevelModel;
import id.asn.merit.competency.mapping.CompetencyMapper;
import id.asn.merit.competency.mapping.CompetencyRequest;
import id.asn.merit.competency.mapping.CompetencyView;
import id.asn.merit.competency.messaging.CompetencyChangedData;
import id.asn.merit.competency.messaging.CompetencyEvents;
import id.asn.merit.competency.repository.CompetencyRepository;
import id.asn.merit.platform.outbox.Outbox;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;

/**
 * The competency dictionary (PermenPANRB 38/2017). MANAJERIAL and SOSIAL_KULTURAL entries are the regulation's
 * (seeded by migration, read-only); the instansi adds and changes TEKNIS and PEMERINTAHAN ones. Every change is
 * audited in the same transaction.
 *
 * <p>A competency is never deleted: standards ({@code competency_standard_item}) and assessments
 * ({@code assessment_score}) name it by foreign key, and their history must stay readable. One that is no longer to be
 * used is <em>retired</em> instead: it drops out of the default list, stays readable by code, and can no longer be
 * changed. Retiring is final (there is no un-retire yet) and retiring a retired one again answers its unchanged state.
 */
@ApplicationScoped
public class CompetencyDictionary {
    public static final String AUDIT_ENTITY = "Competency";

    @Inject
    CompetencyRepository competencies;
    @Inject
    CompetencyMapper mapper;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    Outbox outbox;

    public CompetencyView get(String code) {
        return mapper.toView(require(code));
    }

    public PageResponse<CompetencyView> search(CompetencyGroup group, RetirementFilter retirement, String q, PageRequest paging) {
        CompetencyRepository.Page page = competencies.search(group, retirement, q, paging);
        return new PageResponse<>(page.items().stream().map(mapper::toView).toList(), paging.page(), paging.size(), page.total());
    }

    @Transactional
    public CompetencyView create(CompetencyRequest request) {
        checkLevels(request);
        checkDefinedByInstansi(request.group());
        if (competencies.findByCode(request.code()).isPresent()) {
            throw ApiException.conflict("competency " + request.code() + " exists already");
        }
        Competency c = new Competency();
        c.code = request.code();
        c.createdAt = OffsetDateTime.now();
        mapper.apply(request, c);
        competencies.persistAndFlush(c);
        CompetencyView created = mapper.toView(c);
        audit.record("CREATE", AUDIT_ENTITY, c.code, null, created);
        published(c);
        return created;
    }

    /** @param expectedVersion the If-Match version, or null when the caller sent none */
    @Transactional
    public CompetencyView replace(String code, Long expectedVersion, CompetencyRequest request) {
        if (!code.equals(request.code())) {
            throw ApiException.badRequest("code", "must equal the code in the path (" + code + ")");
        }
        checkLevels(request);
        Competency c = require(code);
        if (expectedVersion != null && expectedVersion != c.version) {
            throw ApiException.preconditionFailed("competency " + code + " is at version " + c.version + ", not " + expectedVersion
                    + "; read it again");
        }
        if (!c.competencyGroup.definedByInstansi()) {
            throw ApiException.unprocessable("group", c.code + " is a " + c.competencyGroup
                    + " competency, fixed by PermenPANRB 38/2017; it cannot be changed");
        }
        checkDefinedByInstansi(request.group());
        if (c.retired()) {
            throw ApiException.conflict("competency " + code + " was retired on " + c.retiredAt.toLocalDate()
                    + "; a retired competency is kept as it was, add a new one instead");
        }
        CompetencyView before = mapper.toView(c);
        mapper.apply(request, c);
        competencies.flush();
        CompetencyView after = mapper.toView(c);
        audit.record("UPDATE", AUDIT_ENTITY, code, before, after);
        published(c);
        return after;
    }

    /**
     * Retires a TEKNIS or PEMERINTAHAN competency (the regulation's are fixed: 422). Retiring one already retired
     * changes nothing and answers its state as it is (a safe retry), with no second audit entry.
     */
    @Transactional
    public CompetencyView retire(String code) {
        Competency c = require(code);
        if (!c.competencyGroup.definedByInstansi()) {
            throw ApiException.unprocessable("group", c.code + " is a " + c.competencyGroup
                    + " competency, fixed by PermenPANRB 38/2017; it cannot be retired");
        }
        if (c.retired()) {
            return mapper.toView(c);
        }
        CompetencyView before = mapper.toView(c);
        // PostgreSQL keeps microseconds: the answer now must equal what a later read shows
        c.retiredAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        c.retiredBy = caller.subject();
        c.updatedAt = c.retiredAt;
        competencies.flush();
        CompetencyView after = mapper.toView(c);
        audit.record("RETIRE", AUDIT_ENTITY, code, before, after);
        published(c);
        return after;
    }

    /** asn.competency.competency-changed.v1 through the outbox, in the transaction of the change. */
    private void published(Competency c) {
        outbox.publish(CompetencyEvents.TOPIC, c.code, CompetencyEvents.COMPETENCY_CHANGED, CompetencyChangedData.of(c));
    }

    Competency require(String code) {
        return competencies.findByCode(code).orElseThrow(() -> ApiException.notFound("competency", code));
    }

    private static void checkDefinedByInstansi(CompetencyGroup group) {
        if (!group.definedByInstansi()) {
            throw ApiException.unprocessable("group", group
                    + " competencies are fixed by PermenPANRB 38/2017; an instansi adds TEKNIS or PEMERINTAHAN ones");
        }
    }

    private static void checkLevels(CompetencyRequest request) {
        Set<Integer> levels = new TreeSet<>();
        for (CompetencyLevelModel l : request.levels()) {
            if (!levels.add(l.level())) {
                throw ApiException.badRequest("levels", "level " + l.level() + " appears more than once; give each level 1 to 5 exactly once");
            }
        }
        if (!levels.equals(Set.of(1, 2, 3, 4, 5))) {
            throw ApiException.badRequest("levels", "must have each level 1 to 5 exactly once");
        }
    }
}
