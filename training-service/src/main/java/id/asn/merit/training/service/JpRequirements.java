package id.asn.merit.training.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The JP a person must have in a year, per employment type (SYSTEM.md §6.3; domain.md §5.1: 20 for PNS, PPPK's
 * minimum UNCONFIRMED), read from the newest version of {@code jp_requirement_policy}.
 */
@ApplicationScoped
public class JpRequirements {
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    /** One version of the requirement: JP per employment type, and the JP for a type not listed (or unknown). */
    public record Policy(int version, Map<String, BigDecimal> required, BigDecimal defaultJp, String changedBy,
                         OffsetDateTime changedAt, String reason) {
        public BigDecimal requiredFor(String employmentType) {
            BigDecimal jp = employmentType == null ? null : required.get(employmentType);
            return jp == null ? defaultJp : jp;
        }
    }

    public Policy current() {
        Object[] row = (Object[]) em.createNativeQuery("""
                select version, required::text, default_jp, changed_by, changed_at, reason
                from jp_requirement_policy order by version desc limit 1""").getSingleResult();
        return toPolicy(row);
    }

    public Policy toPolicy(Object[] row) {
        try {
            Map<String, BigDecimal> required = json.readValue((String) row[1], new TypeReference<Map<String, BigDecimal>>() {
            });
            OffsetDateTime at = row[4] instanceof OffsetDateTime o ? o
                    : row[4] instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC)
                    : ((java.sql.Timestamp) row[4]).toInstant().atOffset(java.time.ZoneOffset.UTC);
            return new Policy(((Number) row[0]).intValue(), Map.copyOf(required), (BigDecimal) row[2], (String) row[3], at,
                    (String) row[5]);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("jp_requirement_policy.required is not a JSON object of numbers", e);
        }
    }
}
