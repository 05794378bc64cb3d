package id.asn.merit.competency.messaging;

import id.asn.merit.competency.domain.Competency;

/**
 * The data of {@code asn.competency.competency-changed.v1} (key: the competency code): the dictionary entry after a
 * create, a replace or a retirement, so consumers that validate competency codes (training-service) know which codes
 * exist and which are no longer to be used.
 */
public record CompetencyChangedData(String code, String group, String name, boolean retired) {
    public static CompetencyChangedData of(Competency c) {
        return new CompetencyChangedData(c.code, c.competencyGroup.name(), c.name, c.retired());
    }
}
