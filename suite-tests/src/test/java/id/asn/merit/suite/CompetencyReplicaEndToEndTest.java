package id.asn.merit.suite;

import id.asn.merit.devinfra.TestInfra;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * employee-service's org tree reaches competency-service's replicas on the real broker: a moved unit arrives with its
 * new path, and so does every person in it (employee-service re-publishes them). The replica is read from
 * competency-service's own database: it has no public endpoint, and needs none. Like {@link EventsEndToEndTest} it
 * calls employee-service itself (routing is {@link GatewayEndToEndTest}'s subject), so it also runs in a subset
 * without the gateway: -Dasn.suite.modules=employee-service,competency-service (the gateway is ready only when
 * every service is).
 */
class CompetencyReplicaEndToEndTest {
    static RunningSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
    }

    static RequestSpecification hrOfficer() {
        return given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON);
    }

    static void unit(String code, String parent, String level) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Unit " + code, "level", level));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        hrOfficer().body(body).post(suite.url("employee-service") + "/api/v1/org-units").then().statusCode(201);
    }

    @Test
    void aUnitMovedInEmployeeServiceReachesTheCompetencyReplicaWithItsNewPath() {
        unit("CR-ROOT", null, "INSTANSI");
        unit("CR-DINAS-A", "CR-ROOT", "PERANGKAT_DAERAH");
        unit("CR-DINAS-B", "CR-ROOT", "PERANGKAT_DAERAH");
        unit("CR-BIDANG", "CR-DINAS-A", "BIDANG");
        String nip = "199001012015031004";
        hrOfficer().body(Map.of("nip", nip, "name", "Yakobus Rumbewas", "gender", "M", "birthDate", "1990-01-01",
                        "employmentType", "PNS", "rank", "III/a", "orgUnitCode", "CR-BIDANG"))
                .post(suite.url("employee-service") + "/api/v1/employees").then().statusCode(201);
        assertEquals("CR-ROOT/CR-DINAS-A/CR-BIDANG",
                await("select org_unit_path from employee_replica where nip = ?", nip, "CR-ROOT/CR-DINAS-A/CR-BIDANG"::equals));

        hrOfficer().body(Map.of("parentCode", "CR-DINAS-B"))
                .patch(suite.url("employee-service") + "/api/v1/org-units/CR-BIDANG").then().statusCode(200);

        String moved = "CR-ROOT/CR-DINAS-B/CR-BIDANG";
        assertEquals(moved, await("select path from org_unit_replica where code = ?", "CR-BIDANG", moved::equals),
                "the unit's replica has the new path");
        assertEquals("CR-DINAS-B", await("select parent_code from org_unit_replica where code = ?", "CR-BIDANG", "CR-DINAS-B"::equals));
        assertEquals(moved, await("select org_unit_path from employee_replica where nip = ?", nip, moved::equals),
                "the person in the moved unit has the new path");
        assertEquals("CR-BIDANG", await("select org_unit_code from employee_replica where nip = ?", nip, "CR-BIDANG"::equals));
    }

    /** Polls one value of competency-service's database until done holds (60 s); returns the last value read. */
    static String await(String sql, String param, Predicate<String> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String value = read(sql, param);
        while (!done.test(value) && System.nanoTime() < deadline) {
            EventsEndToEndTest.sleep();
            value = read(sql, param);
        }
        return value;
    }

    static String read(String sql, String param) {
        try (Connection c = EventsEndToEndTest.connect(suite.jdbcUrl("competency-service")); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
