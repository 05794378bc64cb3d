package id.asn.merit.competency.domain;

/**
 * How much a required competency matters for a position (SYSTEM.md §3). Declared in priority order: development
 * needs are listed MUTLAK first, then PENTING, then PERLU.
 */
public enum Importance {
    MUTLAK, PENTING, PERLU
}
