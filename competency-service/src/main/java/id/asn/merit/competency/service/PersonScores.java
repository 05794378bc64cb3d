package id.asn.merit.competency.service;

import id.asn.merit.competency.domain.JobPersonMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores a match is computed from: every score of every assessment of the people asked that no correction has
 * superseded, in recording order (so that of two scores of one competency on one date the later recorded wins,
 * as {@link JobPersonMatch} expects). Which of them count on a date (validity window) is the pure function's call.
 */
@ApplicationScoped
public class PersonScores {
    @Inject
    EntityManager em;

    public List<JobPersonMatch.Score> of(String nip) {
        return of(List.of(nip)).getOrDefault(nip, List.of());
    }

    public Map<String, List<JobPersonMatch.Score>> of(Collection<String> nips) {
        Map<String, List<JobPersonMatch.Score>> byNip = new HashMap<>();
        if (nips.isEmpty()) {
            return byNip;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select a.nip, s.competency_code, s.level, a.assessed_on, cast(a.id as text)
                from assessment a join assessment_score s on s.assessment_id = a.id
                where a.nip = any(cast(:nips as text[])) and a.superseded_by is null
                order by a.nip, a.recorded_at, a.id""")
                .setParameter("nips", nips.toArray(String[]::new)).getResultList();
        for (Object[] r : rows) {
            byNip.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new JobPersonMatch.Score((String) r[1], (BigDecimal) r[2], toDate(r[3]), (String) r[4]));
        }
        return byNip;
    }

    static LocalDate toDate(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
