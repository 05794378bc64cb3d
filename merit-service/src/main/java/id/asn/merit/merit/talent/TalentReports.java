package id.asn.merit.merit.talent;

import id.asn.merit.merit.domain.AgeBand;
import id.asn.merit.merit.domain.Axis;
import id.asn.merit.merit.domain.DisciplineWindow;
import id.asn.merit.merit.domain.FairnessReport;
import id.asn.merit.merit.domain.MeritPolicy;
import id.asn.merit.merit.domain.MeritPolicyRules;
import id.asn.merit.merit.domain.NineBoxPlacement;
import id.asn.merit.merit.mapping.MeritPolicyMapper;
import id.asn.merit.merit.repository.MeritPolicyRepository;
import id.asn.merit.merit.service.MeritClock;
import id.asn.merit.merit.talent.TalentViews.Box;
import id.asn.merit.merit.talent.TalentViews.BoxMember;
import id.asn.merit.merit.talent.TalentViews.Cutoffs;
import id.asn.merit.merit.talent.TalentViews.Excluded;
import id.asn.merit.merit.talent.TalentViews.FairnessReportView;
import id.asn.merit.merit.talent.TalentViews.Group;
import id.asn.merit.merit.talent.TalentViews.NineBox;
import id.asn.merit.merit.talent.TalentViews.Pool;
import id.asn.merit.merit.talent.TalentViews.PoolMember;
import id.asn.merit.merit.talent.TalentViews.TalentPool;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.security.PersonAccess.Scope;
import id.asn.merit.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The 9-box, the talent pool and fairness reports, read from the stored merit profiles (one per NIP and year) of the
 * ACTIVE people of a scope. Box and eligibility are the profile's own (computed under the policy version it names);
 * the cut-offs and pool boxes shown are the current policy's.
 */
@ApplicationScoped
public class TalentReports {
    public static final String TALENT_POOL = "TALENT_POOL";
    public static final String PROMOTION_ELIGIBLE = "PROMOTION_ELIGIBLE";

    @Inject
    EntityManager em;
    @Inject
    MeritPolicyRepository policies;
    @Inject
    MeritPolicyMapper mapper;
    @Inject
    MeritClock clock;

    /** @param withMembers false for callers who get counts only (INTEGRATOR) */
    public NineBox nineBox(int year, Scope scope, PageRequest paging, boolean withMembers) {
        CurrentPolicy policy = currentPolicy();
        MeritPolicyRules rules = policy.rules();
        Map<String, Object> params = new HashMap<>();
        String from = scoped(year, scope, params);

        Map<Integer, Long> counts = new HashMap<>();
        long total = 0;
        long unplaced = 0;
        Versions versions = new Versions();
        Query countQuery = em.createNativeQuery("select p.box, count(*), max(p.policy_version), min(p.policy_version) " + from
                + " group by p.box");
        params.forEach(countQuery::setParameter);
        for (Object row : countQuery.getResultList()) {
            Object[] r = (Object[]) row;
            long n = ((Number) r[1]).longValue();
            total += n;
            versions.add((Number) r[2], (Number) r[3]);
            if (r[0] == null) {
                unplaced += n;
            } else {
                counts.put(((Number) r[0]).intValue(), n);
            }
        }

        Map<Integer, List<BoxMember>> members = new HashMap<>();
        if (withMembers && total > unplaced) {
            // one windowed query: the page of every box at once, ranked inside its box
            Query memberQuery = em.createNativeQuery("select box, nip, name, org_unit_code, position_code, merit_score from ("
                    + "select p.box, e.nip, e.name, e.org_unit_code, e.position_code, p.merit_score, "
                    + "row_number() over (partition by p.box order by p.merit_score desc nulls last, p.nip collate \"C\") as rn "
                    + from + " and p.box is not null) ranked where rn > :offset and rn <= :upto order by box, rn");
            params.forEach(memberQuery::setParameter);
            memberQuery.setParameter("offset", paging.offset());
            memberQuery.setParameter("upto", paging.offset() + paging.size());
            for (Object row : memberQuery.getResultList()) {
                Object[] r = (Object[]) row;
                members.computeIfAbsent(((Number) r[0]).intValue(), b -> new ArrayList<>())
                        .add(new BoxMember((String) r[1], (String) r[2], (String) r[3], (String) r[4], score(r[5])));
            }
        }

        List<Box> boxes = new ArrayList<>();
        for (int box = 1; box <= 9; box++) {
            Axis[] axes = axesOf(box);
            boxes.add(new Box(box, axes[0].name(), axes[1].name(), counts.getOrDefault(box, 0L),
                    withMembers ? members.getOrDefault(box, List.of()) : null));
        }
        return new NineBox(year, scope.orgUnitCode(), scope.subtree(), versions.newest(policy.version()), versions.mixed(),
                new Cutoffs(rules.axisCutoffs().high(), rules.axisCutoffs().medium()), total, unplaced, boxes, paging.page(),
                paging.size());
    }

