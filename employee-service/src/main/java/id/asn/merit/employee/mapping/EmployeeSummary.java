package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.Employee;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an INTEGRATOR may see of a person (SYSTEM.md §7): name, NIP, unit and position only. */
@Schema(name = "EmployeeSummary")
public record EmployeeSummary(String nip, String name, String orgUnitCode, String positionCode) {
    public static EmployeeSummary of(Employee e) {
        return new EmployeeSummary(e.nip, e.name, e.orgUnitCode, e.positionCode);
    }
}
