package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.EmploymentType;
import id.asn.merit.employee.domain.Gender;
import id.asn.merit.employee.domain.Rank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "Employee")
public record EmployeeView(@Schema(example = "198503152010011001") String nip, @Schema(example = "Yohanes Kambu") String name,
        Gender gender, LocalDate birthDate, EmploymentType employmentType,
        @Schema(example = "III/b") String rank, @Schema(example = "Penata Muda Tingkat I") String pangkat,
        String positionCode, String orgUnitCode, EducationView education, EmployeeStatus status, LocalDate tmtCpns,
        long version) {

    public static EmployeeView of(Employee e) {
        String pangkat = e.rank == null ? null : Rank.pns(e.rank).map(Rank.PnsRank::pangkat).orElse(null);
        EducationView education = e.educationLevel == null ? null : new EducationView(e.educationLevel, e.educationField);
        return new EmployeeView(e.nip, e.name, e.gender, e.birthDate, e.employmentType, e.rank, pangkat, e.positionCode,
                e.orgUnitCode, education, e.status, e.tmtCpns, e.version);
    }
}