    public TalentPool talentPool(int year, Scope scope, PageRequest paging, boolean withMembers) {
        CurrentPolicy policy = currentPolicy();
        MeritPolicyRules rules = policy.rules();
        int lookback = rules.disciplineLookbackYears();
        List<Integer> instansiBoxes = rules.talentPoolBoxes();
        List<Integer> nationalBoxes = rules.nationalPoolBoxes();
        Set<Integer> anyPoolBox = new LinkedHashSet<>(instansiBoxes);
        anyPoolBox.addAll(nationalBoxes);

        Versions versions = new Versions();
        Pool instansi = pool(year, scope, instansiBoxes, paging, withMembers, lookback, versions);
        Pool national = pool(year, scope, nationalBoxes, paging, withMembers, lookback, versions);

        Map<String, Object> params = new HashMap<>();
        String from = scoped(year, scope, params) + " and p.box in (:boxes) and not p.eligible_for_talent_pool";
        params.put("boxes", List.copyOf(anyPoolBox));
        Long excludedCount = null;
        List<Excluded> excluded = null;
        if (withMembers) {
            excludedCount = count(from, params);
            excluded = new ArrayList<>();
            List<Object[]> rows = page("select e.nip, e.name, p.box " + from + " order by p.box desc, p.merit_score desc nulls last, e.nip collate \"C\"",
                    params, paging);
            LocalDate asOf = clock.asOf(year);
            Map<String, List<DisciplineWindow.Decision>> discipline = discipline(rows.stream().map(r -> (String) r[0]).toList());
            for (Object[] r : rows) {
                String nip = (String) r[0];
                int box = ((Number) r[2]).intValue();
                excluded.add(new Excluded(nip, (String) r[1], box, exclusionReason(box,
                        DisciplineWindow.excluding(discipline.getOrDefault(nip, List.of()), asOf, lookback), lookback)));
            }
        }
        return new TalentPool(year, scope.orgUnitCode(), scope.subtree(), versions.newest(policy.version()), versions.mixed(), instansi, national,
                excludedCount, excluded, paging.page(), paging.size());
    }

    private Pool pool(int year, Scope scope, List<Integer> boxes, PageRequest paging, boolean withMembers, int lookback, Versions versions) {
        if (boxes.isEmpty()) {
            return new Pool(List.of(), 0, withMembers ? List.of() : null);
        }
        Map<String, Object> params = new HashMap<>();
        String from = scoped(year, scope, params) + " and p.box in (:boxes) and p.eligible_for_talent_pool";
        params.put("boxes", boxes);
        Query countQuery = em.createNativeQuery("select count(*), max(p.policy_version), min(p.policy_version) " + from);
        params.forEach(countQuery::setParameter);
        Object[] c = (Object[]) countQuery.getSingleResult();
        long count = ((Number) c[0]).longValue();
        versions.add((Number) c[1], (Number) c[2]);
        List<PoolMember> members = null;
        if (withMembers) {
            members = new ArrayList<>();
            for (Object[] r : page("select e.nip, e.name, e.org_unit_code, e.position_code, p.box, p.merit_score " + from
                    + " order by p.merit_score desc nulls last, e.nip collate \"C\"", params, paging)) {
                int box = ((Number) r[4]).intValue();
                BigDecimal score = score(r[5]);
                members.add(new PoolMember((String) r[0], (String) r[1], (String) r[2], (String) r[3], box, score,
                        memberReason(box, score, lookback)));
            }
        }
        return new Pool(List.copyOf(boxes), count, members);
    }

