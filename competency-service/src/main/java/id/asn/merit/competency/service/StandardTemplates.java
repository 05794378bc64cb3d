package id.asn.merit.competency.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.competency.domain.PositionType;
import id.asn.merit.competency.domain.StandardTemplate;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the versioned default templates ({@code standard_template}, domain.md §3.3): per position type the current
 * version is the highest. Version 1 of each type is written at first start from {@link StandardTemplate#defaults()}.
 * Cached per type; {@link #evict()} after a write, and re-checked against the table at most once a second.
 */
@ApplicationScoped
public class StandardTemplates {
    public record Versioned(int version, StandardTemplate template) {
    }

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    private final Map<PositionType, Versioned> cached = new ConcurrentHashMap<>();
    private volatile long checkedAt;

    @Transactional
    void seed(@Observes StartupEvent ignored) {
        em.createNativeQuery("select pg_advisory_xact_lock(7002)").getSingleResult();
        for (Map.Entry<PositionType, StandardTemplate> e : StandardTemplate.defaults().entrySet()) {
            em.createNativeQuery("""
                    insert into standard_template (position_type, version, body, created_by)
                    select :type, 1, :body, 'system' where not exists (select 1 from standard_template where position_type = :type)""")
                    .setParameter("type", e.getKey().name()).setParameter("body", write(e.getValue())).executeUpdate();
        }
    }

    /** The current template of a type. */
    public Versioned current(PositionType type) {
        long now = System.currentTimeMillis();
        if (now - checkedAt >= 1000) {
            cached.clear();
            checkedAt = now;
        }
        return cached.computeIfAbsent(type, t -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select version, body from standard_template where position_type = :type order by version desc limit 1""")
                    .setParameter("type", t.name()).getResultList();
            if (rows.isEmpty()) {
                return new Versioned(0, StandardTemplate.defaults().get(t));
            }
            return new Versioned(((Number) rows.get(0)[0]).intValue(), read((String) rows.get(0)[1]));
        });
    }

    public void evict() {
        cached.clear();
    }

    public StandardTemplate read(String body) {
        try {
            return json.readValue(body, StandardTemplate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored standard template is not readable", e);
        }
    }

    public String write(StandardTemplate template) {
        try {
            return json.writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
