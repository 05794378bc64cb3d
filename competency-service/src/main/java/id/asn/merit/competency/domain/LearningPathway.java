package id.asn.merit.competency.domain;

/**
 * Jalur pengembangan kompetensi (Perlan 10/2018, domain.md §5.3): in a class (KLASIKAL) or on the job, by
 * coaching, e-learning and the like (NONKLASIKAL). Which one a development need suggests is a default of our own,
 * kept in {@link GapPolicy}.
 */
public enum LearningPathway {
    KLASIKAL, NONKLASIKAL
}
