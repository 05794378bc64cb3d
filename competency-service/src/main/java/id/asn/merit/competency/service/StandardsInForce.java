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

    private record Key(String positionCode, LocalDate on) {
    }

    private record Cached(long at, Optional<InForce> value) {
    }

    /**
     * Answers of {@link #find}, kept for {@link #TTL_MILLIS}: a standard is read by every gap of every person in the
     * position. Dropped at once on this instance whenever a standard, template or position changes
     * ({@link GapSnapshots} calls {@link #evict()} on every such change); another instance sees it within the TTL.
     */
    private final java.util.concurrent.ConcurrentHashMap<Key, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();
    static final long TTL_MILLIS = 1000;

    public void evict() {
        cache.clear();
    }

    /** Empty when the position has no own standard on {@code on} and is not in the replica (its type is unknown). */
    public Optional<InForce> find(String positionCode, LocalDate on) {
        long now = System.currentTimeMillis();
        Key key = new Key(positionCode, on);
        Cached c = cache.get(key);
        if (c != null && now - c.at() < TTL_MILLIS) {
            return c.value();
        }
        if (cache.size() > 10_000) {
            cache.clear();
        }
        Optional<InForce> value = lookup(positionCode, on);
        cache.put(key, new Cached(now, value));
        return value;
    }

    private Optional<InForce> lookup(String positionCode, LocalDate on) {
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
        return fromTemplate(positionCode, type, position.isEmpty() ? null : (String) position.get(0)[1], null);
    }

    /** The template of the position's type; empty when the type is unknown. */
    private Optional<InForce> fromTemplate(String positionCode, String type, String fl, Map<String, CompetencyGroup> dictionary) {
        if (type == null) {
            return Optional.empty();
        }
        PositionType positionType;
        try {
            positionType = PositionType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        StandardTemplates.Versioned t = templates.current(positionType);
        FunctionalLevel functionalLevel = fl == null ? null : FunctionalLevel.valueOf(fl);
        if (positionType == PositionType.FUNGSIONAL && functionalLevel == null) {
            return Optional.of(new InForce(positionCode, t.version(), null, TEMPLATE, type, List.of()));
        }
        return Optional.of(new InForce(positionCode, t.version(), null, TEMPLATE, type,
                t.template().expand(functionalLevel, dictionary == null ? dictionary() : dictionary)));
    }

    /**
     * {@link #find} for many positions at once, in three set-based queries (own versions in force, their items, the
     * replica's types) instead of three per position: what a batch of gap refreshes uses.
     */
    public Map<String, Optional<InForce>> findAll(java.util.Collection<String> positionCodes, LocalDate on) {
        Map<String, Optional<InForce>> out = new java.util.HashMap<>();
        if (positionCodes.isEmpty()) {
            return out;
        }
        String[] codes = positionCodes.stream().distinct().toArray(String[]::new);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with in_force as (
                    select distinct on (s.position_code) s.position_code, s.version, s.effective_from
                    from competency_standard s
                    where s.position_code = any(cast(:p as text[])) and s.effective_from <= :on
                    order by s.position_code, s.effective_from desc, s.version desc)
                select f.position_code, f.version, f.effective_from, i.competency_code, i.required_level, i.importance
                from in_force f join competency_standard_item i on i.position_code = f.position_code and i.version = f.version
                order by f.position_code, i.ordinal""")
                .setParameter("p", codes).setParameter("on", on).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> types = em.createNativeQuery("select code, type, functional_level from position_replica where code = any(cast(:p as text[]))")
                .setParameter("p", codes).getResultList();
        Map<String, Object[]> typeOf = new java.util.HashMap<>();
        types.forEach(t -> typeOf.put((String) t[0], t));
        Map<String, List<StandardItem>> items = new LinkedHashMap<>();
        Map<String, Object[]> head = new java.util.HashMap<>();
        for (Object[] r : rows) {
            head.putIfAbsent((String) r[0], r);
            items.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new StandardItem((String) r[3], ((Number) r[4]).intValue(), Importance.valueOf((String) r[5])));
        }
        Map<String, CompetencyGroup> dictionary = null;
        for (String code : codes) {
            Object[] type = typeOf.get(code);
            String positionType = type == null ? null : (String) type[1];
            if (head.containsKey(code)) {
                Object[] h = head.get(code);
                out.put(code, Optional.of(new InForce(code, ((Number) h[1]).intValue(), toDate(h[2]), OWN, positionType, items.get(code))));
                continue;
            }
            if (dictionary == null) {
                dictionary = dictionary();
            }
            out.put(code, fromTemplate(code, positionType, type == null ? null : (String) type[2], dictionary));
        }
        return out;
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
