package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.EducationLevel;
import id.asn.merit.employee.domain.FunctionalLevel;
import id.asn.merit.employee.domain.LeadershipTraining;
import id.asn.merit.employee.domain.Position;
import id.asn.merit.employee.domain.PositionType;

/** The data of {@code asn.org.position-changed.v1}: the position after the change; status ACTIVE or CLOSED. */
public record PositionEventData(String code, String title, String orgUnitCode, PositionType type, FunctionalLevel functionalLevel,
        int grade, String minRank, EducationLevel minEducationLevel, LeadershipTraining requiredLeadershipTraining, String status,
        long version) {

    public static PositionEventData of(Position p) {
        return new PositionEventData(p.code, p.title, p.orgUnitCode, p.type, p.functionalLevel, p.grade, p.minRank,
                p.minEducationLevel, p.requiredLeadershipTraining, p.active ? "ACTIVE" : "CLOSED", p.version);
    }
}