    public FairnessReportView fairness(int year, Scope scope, String outcome, String rankingId) {
        CurrentPolicy policy = currentPolicy();
        MeritPolicyRules.FairnessRules rules = policy.rules().fairness();
        Population population = TALENT_POOL.equals(outcome) ? talentPoolPopulation(year, scope, policy.version())
                : promotionPopulation(year, scope, rankingId);
        List<Group> groups = FairnessReport.report(population.subjects(), rules).stream()
                .map(g -> new Group(g.dimension(), g.group(), g.size(), g.selected(), g.selectionRate(), g.impactRatio(), g.flagged(), g.note()))
                .toList();
        int selected = (int) population.subjects().stream().filter(FairnessReport.Subject::selected).count();
        return new FairnessReportView(population.year(), scope.orgUnitCode(), scope.subtree(), outcome, population.rankingId(),
                population.policyVersion(), population.mixedPolicyVersions(), rules.impactRatioThreshold(), rules.minGroupSize(),
                population.asOf(), population.subjects().size(), selected, groups);
    }

    /** Who an outcome was decided over, as counts-only subjects, and what decided it. */
    private record Population(int year, LocalDate asOf, String rankingId, int policyVersion, boolean mixedPolicyVersions,
            List<FairnessReport.Subject> subjects) {
    }

