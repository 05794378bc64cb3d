package id.asn.merit.merit.promotion;

import id.asn.merit.merit.domain.DisciplineWindow;
import id.asn.merit.merit.domain.MeritProfileCalculator;
import id.asn.merit.merit.domain.PromotionEligibility;
import id.asn.merit.platform.security.PersonAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a ranking decides on from the read model in bulk: one query per kind of fact for every candidate at
 * once (a ranking over thousands of people must not be thousands of queries).
 */
@ApplicationScoped
class PromotionFacts {
    @Inject
    EntityManager em;

    record TargetPosition(String code, String title, String type, String minRank, String requiredLeadershipTraining) {
        PromotionEligibility.Target target() {
            return new PromotionEligibility.Target(code, type, minRank, requiredLeadershipTraining);
        }
    }

    /** A candidate with what the order needs besides the blockers. */
    record Person(String nip, String name, String rank, LocalDate rankSince, Double meritScore, PromotionEligibility.Candidate facts) {
    }

    Optional<TargetPosition> position(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select code, title, type, min_rank, required_leadership_training from position_replica where code = :c""")
                .setParameter("c", code).getResultList();
        return rows.stream().findFirst().map(r -> new TargetPosition((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]));
    }

    /** How many people are in scope (ACTIVE, not holding the target now). */
    long count(PersonAccess.Scope scope, String targetPositionCode) {
        Map<String, Object> params = new LinkedHashMap<>();
        Query q = em.createNativeQuery("select count(*) from employee_replica e where " + candidateWhere(scope, targetPositionCode, params));
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** A candidate as employee_replica has them. */
    record Row(String nip, String name, String employmentType, String rank, LocalDate rankSince) {
    }

    /** Every candidate in scope, by NIP. */
    List<Row> people(PersonAccess.Scope scope, String targetPositionCode) {
        Map<String, Object> params = new LinkedHashMap<>();
        Query q = em.createNativeQuery("select e.nip, e.name, e.employment_type, e.rank, e.rank_since from employee_replica e where "
                + candidateWhere(scope, targetPositionCode, params) + " order by e.nip");
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Row((String) r[0], (String) r[1], (String) r[2], (String) r[3], date(r[4]))).toList();
    }

    /**
     * The candidates with their facts for the ranking of {@code year}: annual SKP of the years the policy looks at,
     * every disciplinary decision, the year's JP, verified leadership trainings and the year's merit score.
     */
    List<Person> withFacts(List<Row> people, int year, int skpYears) {
        if (people.isEmpty()) {
            return List.of();
        }
        String[] nips = people.stream().map(Row::nip).toArray(String[]::new);

        Map<String, List<MeritProfileCalculator.Skp>> skp = new HashMap<>();
        rows("select nip, year, rating from skp_rating where period = 'ANNUAL' and year > :from and year <= :to and nip = any(cast(:n as text[]))",
                nips, Map.of("from", year - skpYears, "to", year))
                .forEach(r -> skp.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                        .add(new MeritProfileCalculator.Skp(((Number) r[1]).intValue(), (String) r[2], null)));

        Map<String, List<DisciplineWindow.Decision>> discipline = new HashMap<>();
        rows("select nip, level, decided_on, event_id from discipline_record where nip = any(cast(:n as text[]))", nips, Map.of())
                .forEach(r -> level((String) r[1]).ifPresent(level -> discipline.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                        .add(new DisciplineWindow.Decision(level, date(r[2]), (String) r[3]))));

        Map<String, BigDecimal[]> jp = new HashMap<>();
        rows("select nip, recognised_jp, required_jp from jp_year where year = :y and nip = any(cast(:n as text[]))", nips, Map.of("y", year))
                .forEach(r -> jp.put((String) r[0], new BigDecimal[]{(BigDecimal) r[1], (BigDecimal) r[2]}));

        Map<String, Set<String>> leadership = new HashMap<>();
        rows("""
                select distinct nip, leadership_level from training_record_replica
                where status = 'VERIFIED' and leadership_level is not null and nip = any(cast(:n as text[]))""", nips, Map.of())
                .forEach(r -> leadership.computeIfAbsent((String) r[0], k -> new HashSet<>()).add((String) r[1]));

        Map<String, Double> merit = new HashMap<>();
        rows("select nip, merit_score from merit_profile where year = :y and merit_score is not null and nip = any(cast(:n as text[]))",
                nips, Map.of("y", year))
                .forEach(r -> merit.put((String) r[0], ((Number) r[1]).doubleValue()));

        List<Person> result = new ArrayList<>(people.size());
        for (Row p : people) {
            String nip = p.nip();
            BigDecimal[] jpYear = jp.get(nip);
            PromotionEligibility.Candidate facts = new PromotionEligibility.Candidate(nip, p.employmentType(), p.rank(),
                    skp.getOrDefault(nip, List.of()), discipline.getOrDefault(nip, List.of()),
                    jpYear == null ? null : jpYear[0], jpYear == null ? null : jpYear[1], leadership.getOrDefault(nip, Set.of()));
            result.add(new Person(nip, p.name(), p.rank(), p.rankSince(), merit.get(nip), facts));
        }
        return result;
    }

    private static String candidateWhere(PersonAccess.Scope scope, String targetPositionCode, Map<String, Object> params) {
        params.put("target", targetPositionCode);
        // the holders of the target are not candidates for it
        return scope.where(params) + " and e.position_code is distinct from :target";
    }

    private List<Object[]> rows(String sql, String[] nips, Map<String, Object> params) {
        Query q = em.createNativeQuery(sql).setParameter("n", nips);
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows;
    }

    private static Optional<DisciplineWindow.Level> level(String level) {
        try {
            return Optional.of(DisciplineWindow.Level.valueOf(level));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
