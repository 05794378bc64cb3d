package id.asn.merit.competency.testing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes replica rows straight into the tables the consumers keep, for REST tests that need an employee, a position
 * or a unit without going through the broker (the consumer tests cover that path). Upserts, so tests may re-run.
 */
@ApplicationScoped
public class ReplicaFixtures {
    @Inject
    AgroalDataSource ds;

    public void unit(String code, String parentCode, String path) {
        exec("""
                insert into org_unit_replica (code, name, parent_code, path, level, status, source_version)
                values (?, ?, ?, ?, null, 'ACTIVE', 1)
                on conflict (code) do update set parent_code = excluded.parent_code, path = excluded.path, status = 'ACTIVE'""",
                code, "Unit " + code, parentCode, path);
    }

    /** @param functionalLevel null unless type is FUNGSIONAL */
    public void position(String code, String orgUnitCode, String type, String functionalLevel) {
        exec("""
                insert into position_replica (code, title, org_unit_code, type, functional_level, status, source_version)
                values (?, ?, ?, ?, ?, 'ACTIVE', 1)
                on conflict (code) do update set org_unit_code = excluded.org_unit_code, type = excluded.type,
                    functional_level = excluded.functional_level, status = 'ACTIVE'""",
                code, "Jabatan " + code, orgUnitCode, type, functionalLevel);
    }

    /** @param orgUnitPath unit codes root first joined by '/' */
    public void employee(String nip, String name, String positionCode, String positionType, String orgUnitCode, String orgUnitPath) {
        exec("""
                insert into employee_replica (nip, name, employment_type, position_code, position_type, org_unit_code, org_unit_path, status, source_version)
                values (?, ?, 'PNS', ?, ?, ?, ?, 'ACTIVE', 1)
                on conflict (nip) do update set name = excluded.name, position_code = excluded.position_code,
                    position_type = excluded.position_type, org_unit_code = excluded.org_unit_code,
                    org_unit_path = excluded.org_unit_path, status = 'ACTIVE'""",
                nip, name, positionCode, positionType, orgUnitCode, orgUnitPath);
    }

    public void exec(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
