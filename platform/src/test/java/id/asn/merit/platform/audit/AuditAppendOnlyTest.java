package id.asn.merit.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit table is append-only in the database itself: not even a direct SQL update or delete gets through. */
@QuarkusTest
class AuditAppendOnlyTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAuditRowCanBeWrittenAndReadButNeverChangedOrDeleted() throws SQLException {
        long id;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    insert into audit_entry (actor, action, entity, entity_id, after_json)
                    values ('tester', 'CREATE', 'Thing', 'T-1', '{"a":1}') returning id""")) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("update audit_entry set actor = 'intruder' where id = " + id));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException delete = assertThrows(SQLException.class,
                    () -> s.executeUpdate("delete from audit_entry where id = " + id));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select actor, after_json from audit_entry where id = " + id)) {
            assertTrue(rs.next());
            assertEquals("tester", rs.getString(1));
            assertEquals("{\"a\":1}", rs.getString(2));
        }
    }
}
