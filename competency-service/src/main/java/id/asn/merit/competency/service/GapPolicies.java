package id.asn.merit.competency.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.competency.domain.GapPolicy;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Reads the versioned gap policy ({@code gap_policy}): the current version is the highest. Version 1 is written at
 * first start from {@link GapPolicy#defaults()}. The current version is cached and the cache is dropped whenever a
 * version is written through {@link #evict()} (the policy writer calls it after commit); the cache is checked
 * against the table's highest version at most once a second, so a second replica of the service sees a new version
 * within a second.
 */
@ApplicationScoped
public class GapPolicies {
    /** A policy and the version it was stored under. */
    public record Versioned(int version, GapPolicy policy) {
    }

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    private volatile Versioned cached;
    private volatile long checkedAt;

    @Transactional
    void seed(@Observes StartupEvent ignored) {
        em.createNativeQuery("select pg_advisory_xact_lock(7001)").getSingleResult();
        Number count = (Number) em.createNativeQuery("select count(*) from gap_policy").getSingleResult();
        if (count.longValue() == 0) {
            em.createNativeQuery("insert into gap_policy (version, body, created_by) values (1, :body, 'system')")
                    .setParameter("body", write(GapPolicy.defaults())).executeUpdate();
        }
    }

    /** The policy in force now. */
    public Versioned current() {
        Versioned c = cached;
        long now = System.currentTimeMillis();
        if (c != null && now - checkedAt < 1000) {
            return c;
        }
        Number latest = (Number) em.createNativeQuery("select max(version) from gap_policy").getSingleResult();
        if (c == null || latest == null || latest.intValue() != c.version()) {
            c = latest == null ? new Versioned(0, GapPolicy.defaults()) : version(latest.intValue());
            cached = c;
        }
        checkedAt = now;
        return c;
    }

    /** One stored version; null when there is none. */
    public Versioned version(int version) {
        @SuppressWarnings("unchecked")
        List<String> body = em.createNativeQuery("select body from gap_policy where version = :v")
                .setParameter("v", version).getResultList();
        return body.isEmpty() ? null : new Versioned(version, read(body.get(0)));
    }

    public void evict() {
        cached = null;
    }

    public GapPolicy read(String body) {
        try {
            return json.readValue(body, GapPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored gap policy is not readable", e);
        }
    }

    public String write(GapPolicy policy) {
        try {
            return json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
