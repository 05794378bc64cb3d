package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.OrgUnit;

import java.util.List;

/**
 * The data of {@code asn.org.unit-changed.v1}: the unit as it is after the change. {@code status} is ACTIVE, CLOSED
 * or DELETED (the last state of a deleted unit). Owned by employee-service; consumers read the fields they need.
 */
public record OrgUnitEventData(String code, String name, String parentCode, List<String> path, String level, int depth,
        String status, long version) {
    public static final String ACTIVE = "ACTIVE";
    public static final String CLOSED = "CLOSED";
    public static final String DELETED = "DELETED";

    public static OrgUnitEventData of(OrgUnit u) {
        return new OrgUnitEventData(u.code, u.name, u.parentCode, u.pathCodes(), u.level, u.depth, u.active ? ACTIVE : CLOSED, u.version);
    }

    public static OrgUnitEventData deleted(OrgUnit u) {
        return new OrgUnitEventData(u.code, u.name, u.parentCode, u.pathCodes(), u.level, u.depth, DELETED, u.version);
    }
}
