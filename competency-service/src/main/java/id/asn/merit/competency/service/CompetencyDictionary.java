package id.asn.merit.competency.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.competency.domain.Competency;
import id.asn.merit.competency.domain.CompetencyGroup;
import id.asn.merit.competency.domain.CompetencyLevel;
import id.asn.merit.competency.rest.CompetencyModels.CompetencyRequest;
import id.asn.merit.competency.rest.CompetencyModels.CompetencyView;
import id.asn.merit.competency.rest.CompetencyModels.Level;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@ApplicationScoped
public class CompetencyDictionary {
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;

    @Transactional
    public CompetencyView create(CompetencyRequest r) {
        checkRules(r);
        if (Competency.findById(r.code()) != null) {
            throw ApiException.conflict("competency " + r.code() + " exists already");
        }
        Competency c = new Competency();
        c.code = r.code();
        c.createdAt = OffsetDateTime.now();
        apply(c, r);
        c.persistAndFlush();
        CompetencyView view = view(c);
        audit.record("CREATE", "Competency", c.code, null, view);
        return view;
    }

    @Transactional
    public CompetencyView replace(String code, Long ifMatch, CompetencyRequest r) {
        Competency c = require(code);
        if (!code.equals(r.code())) {
            throw ApiException.badRequest("code", "must equal the code in the path (" + code + ")");
        }
        if (ifMatch != null && ifMatch != c.version) {
            throw ApiException.preconditionFailed("competency " + code + " is at version " + c.version + ", not " + ifMatch);
        }
        if (!c.competencyGroup.definedByInstansi()) {
            throw ApiException.unprocessable("group", c.competencyGroup + " competencies are fixed by PermenPANRB 38/2017");
        }
        checkRules(r);
        CompetencyView before = view(c);
        apply(c, r);
        Competency.getEntityManager().flush();
        CompetencyView after = view(c);
        audit.record("UPDATE", "Competency", code, before, after);
        return after;
    }

    public Competency require(String code) {
        Competency c = Competency.findById(code);
        if (c == null) {
            throw ApiException.notFound("competency", code);
        }
        return c;
    }

    public PageResponse<CompetencyView> search(CompetencyGroup group, String q, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (group != null) {
            where.append(" and competencyGroup = :group");
            params.and("group", group);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(name) like :q or lower(code) like :q)");
            params.and("q", "%" + q.trim().toLowerCase() + "%");
        }
        PanacheQuery<Competency> query = Competency.find(where.toString(), Sort.ascending("code"), params);
        return new PageResponse<>(query.page(paging.page(), paging.size()).list().stream().map(this::view).toList(),
                paging.page(), paging.size(), query.count());
    }

    public CompetencyView view(Competency c) {
        List<Level> levels = new ArrayList<>();
        for (CompetencyLevel l : c.levels) {
            try {
                levels.add(new Level(l.level, l.title, l.description, json.readValue(l.indicatorsJson, new TypeReference<List<String>>() {
                })));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("bad indicators of " + c.code, e);
            }
        }
        return new CompetencyView(c.code, c.competencyGroup, c.name, c.definition, levels, c.version);
    }

    private static void checkRules(CompetencyRequest r) {
        if (!r.group().definedByInstansi()) {
            throw ApiException.unprocessable("group", r.group() + " competencies are fixed by PermenPANRB 38/2017; an instansi adds TEKNIS or PEMERINTAHAN");
        }
        Set<Integer> levels = new TreeSet<>();
        r.levels().forEach(l -> levels.add(l.level()));
        if (!levels.equals(Set.of(1, 2, 3, 4, 5))) {
            throw ApiException.badRequest("levels", "must have each level 1 to 5 exactly once");
        }
    }

    private void apply(Competency c, CompetencyRequest r) {
        c.competencyGroup = r.group();
        c.name = r.name().trim();
        c.definition = r.definition();
        c.updatedAt = OffsetDateTime.now();
        c.levels.clear();
        r.levels().stream().sorted((a, b) -> a.level() - b.level()).forEach(l -> {
            CompetencyLevel level = new CompetencyLevel();
            level.level = l.level();
            level.title = l.title();
            level.description = l.description();
            try {
                level.indicatorsJson = json.writeValueAsString(l.indicators() == null ? List.of() : l.indicators());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            c.levels.add(level);
        });
    }
}
