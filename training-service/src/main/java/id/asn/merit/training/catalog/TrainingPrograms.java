package id.asn.merit.training.catalog;

import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem.FieldError;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.training.domain.LearningMethod;
import id.asn.merit.training.domain.TrainingProgram;
import id.asn.merit.training.domain.TrainingRecordRules;
import id.asn.merit.training.service.RecordCatalog;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The training programme catalogue (SYSTEM.md §3). A programme is never deleted: training records refer to it by
 * foreign key, so DELETE withdraws it ({@code active = false}): it leaves the default list, stays readable by code
 * and records keep their reference. Every change is audited in its transaction.
 */
@ApplicationScoped
public class TrainingPrograms {
    public static final String AUDIT_ENTITY = "TrainingProgram";
    public static final String CODE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$";
    private static final BigDecimal MAX_JP = new BigDecimal("99999.99");

    @Inject
    RecordCatalog catalog;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    public record Filter(String methodCode, String leadershipLevel, String q, boolean includeInactive) {
    }

    @Transactional
    public TrainingProgramView create(TrainingProgramRequest request) {
        validate(request, null);
        if (TrainingProgram.findById(request.code().trim()) != null) {
            throw ApiException.conflict("training programme " + request.code().trim() + " exists already");
        }
        TrainingProgram p = new TrainingProgram();
        p.code = request.code().trim();
        p.createdAt = now();
        apply(request, p);
        p.active = true;
        p.persistAndFlush();
        TrainingProgramView created = TrainingProgramView.of(p);
        audit.record("CREATE", AUDIT_ENTITY, p.code, null, created);
        return created;
    }

    public TrainingProgramView get(String code) {
        return TrainingProgramView.of(require(code));
    }

    public PageResponse<TrainingProgramView> list(Filter filter, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (!filter.includeInactive()) {
            where.append(" and active = true");
        }
        if (filter.methodCode() != null) {
            where.append(" and methodCode = :method");
            params.and("method", filter.methodCode());
        }
        if (filter.leadershipLevel() != null) {
            where.append(" and leadershipLevel = :level");
            params.and("level", filter.leadershipLevel());
        }
        if (filter.q() != null) {
            where.append(" and lower(title) like :q escape '!'");
            params.and("q", "%" + filter.q().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        PanacheQuery<TrainingProgram> query = TrainingProgram.find(where.toString(), Sort.ascending("code"), params);
        List<TrainingProgramView> items = query.page(paging.page(), paging.size()).list().stream().map(TrainingProgramView::of).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), query.count());
    }

    /** @param expectedVersion the If-Match version, or null when none was sent */
    @Transactional
    public TrainingProgramView replace(String code, Long expectedVersion, TrainingProgramRequest request) {
        TrainingProgram p = require(code);
        if (request.code() != null && !request.code().trim().equals(code)) {
            throw ApiException.badRequest("code", "must equal the code in the path (" + code + ")");
        }
        validate(request, code);
        checkVersion(p, expectedVersion);
        TrainingProgramView before = TrainingProgramView.of(p);
        apply(request, p);
        if (request.active() != null) {
            p.active = request.active();
        }
        p.updatedAt = now();
        em.flush();
        TrainingProgramView after = TrainingProgramView.of(p);
        audit.record("UPDATE", AUDIT_ENTITY, code, before, after);
        return after;
    }

    /** Withdraws the programme; withdrawing one already inactive changes nothing (a safe retry). */
    @Transactional
    public void deactivate(String code, Long expectedVersion) {
        TrainingProgram p = require(code);
        checkVersion(p, expectedVersion);
        if (!p.active) {
            return;
        }
        TrainingProgramView before = TrainingProgramView.of(p);
        p.active = false;
        p.updatedAt = now();
        em.flush();
        audit.record("DEACTIVATE", AUDIT_ENTITY, code, before, TrainingProgramView.of(p));
    }

    private static void checkVersion(TrainingProgram p, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != p.version) {
            throw ApiException.preconditionFailed("training programme " + p.code + " is at version " + p.version + ", not "
                    + expectedVersion + "; read it again");
        }
    }

    private TrainingProgram require(String code) {
        TrainingProgram p = code == null ? null : TrainingProgram.findById(code);
        if (p == null) {
            throw ApiException.notFound("training programme", code);
        }
        return p;
    }

    private static void apply(TrainingProgramRequest request, TrainingProgram p) {
        p.title = request.title().trim();
        p.methodCode = request.methodCode().trim();
        p.organizer = request.organizer().trim();
        p.jp = request.jp();
        p.competencyCodes = codes(request).toArray(String[]::new);
        p.leadershipLevel = blankToNull(request.leadershipLevel());
        p.updatedAt = now();
    }

    /** Every broken rule in one 400, each naming its field. */
    void validate(TrainingProgramRequest request, String pathCode) {
        List<FieldError> errors = new ArrayList<>();
        if (pathCode == null) {
            if (request.code() == null || !request.code().trim().matches(CODE_PATTERN)) {
                errors.add(new FieldError("code", "is required: 1-50 letters, digits, '.', '_' or '-', starting with a letter or digit"));
            }
        }
        text(errors, "title", request.title(), 300);
        text(errors, "organizer", request.organizer(), 300);
        String method = blankToNull(request.methodCode());
        LearningMethod m = method == null || method.length() > 10 ? null : LearningMethod.findById(method);
        if (method == null) {
            errors.add(new FieldError("methodCode", "is required: a learning method code, e.g. KL03"));
        } else if (m == null) {
            errors.add(new FieldError("methodCode", "unknown learning method " + method));
        }
        BigDecimal jp = request.jp();
        if (jp == null) {
            errors.add(new FieldError("jp", "is required and must be greater than 0"));
        } else if (jp.signum() <= 0) {
            errors.add(new FieldError("jp", "must be greater than 0"));
        } else if (jp.compareTo(MAX_JP) > 0 || jp.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("jp", "must be at most 99999.99 with at most 2 decimals"));
        }
        if (request.competencyCodes() != null) {
            List<String> given = new ArrayList<>();
            for (int i = 0; i < request.competencyCodes().size(); i++) {
                String c = request.competencyCodes().get(i);
                if (c == null || c.isBlank() || c.length() > 50) {
                    errors.add(new FieldError("competencyCodes[" + i + "]", "must be a competency code"));
                } else {
                    given.add(c.trim());
                }
            }
            Set<String> unknown = new TreeSet<>(catalog.unknownCompetencies(new LinkedHashSet<>(given)));
            if (!unknown.isEmpty()) {
                errors.add(new FieldError("competencyCodes", "unknown or retired competencies: " + String.join(", ", unknown)));
            }
        }
        String level = blankToNull(request.leadershipLevel());
        if (level != null) {
            if (!TrainingRecordRules.LEADERSHIP_LEVELS.contains(level)) {
                errors.add(new FieldError("leadershipLevel", "must be PKP, PKA, PKN_II or PKN_I"));
            } else if (m != null && !m.countsAsLeadership) {
                errors.add(new FieldError("leadershipLevel", "only a leadership-training method (countsAsLeadership, e.g. KL01) carries a leadership level; "
                        + method + " does not"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static List<String> codes(TrainingProgramRequest request) {
        return request.competencyCodes() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(request.competencyCodes().stream().map(String::trim).toList()));
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.trim().length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }
}
