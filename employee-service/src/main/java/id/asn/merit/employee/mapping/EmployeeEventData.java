package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.EmploymentType;
import id.asn.merit.employee.domain.Gender;

import java.time.LocalDate;
import java.util.List;

/**
 * The data of every {@code asn.employee.*} event: enough for a consumer to keep a replica without calling back.
 * Owned by employee-service; consumers read the JSON fields they need.
 */
public record EmployeeEventData(String nip, String name, Gender gender, LocalDate birthDate, EmploymentType employmentType,
        String rank, String positionCode, String positionType, String orgUnitCode, List<String> orgUnitPath,
        EmployeeStatus status, long version) {

    public static EmployeeEventData of(Employee e, List<String> orgUnitPath, String positionType) {
        return new EmployeeEventData(e.nip, e.name, e.gender, e.birthDate, e.employmentType, e.rank, e.positionCode,
                positionType, e.orgUnitCode, orgUnitPath, e.status, e.version);
    }
}
