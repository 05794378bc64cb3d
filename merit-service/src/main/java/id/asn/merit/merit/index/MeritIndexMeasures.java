package id.asn.merit.merit.index;

import id.asn.merit.merit.domain.MeritPolicyRules;
import id.asn.merit.merit.domain.PromotionEligibility;
import id.asn.merit.platform.security.PersonAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The four merit index indicators the suite measures itself, from its read model, over an instansi's subtree (the
 * people by employee_replica.org_unit_path, the positions by their unit's org_unit_replica.path). People and positions
 * count as they are now (ACTIVE in the replica); JP is that of the year before the assessment's year, assessments
 * those within 3 years before the day measured.
 */
@ApplicationScoped
public class MeritIndexMeasures {
    public static final String JP_20_LAST_YEAR = "JP_20_LAST_YEAR";
    public static final String POSITIONS_WITH_OWN_STANDARD = "POSITIONS_WITH_OWN_STANDARD";
    public static final String ASSESSED_LAST_3_YEARS = "ASSESSED_LAST_3_YEARS";
    public static final String MANAGERIAL_WITH_LEADERSHIP_TRAINING = "MANAGERIAL_WITH_LEADERSHIP_TRAINING";
    public static final List<String> MEASURES = List.of(JP_20_LAST_YEAR, POSITIONS_WITH_OWN_STANDARD, ASSESSED_LAST_3_YEARS,
            MANAGERIAL_WITH_LEADERSHIP_TRAINING);
    static final int ASSESSMENT_WINDOW_YEARS = 3;

    @Inject
    EntityManager em;

    /** What was counted, and the sentence that says so. */
    public record Measurement(long numerator, long denominator, String evidence) {
    }

    /**
     * @param path the instansi's unit path; its subtree is measured
     * @param year the assessment's year
     * @param asOf the day measured
     */
    public Measurement measure(String measure, String unitCode, String path, int year, LocalDate asOf, MeritPolicyRules rules) {
        return switch (measure) {
            case JP_20_LAST_YEAR -> jpLastYear(unitCode, path, year - 1, rules);
            case POSITIONS_WITH_OWN_STANDARD -> positionsWithOwnStandard(unitCode, path);
            case ASSESSED_LAST_3_YEARS -> assessedRecently(unitCode, path, asOf);
            case MANAGERIAL_WITH_LEADERSHIP_TRAINING -> managerialWithLeadershipTraining(unitCode, path);
            default -> throw new IllegalArgumentException("unknown merit index measure " + measure);
        };
    }

    private Measurement jpLastYear(String unitCode, String path, int jpYear, MeritPolicyRules rules) {
        Map<String, Object> params = new HashMap<>();
        String scope = employees(path, params);
        Map<String, BigDecimal> required = rules.requiredJpPerYear();
        params.put("year", jpYear);
        params.put("pns", required.getOrDefault("PNS", BigDecimal.valueOf(20)));
        params.put("cpns", required.getOrDefault("CPNS", BigDecimal.valueOf(20)));
        params.put("pppk", required.getOrDefault("PPPK", BigDecimal.valueOf(20)));
        // a person without a jp_year row has 0 JP against the policy's requirement for their employment type
        long[] counts = counts("""
                select count(*), count(*) filter (where coalesce(j.recognised_jp, 0) >= coalesce(j.required_jp,
                       case e.employment_type when 'PPPK' then :pppk when 'CPNS' then :cpns else :pns end))
                from employee_replica e left join jp_year j on j.nip = e.nip and j.year = :year
                where """ + " " + scope, params);
        Set<BigDecimal> levels = new HashSet<>();
        required.values().forEach(v -> levels.add(v.stripTrailingZeros()));
        String threshold = levels.size() == 1 ? "≥ " + levels.iterator().next().toPlainString() + " JP" : "their required JP";
        if (counts[1] == 0) {
            return new Measurement(0, 0, "no active employees in " + unitCode + " to measure JP of " + jpYear + " for");
        }
        return new Measurement(counts[0], counts[1], counts[0] + " of " + counts[1] + " active employees (" + share(counts)
                + " %) had " + threshold + " recognised in " + jpYear);
    }

    private Measurement positionsWithOwnStandard(String unitCode, String path) {
        Map<String, Object> params = new HashMap<>();
        long[] counts = counts("""
                select count(*), count(s.position_code)
                from position_replica p left join org_unit_replica u on u.code = p.org_unit_code
                left join position_standard s on s.position_code = p.code
                where """ + " " + positions(path, params), params);
        if (counts[1] == 0) {
            return new Measurement(0, 0, "no active positions in " + unitCode + " to measure");
        }
        return new Measurement(counts[0], counts[1], counts[0] + " of " + counts[1] + " active positions (" + share(counts)
                + " %) have a competency standard of their own");
    }

