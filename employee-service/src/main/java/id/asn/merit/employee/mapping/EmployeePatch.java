package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.EmploymentType;
import id.asn.merit.employee.domain.Gender;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * Fields left out stay as they are. Gender and birth date are fixed by the NIP; the employment type only changes from
 * CPNS to PNS (same NIP layout). Rank, position and education given here are recorded as history entries dated today.
 */
@Schema(name = "EmployeePatch", description = "Only the fields given change. rank, positionCode and education are recorded as history entries "
        + "dated today (back-dated or future-dated ones go to .../ranks, .../placements, .../educations). employmentType may change "
        + "from CPNS to PNS only; gender and birthDate are fixed by the NIP (a different value is a 422 naming the field).")
public record EmployeePatch(
        @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Schema(example = "Yohanes Kambu, S.Sos") String name,
        @Schema(example = "III/c") String rank,
        @Size(max = 50) String positionCode,
        String orgUnitCode,
        @Valid EducationView education,
        EmployeeStatus status,
        @Schema(description = "CPNS to PNS only (appointment as PNS)") EmploymentType employmentType,
        @Schema(description = "fixed by the NIP: accepted only when unchanged") Gender gender,
        @Schema(description = "fixed by the NIP: accepted only when unchanged") LocalDate birthDate) {
}
