package id.asn.merit.platform.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static id.asn.merit.platform.web.Things.post;
import static id.asn.merit.platform.web.Things.thing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency keys expire after asn.idempotency.expiry (24 h by default): an expired key acts as new and is cleaned up. */
@QuarkusTest
class IdempotencyExpiryTest {
    @Inject
    ThingResource.Effects effects;
    @Inject
    IdempotencyConfig config;
    @Inject
    IdempotencyCleanup cleanup;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aKeyIsKeptFor24HoursByDefault() throws SQLException {
        assertEquals(Duration.ofHours(24), config.expiry());
        String key = UUID.randomUUID().toString();
        post("ADMIN", key, thing("kept a day")).then().statusCode(201);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select extract(epoch from expires_at - created_at) from idempotency_record where idem_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(86_400, rs.getDouble(1), 1.0);
            }
        }
    }

    @Test
    void anExpiredKeyActsAsNewEvenWithAnotherBody() throws SQLException {
        String key = UUID.randomUUID().toString();
        post("ADMIN", key, thing("expires")).then().statusCode(201);
        expire(key);

        var again = post("ADMIN", key, thing("expires"));
        again.then().statusCode(201);
        assertNull(again.header("Idempotent-Replayed"), "an expired key is not replayed");
        assertEquals(2, effects.of("expires"));

        expire(key);
        post("ADMIN", key, thing("expires, other body")).then().statusCode(201);
        assertEquals(1, effects.of("expires, other body"));
        post("ADMIN", key, thing("expires, other body")).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void theCleanupDeletesExpiredKeysOnly() throws SQLException {
        String expired = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        post("ADMIN", expired, thing("cleaned")).then().statusCode(201);
        post("ADMIN", fresh, thing("kept")).then().statusCode(201);
        expire(expired);

        assertTrue(cleanup.deleteExpired() >= 1);
        assertEquals(0, count(expired));
        assertEquals(1, count(fresh));
    }

    private void expire(String key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update idempotency_record set expires_at = now() - interval '1 second' where idem_key = ?")) {
            s.setString(1, key);
            assertEquals(1, s.executeUpdate());
        }
    }

    private int count(String key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from idempotency_record where idem_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
