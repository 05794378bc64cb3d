package id.asn.merit.training.imports;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.training.testing.TrainingFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /api/v1/training-imports on real PostgreSQL: rows, errors, duplicates, idempotency, the ledger, roles. */
@QuarkusTest
class TrainingImportApiTest {
    static final String PATH = "/api/v1/training-imports";
    static final String UNIT = "TIMP-UNIT";
    /** Last year: every date of it is in the past whenever the test runs. */
    static final int YEAR = LocalDate.now().getYear() - 1;
    static final String HEADER = "nip,methodCode,title,organizer,startDate,endDate,jp,certificateNumber,competencyCodes,status";

    @Inject
    TrainingFixtures fixtures;
    @Inject
    AgroalDataSource ds;

    /** NIPs of this class: 1977 0101 2000 01 1 + a 3-digit number (18 digits). */
    static String nip(int n) {
        return "197701012000011" + String.format("%03d", n);
    }

    static String date(int month, int day) {
        return LocalDate.of(YEAR, month, day).toString();
    }

    @BeforeEach
    void people() {
        fixtures.unit(UNIT, null, UNIT);
        for (int i = 1; i <= 6; i++) {
            fixtures.employee(nip(i), "Pegawai Impor " + i, null, null, UNIT, UNIT);
        }
    }

    static String start(String contentType, String body) {
        return given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(contentType).body(body)
                .post(PATH).then().statusCode(202)
                .header("Location", notNullValue()).extract().path("id");
    }

