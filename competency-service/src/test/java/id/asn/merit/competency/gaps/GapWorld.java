package id.asn.merit.competency.gaps;

import id.asn.merit.competency.service.GapSnapshots;
import id.asn.merit.competency.testing.ReplicaFixtures;
import id.asn.merit.devinfra.TestInfra;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The little world the gap tests live in: units, positions and employees in the replica, standards published
 * straight into the tables (the standards API has its own tests), assessments through the API. Every test class uses
 * its own codes and NIPs, so classes sharing the one Quarkus app never see each other's people.
 */
@ApplicationScoped
public class GapWorld {
    @Inject
    ReplicaFixtures replicas;
    @Inject
    GapSnapshots snapshots;
    @Inject
    AgroalDataSource ds;

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String role, String nip, String unit) {
        return given().auth().oauth2(TestInfra.token(role, nip, unit)).contentType(ContentType.JSON);
    }

    /** Polls until the condition holds, failing after the timeout. */
    public static void eventually(java.time.Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public void unit(String code, String parent, String path) {
        replicas.unit(code, parent, path);
    }

    public void position(String code, String unit, String type, String functionalLevel) {
        replicas.position(code, unit, type, functionalLevel);
    }

    /** An employee placed (the replica row plus the refresh the consumer would trigger). */
    public void employee(String nip, String name, String position, String type, String unit, String path) {
        replicas.employee(nip, name, position, type, unit, path);
        snapshots.refresh(List.of(nip), "PLACEMENT");
    }

    /** A standard version: items as {code, level, importance} triples. */
    public void standard(String position, int version, LocalDate from, Object... items) {
        replicas.exec("insert into competency_standard (position_code, version, effective_from, created_by) values (?, ?, ?, 'test')",
                position, version, from);
        for (int i = 0; i < items.length; i += 3) {
            replicas.exec("""
                    insert into competency_standard_item (position_code, version, ordinal, competency_code, required_level, importance)
                    values (?, ?, ?, ?, ?, ?)""", position, version, i / 3, items[i], items[i + 1], items[i + 2]);
        }
    }

    /** Records an assessment through the API as an ASSESSOR; scores as {code, level} pairs. Returns its id. */
    public String assess(String nip, LocalDate on, Object... scores) {
        return as("ASSESSOR").body(assessment(nip, on, scores)).post("/api/v1/assessments")
                .then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> assessment(String nip, LocalDate on, Object... scores) {
        List<Map<String, Object>> s = new ArrayList<>();
        for (int i = 0; i < scores.length; i += 2) {
            s.add(Map.of("competencyCode", scores[i], "level", scores[i + 1]));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("nip", nip);
        body.put("assessedOn", on.toString());
        body.put("method", "ASSESSMENT_CENTER");
        body.put("purpose", "MAPPING");
        body.put("assessor", "UPT Penilaian Kompetensi");
        body.put("scores", s);
        return body;
    }

    /** The outbox events of a key, oldest first: {type, payload}. */
    public List<String[]> events(String key) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select type, payload from outbox_event where event_key = ? order by seq")) {
            ps.setString(1, key);
            List<String[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[]{rs.getString(1), rs.getString(2)});
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
