package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.EmploymentType;
import id.asn.merit.employee.domain.Gender;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "EmployeeRequest", description = "A new employee. The NIP must agree with birthDate, gender and employmentType (PNS/CPNS or PPPK layout).")
public record EmployeeRequest(
        @NotBlank @Schema(example = "198503152010011001", description = "18 digits, no spaces") String nip,
        @NotBlank @Size(max = 300) @Schema(example = "Yohanes Kambu") String name,
        @NotNull Gender gender,
        @NotNull @Past @Schema(example = "1985-03-15") LocalDate birthDate,
        @NotNull EmploymentType employmentType,
        @Schema(example = "III/b", description = "PNS/CPNS: golongan/ruang I/a..IV/e; PPPK: golongan I..XVII") String rank,
        @Size(max = 50) @Schema(example = "PMPTSP-KABID-PERIZINAN") String positionCode,
        @NotBlank @Schema(example = "PMPTSP-PERIZINAN") String orgUnitCode,
        @Valid EducationView education,
        @Schema(description = "defaults to ACTIVE") EmployeeStatus status,
        @Past @Schema(example = "2010-01-01") LocalDate tmtCpns) {
}
