package id.asn.merit.employee.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.asn.merit.employee.domain.Assignment;
import id.asn.merit.employee.domain.DisciplineLevel;
import id.asn.merit.employee.domain.EducationLevel;
import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.EmploymentType;
import id.asn.merit.employee.domain.Gender;
import id.asn.merit.employee.domain.RatingPeriod;
import id.asn.merit.employee.domain.SkpRating;
import id.asn.merit.employee.domain.Appraisal;

import java.time.LocalDate;
import java.util.List;

/**
 * The data of every {@code asn.employee.*} event: the employee's whole replica state (so a consumer never calls
 * back; {@code rankSince} is the TMT of the current rank, {@code educationLevel} the highest education in force), plus the detail of what happened for placed, rank-changed, performance-rated and disciplined.
 * Owned by employee-service; consumers read the JSON fields they need.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmployeeEventData(String nip, String name, Gender gender, LocalDate birthDate, EmploymentType employmentType,
        String rank, LocalDate rankSince, EducationLevel educationLevel, String positionCode, String positionType, String orgUnitCode, List<String> orgUnitPath,
        EmployeeStatus status, long version, PlacementDetail placement, RankDetail rankChange, RatingDetail rating,
        DisciplineDetail discipline) {

    public record PlacementDetail(String positionCode, String orgUnitCode, LocalDate effectiveDate, Assignment assignment) {
    }

    public record RankDetail(String rank, LocalDate effectiveDate) {
    }

    public record RatingDetail(int year, RatingPeriod period, Appraisal workResult, Appraisal workBehaviour, SkpRating rating,
            boolean overridden) {
    }

    /** No description: that stays with the people allowed to read disciplinary records. */
    public record DisciplineDetail(DisciplineLevel level, LocalDate decidedOn) {
    }

    public static EmployeeEventData of(Employee e, List<String> orgUnitPath, String positionType, LocalDate rankSince) {
        return new EmployeeEventData(e.nip, e.name, e.gender, e.birthDate, e.employmentType, e.rank, rankSince, e.educationLevel,
                e.positionCode,
                positionType, e.orgUnitCode, orgUnitPath, e.status, e.version, null, null, null, null);
    }

    public EmployeeEventData with(PlacementDetail p) {
        return new EmployeeEventData(nip, name, gender, birthDate, employmentType, rank, rankSince, educationLevel, positionCode, positionType, orgUnitCode,
                orgUnitPath, status, version, p, rankChange, rating, discipline);
    }

    public EmployeeEventData with(RankDetail r) {
        return new EmployeeEventData(nip, name, gender, birthDate, employmentType, rank, rankSince, educationLevel, positionCode, positionType, orgUnitCode,
                orgUnitPath, status, version, placement, r, rating, discipline);
    }

    public EmployeeEventData with(RatingDetail r) {
        return new EmployeeEventData(nip, name, gender, birthDate, employmentType, rank, rankSince, educationLevel, positionCode, positionType, orgUnitCode,
                orgUnitPath, status, version, placement, rankChange, r, discipline);
    }

    public EmployeeEventData with(DisciplineDetail d) {
        return new EmployeeEventData(nip, name, gender, birthDate, employmentType, rank, rankSince, educationLevel, positionCode, positionType, orgUnitCode,
                orgUnitPath, status, version, placement, rankChange, rating, d);
    }
}
