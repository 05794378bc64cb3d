package id.asn.merit.competency.service;

import id.asn.merit.competency.domain.CompetencyGroup;
import id.asn.merit.competency.domain.FunctionalLevel;
import id.asn.merit.competency.domain.Importance;
import id.asn.merit.competency.domain.PositionType;
import id.asn.merit.competency.domain.StandardItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one function that says which standard a position has on a date (ENGINEERING.md: "current" is the entry in
 * force on the date asked, never the last row written): the position's own version with the latest
 * {@code effectiveFrom ≤ on} (ties: the higher version), or else the default template of its type (and functional
 * level) from the position replica, expanded over the non-retired MANAJERIAL and SOSIAL_KULTURAL competencies.
 */
@ApplicationScoped
public class StandardsInForce {
    public static final String OWN = "OWN";
    public static final String TEMPLATE = "TEMPLATE";

    /**
     * @param version       the own standard's version, or the template's version when {@code source} is TEMPLATE
     * @param effectiveFrom the own standard's date; null for a template
     */
    public record InForce(String positionCode, int version, LocalDate effectiveFrom, String source, String positionType,
                          List<StandardItem> items) {
    }

    @Inject
    EntityManager em;
    @Inject
    StandardTemplates templates;

    /** Empty when the position has no own standard on {@code on} and is not in the replica (its type is unknown). */
    public Optional<InForce> find(String positionCode, LocalDate on) {
        @SuppressWarnings("unchecked")
        List<Object[]> own = em.createNativeQuery("""
                select s.version, s.effective_from from competency_standard s
                where s.position_code = :p and s.effective_from <= :on
                order by s.effective_from desc, s.version desc limit 1""")
                .setParameter("p", positionCode).setParameter("on", on).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> position = em.createNativeQuery("select type, functional_level from position_replica where code = :p")
                .setParameter("p", positionCode).getResultList();
        String type = position.isEmpty() ? null : (String) position.get(0)[0];
        if (!own.isEmpty()) {
            int version = ((Number) own.get(0)[0]).intValue();
            return Optional.of(new InForce(positionCode, version, toDate(own.get(0)[1]), OWN, type, items(positionCode, version)));
        }
        if (type == null) {
            return Optional.empty();
        }
        PositionType positionType;
        try {
            positionType = PositionType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String fl = (String) position.get(0)[1];
        StandardTemplates.Versioned t = templates.current(positionType);
        FunctionalLevel functionalLevel = fl == null ? null : FunctionalLevel.valueOf(fl);
        if (positionType == PositionType.FUNGSIONAL && functionalLevel == null) {
            return Optional.of(new InForce(positionCode, t.version(), null, TEMPLATE, type, List.of()));
        }
        return Optional.of(new InForce(positionCode, t.version(), null, TEMPLATE, type,
                t.template().expand(functionalLevel, dictionary())));
    }

    /** Every version of the position's own standard's items. */
    public List<StandardItem> items(String positionCode, int version) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select competency_code, required_level, importance from competency_standard_item
                where position_code = :p and version = :v order by ordinal""")
                .setParameter("p", positionCode).setParameter("v", version).getResultList();
        List<StandardItem> items = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            items.add(new StandardItem((String) r[0], ((Number) r[1]).intValue(), Importance.valueOf((String) r[2])));
        }
        return items;
    }

    /** Non-retired competencies the templates expand over: code → group. */
    public Map<String, CompetencyGroup> dictionary() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select code, grp from competency where retired_at is null and grp in ('MANAJERIAL', 'SOSIAL_KULTURAL')""")
                .getResultList();
        Map<String, CompetencyGroup> d = new LinkedHashMap<>();
        for (Object[] r : rows) {
            d.put((String) r[0], CompetencyGroup.valueOf((String) r[1]));
        }
        return d;
    }

    private static LocalDate toDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
