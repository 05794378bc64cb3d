package id.asn.merit.competency.service;

import id.asn.merit.competency.domain.Competency;
import id.asn.merit.competency.domain.CompetencyGroup;
import id.asn.merit.competency.mapping.CompetencyLevelModel;
import id.asn.merit.competency.mapping.CompetencyMapper;
import id.asn.merit.competency.mapping.CompetencyRequest;
import id.asn.merit.competency.mapping.CompetencyView;
import id.asn.merit.competency.repository.CompetencyRepository;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;

/**
 * The competency dictionary (PermenPANRB 38/2017). MANAJERIAL and SOSIAL_KULTURAL entries are the regulation's
 * (seeded by migration, read-only); the instansi adds and changes TEKNIS and PEMERINTAHAN ones. Every change is
 * audited in the same transaction.
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

    public CompetencyView get(String code) {
        return mapper.toView(require(code));
    }

    public PageResponse<CompetencyView> search(CompetencyGroup group, String q, PageRequest paging) {
        CompetencyRepository.Page page = competencies.search(group, q, paging);
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
        CompetencyView before = mapper.toView(c);
        mapper.apply(request, c);
        competencies.flush();
        CompetencyView after = mapper.toView(c);
        audit.record("UPDATE", AUDIT_ENTITY, code, before, after);
        return after;
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
