package id.asn.merit.employee.imports;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.employee.history.HistoryFixtures;
import id.asn.merit.employee.history.EmployeeEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static id.asn.merit.employee.history.HistoryFixtures.ANALIS;
import static id.asn.merit.employee.history.HistoryFixtures.DINAS;
import static id.asn.merit.employee.history.HistoryFixtures.KABID;
import static id.asn.merit.employee.history.HistoryFixtures.OTHER_POSITION;
import static id.asn.merit.employee.history.HistoryFixtures.nip;
import static id.asn.merit.employee.imports.EmployeeImportApiTest.awaitDone;
import static id.asn.merit.employee.imports.EmployeeImportApiTest.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 6: an import never aborts good rows, keeps what the NIP fixes, writes history, and retires with retired.v1. */
@QuarkusTest
class EmployeeImportRulesTest {
    static final String HEADER = "nip,name,gender,birthDate,employmentType,rank,positionCode,orgUnitCode,educationLevel,educationField,status";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EmployeeImportJobs jobs;

    @BeforeEach
    void data() {
        HistoryFixtures.ensure();
    }

    static String row(String birthDate, String gender, int serial, String type, String rank, String position, String field, String status) {
        return nip(birthDate, gender, serial) + ",Pegawai " + serial + "," + gender + "," + birthDate + "," + type + "," + rank + ","
                + (position == null ? "" : position) + "," + DINAS + ",S1," + field + "," + (status == null ? "" : status);
    }

    @Test
    void valuesTooLongForTheirColumnAreRowErrorsAmidGoodRows() {
        String csv = HEADER + "\n"
                + row("1980-01-11", "M", 801, "PNS", "III/c", KABID, "Hukum", null) + "\n"
                + row("1980-01-12", "M", 802, "PNS", "III/c", null, "x".repeat(201), null) + "\n"
                + row("1980-01-13", "M", 803, "PNS", "III/c", null, "Hukum", null) + "\n"
                + row("1980-01-14", "M", 804, "PNS", "III/c", "P".repeat(51), "Hukum", null) + "\n"
                + row("1980-01-15", "M", 805, "PNS", "III/c", "HIF-NO-SUCH-POSITION", "Hukum", null) + "\n"
                + row("1980-01-16", "M", 806, "PNS", "III/c", OTHER_POSITION, "Hukum", null) + "\n"
                + row("1980-01-17", "M", 807, "PNS", "III/c", ANALIS, "Hukum", null) + "\n";
        awaitDone(start("text/csv", csv)).body("status", equalTo("COMPLETED")).body("processed", equalTo(7))
                .body("created", equalTo(3)).body("failed", equalTo(4))
                .body("errors.find { it.row == 2 }.field", equalTo("educationField"))
                .body("errors.find { it.row == 4 }.field", equalTo("positionCode"))
                .body("errors.find { it.row == 5 }.field", equalTo("positionCode"))
                .body("errors.find { it.row == 6 }.field", equalTo("positionCode"));
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/employees/" + nip("1980-01-17", "M", 807)).then().statusCode(200)
                .body("positionCode", equalTo(ANALIS));
    }

