package id.asn.merit.employee.mapping;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnitPatch", description = "name renames; parentCode moves the unit with its whole subtree (under a unit of the level above); active=false closes it (only when no active employee or position is in its subtree)")
public record OrgUnitPatch(@Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        String parentCode, Boolean active) {
}