    /** The ACTIVE people in scope with a profile of the year; selected = eligible for the talent pool. */
    private Population talentPoolPopulation(int year, Scope scope, int currentVersion) {
        LocalDate asOf = clock.asOf(year);
        Map<String, Object> params = new HashMap<>();
        Query q = em.createNativeQuery("select e.gender, e.birth_date, p.eligible_for_talent_pool, p.policy_version "
                + scoped(year, scope, params));
        params.forEach(q::setParameter);
        List<FairnessReport.Subject> subjects = new ArrayList<>();
        Versions versions = new Versions();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            subjects.add(new FairnessReport.Subject(text(r[0]), AgeBand.of(date(r[1]), asOf), Boolean.TRUE.equals(r[2])));
            versions.add((Number) r[3], (Number) r[3]);
        }
        return new Population(year, asOf, null, versions.newest(currentVersion), versions.mixed(), subjects);
    }

    /**
     * The candidates of a ranking as it was decided (those now in the scope when a unit is named); selected = eligible.
     * Their groups come from the replica: a candidate it no longer knows is in the UNKNOWN groups.
     */
    private Population promotionPopulation(int year, Scope scope, String rankingId) {
        Object[] ranking = ranking(year, rankingId);
        String id = ranking[0].toString();
        int rankingYear = ((Number) ranking[1]).intValue();
        LocalDate asOf = clock.asOf(rankingYear);
        Map<String, Object> params = new HashMap<>();
        params.put("id", UUID.fromString(id));
        String inScope = "";
        if (scope.path() != null) {
            params.put("path", scope.path());
            if (scope.subtree()) {
                params.put("prefix", scope.path() + "/%");
                inScope = " and (e.org_unit_path = :path or e.org_unit_path like :prefix)";
            } else {
                inScope = " and e.org_unit_path = :path";
            }
        }
        Query q = em.createNativeQuery("select e.gender, e.birth_date, coalesce((c ->> 'eligible')::boolean, false) "
                + "from promotion_ranking r cross join lateral jsonb_array_elements(coalesce(r.body -> 'candidates', '[]'::jsonb)) c "
                + "left join employee_replica e on e.nip = c ->> 'nip' where r.id = :id" + inScope);
        params.forEach(q::setParameter);
        List<FairnessReport.Subject> subjects = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            subjects.add(new FairnessReport.Subject(text(r[0]), AgeBand.of(date(r[1]), asOf), Boolean.TRUE.equals(r[2])));
        }
        return new Population(rankingYear, asOf, id, ((Number) ranking[2]).intValue(), false, subjects);
    }

    /** "Name (CODE)" of a unit for titles, the code alone when the replica has no name, null for everyone. */
    public String unitLabel(String code) {
        if (code == null) {
            return null;
        }
        List<?> names = em.createNativeQuery("select name from org_unit_replica where code = :c and name is not null")
                .setParameter("c", code).getResultList();
        return names.isEmpty() ? code : names.get(0) + " (" + code + ")";
    }

    /** id, year, policy_version of the ranking asked for, or of the newest ranking of the year. */
    private Object[] ranking(int year, String rankingId) {
        Query q;
        if (rankingId != null) {
            UUID id;
            try {
                id = UUID.fromString(rankingId.trim());
            } catch (IllegalArgumentException e) {
                throw ApiException.notFound("promotion ranking", rankingId);
            }
            q = em.createNativeQuery("select id, year, policy_version from promotion_ranking where id = :id").setParameter("id", id);
        } else {
            q = em.createNativeQuery("select id, year, policy_version from promotion_ranking where year = :year "
                    + "order by computed_at desc, id limit 1").setParameter("year", year);
        }
        List<?> rows = q.getResultList();
        if (rows.isEmpty()) {
            throw rankingId != null ? ApiException.notFound("promotion ranking", rankingId)
                    : new ApiException(404, "urn:asn:problem:not-found", "Not found",
                    "no promotion ranking of " + year + " exists yet: create one (POST /api/v1/promotion-rankings) or name one with rankingId", null);
        }
        return (Object[]) rows.get(0);
    }

    static String memberReason(int box, BigDecimal meritScore, int lookbackYears) {
        return boxWords(box) + ", merit score " + (meritScore == null ? "unknown" : meritScore.toPlainString())
                + ", no moderate or severe discipline in " + years(lookbackYears);
    }

    static String exclusionReason(int box, java.util.Optional<DisciplineWindow.Decision> decision, int lookbackYears) {
        return "in " + boxWords(box) + " but not eligible: " + decision
                .map(d -> d.level() + " discipline decided on " + d.decidedOn() + ", within the " + lookbackYears + "-year look-back")
                .orElse("the merit profile does not qualify for the talent pool (see its reasons)");
    }

    static String boxWords(int box) {
        Axis[] axes = axesOf(box);
        return "box " + box + " (performance " + axes[0] + " × potential " + axes[1] + ")";
    }

    private static String years(int n) {
        return n == 1 ? "1 year" : n + " years";
    }

    /** The performance and potential axes of a box (the inverse of {@link NineBoxPlacement#box}). */
    static Axis[] axesOf(int box) {
        for (Axis performance : Axis.values()) {
            for (Axis potential : Axis.values()) {
                if (NineBoxPlacement.box(performance, potential) == box) {
                    return new Axis[] {performance, potential};
                }
            }
        }
        throw new IllegalArgumentException("no box " + box);
    }

    /** The from/where of "the profiles of the year of the ACTIVE people in scope" (aliases e, p). */
    private static String scoped(int year, Scope scope, Map<String, Object> params) {
        params.put("year", year);
        return "from employee_replica e join merit_profile p on p.nip = e.nip and p.year = :year where " + scope.where(params);
    }

    private long count(String from, Map<String, Object> params) {
        Query q = em.createNativeQuery("select count(*) " + from);
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> page(String sql, Map<String, Object> params, PageRequest paging) {
        Query q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        q.setFirstResult(paging.offset());
        q.setMaxResults(paging.size());
        return q.getResultList();
    }

    private Map<String, List<DisciplineWindow.Decision>> discipline(List<String> nips) {
        Map<String, List<DisciplineWindow.Decision>> byNip = new HashMap<>();
        if (nips.isEmpty()) {
            return byNip;
        }
        Query q = em.createNativeQuery("select nip, level, decided_on, event_id from discipline_record where nip in (:nips)")
                .setParameter("nips", nips);
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            DisciplineWindow.Level level;
            try {
                level = DisciplineWindow.Level.valueOf((String) r[1]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            byNip.computeIfAbsent((String) r[0], n -> new ArrayList<>()).add(new DisciplineWindow.Decision(level, date(r[2]), (String) r[3]));
        }
        return byNip;
    }

    private record CurrentPolicy(int version, MeritPolicyRules rules) {
    }

    private CurrentPolicy currentPolicy() {
        MeritPolicy p = policies.newest().orElseThrow(() -> new IllegalStateException("no merit policy: the seed migration did not run"));
        return new CurrentPolicy(p.version, mapper.rules(p));
    }

    private static BigDecimal score(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = ((BigDecimal) value).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped; // 100, never 1E+2
    }

    /** varchar(1) columns (gender) come back from native queries as a Character. */
    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /** The policy versions the profiles read were computed with: the newest is reported, more than one is flagged. */
    private static final class Versions {
        private Integer max;
        private Integer min;

        void add(Number newest, Number oldest) {
            if (newest == null) {
                return;
            }
            max = max == null ? newest.intValue() : Math.max(max, newest.intValue());
            min = min == null ? oldest.intValue() : Math.min(min, oldest.intValue());
        }

        /** With no profile at all, the current policy's version (the one that would place them). */
        int newest(int currentVersion) {
            return max == null ? currentVersion : max;
        }

        boolean mixed() {
            return max != null && !max.equals(min);
        }
    }
}