    @Test
    void aBatchTheDatabaseRefusesIsWrittenRowByRowAndOnlyTheBadRowReported() throws Exception {
        // a rule only the database knows: stands for any constraint a validation can miss
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    create or replace function test_refuse_poison() returns trigger language plpgsql as $$
                    begin if new.name = 'Poison Row' then raise exception 'poison row refused'; end if; return new; end $$""");
            s.execute("create trigger test_refuse_poison before insert or update on employee for each row execute function test_refuse_poison()");
        }
        try {
            String poison = nip("1981-02-13", "F", 813) + ",Poison Row,F,1981-02-13,PNS,III/a,," + DINAS + ",S1,Hukum,";
            String csv = HEADER + "\n"
                    + row("1981-02-11", "F", 811, "PNS", "III/a", null, "Hukum", null) + "\n"
                    + row("1981-02-12", "F", 812, "PNS", "III/a", null, "Hukum", null) + "\n"
                    + poison + "\n"
                    + row("1981-02-14", "F", 814, "PNS", "III/a", null, "Hukum", null) + "\n";
            awaitDone(start("text/csv", csv)).body("status", equalTo("COMPLETED")).body("processed", equalTo(4))
                    .body("created", equalTo(3)).body("failed", equalTo(1))
                    .body("errors[0].row", equalTo(3)).body("errors[0].field", equalTo("row"))
                    .body("errors[0].message", startsWith("the database refused the row"));
            given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/employees/" + nip("1981-02-14", "F", 814)).then().statusCode(200);
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop trigger test_refuse_poison on employee");
            }
        }
    }

    @Test
    void anImportThatRetiresSomeoneEmitsRetired() {
        String nip = nip("1962-03-04", "M", 821);
        awaitDone(start("text/csv", HEADER + "\n" + row("1962-03-04", "M", 821, "PNS", "IV/b", null, "Hukum", null) + "\n"))
                .body("created", equalTo(1));
        awaitDone(start("text/csv", HEADER + "\n" + row("1962-03-04", "M", 821, "PNS", "IV/b", null, "Hukum", "RETIRED") + "\n"))
                .body("updated", equalTo(1));
        assertEquals(List.of("asn.employee.registered.v1", "asn.employee.retired.v1"),
                EmployeeEvents.read(nip, 2).stream().map(r -> EmployeeEvents.header(r, "ce_type")).toList());
    }

    @Test
    void anImportKeepsWhatTheNipFixesExceptCpnsToPns() {
        String nip = nip("1996-04-05", "F", 831);
        awaitDone(start("text/csv", HEADER + "\n" + row("1996-04-05", "F", 831, "CPNS", "III/a", null, "Hukum", null) + "\n"))
                .body("created", equalTo(1));
        awaitDone(start("text/csv", HEADER + "\n" + row("1996-04-05", "F", 831, "PNS", "III/a", null, "Hukum", null) + "\n"))
                .body("updated", equalTo(1)).body("failed", equalTo(0));
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/employees/" + nip).then().body("employmentType", equalTo("PNS"));
        awaitDone(start("text/csv", HEADER + "\n" + row("1996-04-05", "F", 831, "CPNS", "III/a", null, "Hukum", null) + "\n"))
                .body("updated", equalTo(0)).body("failed", equalTo(1)).body("errors[0].field", equalTo("employmentType"));
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/employees/" + nip).then().body("employmentType", equalTo("PNS"));
    }

    @Test
    void anImportedNipGetsItsFirstHistoryEntries() {
        String nip = nip("1982-05-06", "M", 841);
        awaitDone(start("text/csv", HEADER + "\n" + row("1982-05-06", "M", 841, "PNS", "III/d", KABID, "Hukum", null) + "\n"))
                .body("created", equalTo(1));
        String base = "/api/v1/employees/" + nip;
        given().auth().oauth2(TestInfra.token("ADMIN")).get(base + "/ranks").then().body("total", equalTo(1))
                .body("items[0].rank", equalTo("III/d")).body("items[0].inForce", equalTo(true));
        given().auth().oauth2(TestInfra.token("ADMIN")).get(base + "/placements").then().body("items[0].positionCode", equalTo(KABID));
        HistoryFixtures.as("HR_OFFICER").body(java.util.Map.of("rank", "III/a", "effectiveDate", "2008-04-01")).post(base + "/ranks")
                .then().statusCode(201).body("inForce", equalTo(false));
        given().auth().oauth2(TestInfra.token("ADMIN")).get(base).then().body("rank", equalTo("III/d"));
    }

    @Test
    void aLargeUploadIsAcceptedAndARejectedOneLeavesNoSpoolFile() throws Exception {
        // 12 MiB, above the former 10 MiB limit, but no data rows: refused after streaming, and its spool file removed
        byte[] body = new byte[12 << 20];
        byte[] header = (HEADER + "\n").getBytes();
        System.arraycopy(header, 0, body, 0, header.length);
        java.util.Arrays.fill(body, header.length, body.length, (byte) '\n');
        List<Path> before = spoolFiles();
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("text/csv").body(body)
                .post("/api/v1/employee-imports").then().statusCode(400).body("detail", equalTo("body: the file has no data rows"));
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("application/json").body("{\"not\": \"an array\"}")
                .post("/api/v1/employee-imports").then().statusCode(400);
        List<Path> left = new java.util.ArrayList<>(spoolFiles());
        left.removeAll(before);
        assertEquals(List.of(), left, "a rejected upload leaves no spool file");
    }

    @Test
    void anIdempotencyKeyStartsOneJob() {
        String csv = HEADER + "\n" + row("1983-06-07", "F", 851, "PNS", "III/b", null, "Hukum", null) + "\n";
        String first = given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("text/csv").header("Idempotency-Key", "imp-851")
                .body(csv).post("/api/v1/employee-imports").then().statusCode(202).extract().path("id");
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("text/csv").header("Idempotency-Key", "imp-851")
                .body(csv).post("/api/v1/employee-imports").then().statusCode(202).header("Idempotent-Replayed", equalTo("true"))
                .header("Location", endsWith("/api/v1/employee-imports/" + first))
                .body("id", equalTo(first));
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("text/csv").header("Idempotency-Key", "imp-851")
                .body(csv + row("1983-06-08", "F", 852, "PNS", "III/b", null, "Hukum", null) + "\n")
                .post("/api/v1/employee-imports").then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        awaitDone(first).body("created", equalTo(1));
    }

    private List<Path> spoolFiles() throws Exception {
        Path directory = jobs.directory();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
