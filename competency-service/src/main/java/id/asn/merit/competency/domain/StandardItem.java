package id.asn.merit.competency.domain;

import java.util.Objects;

/**
 * One line of a position competency standard (SKJ, SYSTEM.md §3): the competency, the level it requires (1..5,
 * PermenPANRB 38/2017, domain.md §3.1) and how much it matters.
 */
public record StandardItem(String competencyCode, int requiredLevel, Importance importance) {
    public StandardItem {
        Objects.requireNonNull(competencyCode, "competencyCode");
        Objects.requireNonNull(importance, "importance");
        if (requiredLevel < 1 || requiredLevel > 5) {
            throw new IllegalArgumentException(competencyCode + ": requiredLevel must be 1..5, not " + requiredLevel);
        }
    }
}
