package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.EmployeeStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields left out stay as they are. NIP, gender, birth date and employment type are fixed by the NIP. */
@Schema(name = "EmployeePatch", description = "Only the fields given change. Rank, position and unit history have their own endpoints once placements exist.")
public record EmployeePatch(
        @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Schema(example = "Yohanes Kambu, S.Sos") String name,
        @Schema(example = "III/c") String rank,
        @Size(max = 50) String positionCode,
        String orgUnitCode,
        @Valid EducationView education,
        EmployeeStatus status) {
}
