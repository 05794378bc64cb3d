package id.asn.merit.platform.imports;

import id.asn.merit.devinfra.TestInfra;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The engine on a test handler: batches, row errors, a refused batch retried row by row, the same file twice, resume. */
@QuarkusTest
class ImportJobsTest {
    static final String PATH = "/test/thing-imports";

    @Inject
    ImportJobs engine;
    @Inject
    ThingImports handler;
    @Inject
    AgroalDataSource ds;

    static String start(String csv, String key) {
        var request = given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("text/csv").body(csv);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(PATH).then().statusCode(202).extract().path("id");
    }

    static ValidatableResponse awaitDone(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String status = given().auth().oauth2(TestInfra.token("HR_OFFICER")).get(PATH + "/" + id).then().statusCode(200)
                    .extract().path("status");
            if (status.equals("COMPLETED") || status.equals("FAILED")) {
                return given().auth().oauth2(TestInfra.token("HR_OFFICER")).get(PATH + "/" + id).then();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    /** Numbers from {@code from} (inclusive) to {@code to} (exclusive), one per row, after a header. */
    static String numbers(int from, int to, String... extra) {
        StringBuilder csv = new StringBuilder("n\n");
        for (int i = from; i < to; i++) {
            csv.append(i).append('\n');
        }
        for (String e : extra) {
            csv.append(e).append('\n');
        }
        return csv.toString();
    }

    @Test
    void goodRowsCommitBadRowsAreReportedAndARefusedBatchIsRetriedRowByRow() {
        // 2 500 rows: batches of 1 000 (the default); 13 is in the last batch, whose 497 other good rows still commit
        String csv = numbers(10_000, 12_497, "-1", "x", "13");
        String id = start(csv, null);
        awaitDone(id).body("status", equalTo("COMPLETED")).body("total", equalTo(2500)).body("processed", equalTo(2500))
                .body("created", equalTo(2497)).body("failed", equalTo(3)).body("errors", hasSize(3))
                .body("errors[0].row", equalTo(2498)).body("errors[0].field", equalTo("n"))
                .body("errors[1].message", equalTo("is not a number"))
                .body("errors[2].field", equalTo("row")).body("errors[2].message", equalTo("the database refused the row: thirteen is refused"));
        // the same file again: every good row unchanged, nothing created
        awaitDone(start(csv, null)).body("created", equalTo(0)).body("unchanged", equalTo(2497)).body("failed", equalTo(3));
    }

    @Test
    void theSameKeyAndFileReplayTheJobAndAnotherFileIsA422() {
        String key = UUID.randomUUID().toString();
        String first = start(numbers(20_000, 20_003), key);
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("text/csv").header("Idempotency-Key", key)
                .body(numbers(20_000, 20_003)).post(PATH).then().statusCode(202).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("text/csv").header("Idempotency-Key", key)
                .body(numbers(20_000, 20_004)).post(PATH).then().statusCode(422);
        awaitDone(first).body("created", equalTo(3));
    }

    @Test
    void anInterruptedJobResumesAfterItsLastCommittedRow() throws Exception {
        Files.createDirectories(engine.directory(handler));
        Path file = engine.directory(handler).resolve("resumed.csv");
        Files.writeString(file, numbers(30_000, 30_010));
        UUID id = UUID.randomUUID();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into thing_import_job (id, status, format, file_path, total, processed, created, created_by)
                     values (?, 'RUNNING', 'CSV', ?, 10, 4, 4, 'test')""")) {
            ps.setObject(1, id);
            ps.setString(2, file.toString());
            ps.executeUpdate();
        }
        engine.start(handler, id);
        awaitDone(id.toString()).body("status", equalTo("COMPLETED")).body("processed", equalTo(10)).body("created", equalTo(10));
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*), min(n) from thing_imported where job_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(6, rs.getInt(1), "rows 1-4 were committed before the interruption: not written again");
                assertEquals(30_004, rs.getInt(2));
            }
        }
        assertFalse(Files.exists(file), "a completed job's upload is deleted");
    }
}