    static ValidatableResponse awaitDone(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            String status = given().auth().oauth2(TestInfra.token("HR_OFFICER")).get(PATH + "/" + id)
                    .then().statusCode(200).extract().path("status");
            if (status.equals("COMPLETED") || status.equals("FAILED")) {
                return given().auth().oauth2(TestInfra.token("HR_OFFICER")).get(PATH + "/" + id).then();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    long count(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    BigDecimal recognised(String nip) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select recognised_jp from jp_person_year where nip = ? and year = ?")) {
            ps.setString(1, nip);
            ps.setInt(2, YEAR);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long records(String nip) {
        return count("select count(*) from training_record where nip = ?", nip);
    }

    long recordedEvents(String nip) {
        return count("select count(*) from outbox_event where event_key = ? and type = 'asn.training.recorded.v1'", nip);
    }

    @Test
    void csvGoodRowsAreStoredBadRowsReportedAndTheSameFileAgainChangesNothing() {
        String csv = HEADER + "\n"
                + nip(1) + ",KL03,Teknis Perencanaan,BPSDM Papua," + date(3, 2) + "," + date(3, 4) + ",12,TIMP/001,M.1;SK.1,\n"
                + nip(1) + ",KL03,Teknis Anggaran,BPSDM Papua," + date(5, 6) + "," + date(5, 7) + ",10,TIMP/002,,VERIFIED\n"
                + nip(1) + ",KL03,Ends before it starts,BPSDM Papua," + date(6, 9) + "," + date(6, 8) + ",4,TIMP/003,,\n"
                + nip(2) + ",XX99,Unknown method,LAN," + date(2, 1) + "," + date(2, 1) + ",4,TIMP/004,,\n"
                + "197701012000019999,KL03,Nobody,LAN," + date(2, 1) + "," + date(2, 1) + ",4,TIMP/005,,\n"
                + nip(2) + ",KL03,Not a number,LAN," + date(2, 1) + "," + date(2, 1) + ",four,TIMP/006,,\n"
                + nip(2) + ",KL03,Waiting,LAN," + date(4, 1) + "," + date(4, 1) + ",6,TIMP/007,M.9,PENDING\n"
                + nip(2) + ",KL03,Waiting,LAN," + date(4, 1) + "," + date(4, 1) + ",6,TIMP/008,,PENDING\n"
                + nip(1) + ",KL03,The first row again,bpsdm papua," + date(3, 2) + "," + date(3, 4) + ",12,TIMP/001,,\n";
        String id = start("text/csv", csv);
        awaitDone(id).body("status", equalTo("COMPLETED"))
                .body("total", equalTo(9)).body("processed", equalTo(9))
                .body("created", equalTo(3)).body("duplicates", equalTo(1)).body("failed", equalTo(5))
                .body("errors", hasSize(5)).body("errorCount", equalTo(5))
                .body("errors.find { it.row == 3 }.field", equalTo("endDate"))
                .body("errors.find { it.row == 4 }.field", equalTo("methodCode"))
                .body("errors.find { it.row == 5 }.field", equalTo("nip"))
                .body("errors.find { it.row == 5 }.message", equalTo("no employee with NIP 197701012000019999"))
                .body("errors.find { it.row == 6 }.field", equalTo("jp"))
                .body("errors.find { it.row == 7 }.field", equalTo("competencyCodes"))
                .body("startedAt", notNullValue()).body("finishedAt", notNullValue());
        assertEquals(2, records(nip(1)));
        assertEquals(1, records(nip(2)));
        assertEquals(0, new BigDecimal("22.00").compareTo(recognised(nip(1))), "12 + 10 verified JP recognised");
        assertEquals(0, BigDecimal.ZERO.compareTo(recognised(nip(2))), "a PENDING record is not recognised");
        assertEquals(1, count("select count(*) from training_record where nip = ? and status = 'PENDING' and source = 'IMPORT'"
                + " and import_job_id = ?::uuid", nip(2), id));
        assertEquals(1, count("select count(*) from training_record where certificate_number = 'TIMP/001'"
                + " and competency_codes = '{M.1,SK.1}' and decided_by = 'test-hr-officer'"));
        assertEquals(2, recordedEvents(nip(1)));
        assertEquals(1, count("select count(*) from outbox_event where event_key = ? and type = 'asn.training.recorded.v1'"
                + " and payload::jsonb ->> 'certificateNumber' = 'TIMP/002' and (payload::jsonb ->> 'recognisedJpOfYear')::numeric = 22"
                + " and (payload::jsonb ->> 'requiredJp')::numeric = 20", nip(1)));
        assertEquals(1, count("select count(*) from outbox_event where event_key = ? and type = 'asn.training.jp-threshold-reached.v1'", nip(1)));
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/training-records/audit?entity=TrainingImport&id=" + id)
                .then().statusCode(200).body("items[0].action", equalTo("IMPORT_START"))
                .body("items[0].actor", equalTo("test-hr-officer"));

        // the same file again: no record, no event; every good row a duplicate, the bad rows reported again
        String again = start("text/csv", csv);
        awaitDone(again).body("status", equalTo("COMPLETED"))
                .body("created", equalTo(0)).body("duplicates", equalTo(4)).body("failed", equalTo(5));
        assertEquals(2, records(nip(1)));
        assertEquals(1, records(nip(2)));
        assertEquals(2, recordedEvents(nip(1)));
        assertEquals(1, recordedEvents(nip(2)));
        assertEquals(1, count("select count(*) from outbox_event where event_key = ? and type = 'asn.training.jp-threshold-reached.v1'", nip(1)));
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).get(PATH + "/" + again + "/errors?size=2&page=1")
                .then().statusCode(200).body("total", equalTo(5)).body("items", hasSize(2)).body("items[0].row", equalTo(5));
    }

    @Test
    void jsonArraysImportWithCompetencyArrays() {
        String json = "[{\"nip\":\"" + nip(3) + "\",\"methodCode\":\"KL03\",\"title\":\"Teknis JSON\",\"organizer\":\"LAN\","
                + "\"startDate\":\"" + date(7, 1) + "\",\"endDate\":\"" + date(7, 3) + "\",\"durationMinutes\":900,"
                + "\"certificateNumber\":\"TIMP/J1\",\"competencyCodes\":[\"M.2\",\"SK.1\"],\"cost\":1500000},"
                + "{\"nip\":\"" + nip(3) + "\",\"methodCode\":\"KL03\",\"title\":\"In the future\",\"organizer\":\"LAN\","
                + "\"startDate\":\"" + date(7, 1) + "\",\"endDate\":\"" + LocalDate.now().plusDays(3) + "\",\"jp\":2,"
                + "\"certificateNumber\":\"TIMP/J2\"},"
                + "{\"nip\":\"" + nip(3) + "\",\"methodCode\":\"KL03\",\"title\":{\"id\":\"x\"},\"organizer\":\"LAN\","
                + "\"startDate\":\"" + date(7, 1) + "\",\"endDate\":\"" + date(7, 1) + "\",\"jp\":2,\"certificateNumber\":\"TIMP/J3\"}]";
        awaitDone(start("application/json", json)).body("status", equalTo("COMPLETED"))
                .body("total", equalTo(3)).body("created", equalTo(1)).body("failed", equalTo(2))
                .body("errors.find { it.row == 2 }.field", equalTo("endDate"))
                .body("errors.find { it.row == 3 }.field", equalTo("title"));
        assertEquals(1, count("select count(*) from training_record where nip = ? and jp = 20 and duration_minutes = 900"
                + " and competency_codes = '{M.2,SK.1}' and cost = 1500000", nip(3)));
        assertEquals(0, new BigDecimal("20.00").compareTo(recognised(nip(3))), "900 minutes = 20 JP");
    }

    @Test
    void anIdempotencyKeyReplaysTheSameJob() {
        String csv = HEADER + "\n" + nip(4) + ",KL03,Kunci,LAN," + date(8, 1) + "," + date(8, 1) + ",3,TIMP/K1,,\n";
        String first = given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("text/csv").header("Idempotency-Key", "timp-k1")
                .body(csv).post(PATH).then().statusCode(202).header("Location", containsString(PATH + "/"))
                .extract().path("id");
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("text/csv").header("Idempotency-Key", "timp-k1")
                .body(csv).post(PATH).then().statusCode(202).header("Idempotent-Replayed", equalTo("true"))
                .header("Location", endsWith(PATH + "/" + first)).body("id", equalTo(first));
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("text/csv").header("Idempotency-Key", "timp-k1")
                .body(csv + nip(4) + ",KL03,Kunci 2,LAN," + date(8, 2) + "," + date(8, 2) + ",3,TIMP/K2,,\n")
                .post(PATH).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        awaitDone(first).body("created", equalTo(1));
        assertEquals(1, records(nip(4)));
        assertEquals(1, count("select count(*) from import_job where id in (select import_job_id from training_record where nip = ?)", nip(4)));
    }

    @Test
    void rolesUnreadableFilesAndUnknownJobs() {
        String csv = HEADER + "\n" + nip(5) + ",KL03,Roles,LAN," + date(9, 1) + "," + date(9, 1) + ",3,TIMP/R1,,\n";
        for (String token : new String[] {TestInfra.token("EMPLOYEE", nip(5), UNIT), TestInfra.token("UNIT_HEAD", null, UNIT),
                TestInfra.token("INTEGRATOR"), TestInfra.token("ASSESSOR")}) {
            given().auth().oauth2(token).contentType("text/csv").body(csv).post(PATH).then().statusCode(403);
            given().auth().oauth2(token).get(PATH + "/00000000-0000-0000-0000-000000000000").then().statusCode(403);
        }
        given().contentType("text/csv").body(csv).post(PATH).then().statusCode(401);
        given().get(PATH + "/00000000-0000-0000-0000-000000000000").then().statusCode(401);
        assertEquals(0, records(nip(5)));
        String id = given().auth().oauth2(TestInfra.token("ADMIN")).contentType("text/csv").body(csv).post(PATH)
                .then().statusCode(202).extract().path("id");
        awaitDone(id).body("created", equalTo(1));

        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("application/json").body("{\"nip\":1}")
                .post(PATH).then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("text/csv").body(HEADER + "\n")
                .post(PATH).then().statusCode(400).body("errors[0].field", equalTo("body"));
        given().auth().oauth2(TestInfra.token("ADMIN")).get(PATH + "/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token("ADMIN")).get(PATH + "/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        given().auth().oauth2(TestInfra.token("ADMIN")).get(PATH + "/" + id + "/errors?size=many").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }
}
