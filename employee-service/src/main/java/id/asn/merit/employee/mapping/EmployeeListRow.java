package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.EducationLevel;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.EmploymentType;
import id.asn.merit.employee.domain.Gender;
import id.asn.merit.employee.domain.Rank;

import java.time.LocalDate;

/**
 * One employee of a list, read straight from the row (no entity, no persistence context); maps to the same
 * {@link EmployeeView} or {@link EmployeeSummary} a read of one employee answers, so list items do not change shape.
 */
public record EmployeeListRow(String nip, String name, Gender gender, LocalDate birthDate, EmploymentType employmentType,
        String rank, String positionCode, String orgUnitCode, EducationLevel educationLevel, String educationField,
        EmployeeStatus status, LocalDate tmtCpns, long version) {

    public EmployeeView toView() {
        String pangkat = rank == null ? null : Rank.pns(rank).map(Rank.PnsRank::pangkat).orElse(null);
        EducationView education = educationLevel == null ? null : new EducationView(educationLevel, educationField);
        return new EmployeeView(nip, name, gender, birthDate, employmentType, rank, pangkat, positionCode, orgUnitCode, education,
                status, tmtCpns, version);
    }

    public EmployeeSummary toSummary() {
        return new EmployeeSummary(nip, name, orgUnitCode, positionCode);
    }
}
