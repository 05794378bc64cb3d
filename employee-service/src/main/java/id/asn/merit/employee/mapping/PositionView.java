package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.EducationLevel;
import id.asn.merit.employee.domain.FunctionalLevel;
import id.asn.merit.employee.domain.LeadershipTraining;
import id.asn.merit.employee.domain.Position;
import id.asn.merit.employee.domain.PositionType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Position")
public record PositionView(String code, String title, String orgUnitCode, PositionType type, FunctionalLevel functionalLevel,
        int grade, String minRank, EducationLevel minEducationLevel, LeadershipTraining requiredLeadershipTraining, boolean active,
        long version) {
    public static PositionView of(Position p) {
        return new PositionView(p.code, p.title, p.orgUnitCode, p.type, p.functionalLevel, p.grade, p.minRank,
                p.minEducationLevel, p.requiredLeadershipTraining, p.active, p.version);
    }
}