    private Measurement assessedRecently(String unitCode, String path, LocalDate asOf) {
        Map<String, Object> params = new HashMap<>();
        String scope = employees(path, params);
        LocalDate from = asOf.minusYears(ASSESSMENT_WINDOW_YEARS);
        params.put("from", from);
        params.put("to", asOf);
        long[] counts = counts("""
                select count(*), count(*) filter (where exists (
                       select 1 from assessment_replica a where a.nip = e.nip and a.assessed_on between :from and :to))
                from employee_replica e where """ + " " + scope, params);
        if (counts[1] == 0) {
            return new Measurement(0, 0, "no active employees in " + unitCode + " to measure");
        }
        return new Measurement(counts[0], counts[1], counts[0] + " of " + counts[1] + " active employees (" + share(counts)
                + " %) had a competency assessment between " + from + " and " + asOf);
    }

    /**
     * A managerial post counts when it has an active holder (as training-service's leadership compliance counts): held
     * when one of its holders has a VERIFIED record of the required training (the position's own, else the one of its
     * type) or a higher one.
     */
    private Measurement managerialWithLeadershipTraining(String unitCode, String path) {
        Map<String, Object> params = new HashMap<>();
        params.put("types", List.copyOf(PromotionEligibility.LEADERSHIP_BY_TYPE.keySet()));
        Query q = em.createNativeQuery("""
                select p.code, p.type, p.required_leadership_training, e.nip, r.leadership_level
                from position_replica p left join org_unit_replica u on u.code = p.org_unit_code
                left join employee_replica e on e.position_code = p.code and e.status = 'ACTIVE'
                left join training_record_replica r on r.nip = e.nip and r.status = 'VERIFIED' and r.leadership_level is not null
                where p.type in (:types) and """ + " " + positions(path, params) + " order by p.code, e.nip");
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        Map<String, String> required = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> holders = new HashMap<>();
        for (Object[] r : rows) {
            String post = (String) r[0];
            required.putIfAbsent(post, new PromotionEligibility.Target(post, (String) r[1], null, (String) r[2]).leadershipTraining());
            if (r[3] != null) {
                Set<String> held = holders.computeIfAbsent(post, k -> new HashMap<>()).computeIfAbsent((String) r[3], k -> new HashSet<>());
                if (r[4] != null) {
                    held.add((String) r[4]);
                }
            }
        }
        long filled = 0;
        long held = 0;
        for (Map.Entry<String, String> post : required.entrySet()) {
            Map<String, Set<String>> people = holders.get(post.getKey());
            if (people == null) {
                continue;
            }
            filled++;
            if (people.values().stream().anyMatch(levels -> PromotionEligibility.holds(levels, post.getValue()))) {
                held++;
            }
        }
        long vacant = required.size() - filled;
        String vacancies = vacant == 0 ? "" : " (" + vacant + " vacant not counted)";
        if (filled == 0) {
            return new Measurement(0, 0, "no filled managerial posts in " + unitCode + " to measure" + vacancies);
        }
        long[] counts = {held, filled};
        return new Measurement(held, filled, held + " of " + filled + " filled managerial posts (" + share(counts)
                + " %) are held by someone with the required leadership training" + vacancies);
    }

    private static String employees(String path, Map<String, Object> params) {
        return new PersonAccess.Scope(null, path, true).where(params);
    }

    /** Active positions whose unit lies in the subtree (by the unit's path, or the unit code when its path is unknown). */
    private static String positions(String path, Map<String, Object> params) {
        params.put("path", path);
        params.put("prefix", path + "/%");
        return "coalesce(p.status, 'ACTIVE') = 'ACTIVE' and (coalesce(u.path, p.org_unit_code) = :path or coalesce(u.path, p.org_unit_code) like :prefix)";
    }

    /** {numerator, denominator} of a query selecting (denominator, numerator). */
    private long[] counts(String sql, Map<String, Object> params) {
        Query q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        Object[] r = (Object[]) q.getSingleResult();
        return new long[] {((Number) r[1]).longValue(), ((Number) r[0]).longValue()};
    }

    private static String share(long[] counts) {
        return MeritIndexShareScore.share(counts[0], counts[1]).toPlainString();
    }
}
