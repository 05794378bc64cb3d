package id.asn.merit.employee.imports;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.employee.rest.EmployeeApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class EmployeeImportApiTest {
    static final String[] UNITS = {"IMP-DINAS-A", "IMP-DINAS-B"};

    @BeforeEach
    void units() {
        EmployeeApiTest.ensureUnit("IMP-ROOT", null, "INSTANSI", "Root");
        EmployeeApiTest.ensureUnit(UNITS[0], "IMP-ROOT", "PERANGKAT_DAERAH", "A");
        EmployeeApiTest.ensureUnit(UNITS[1], "IMP-ROOT", "PERANGKAT_DAERAH", "B");
    }

    static String start(String contentType, String body) {
        return given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(contentType).body(body)
                .post("/api/v1/employee-imports").then().statusCode(202)
                .header("Location", containsString("/api/v1/employee-imports/")).extract().path("id");
    }

    static ValidatableResponse awaitDone(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String status = given().auth().oauth2(TestInfra.token("HR_OFFICER")).get("/api/v1/employee-imports/" + id)
                    .then().statusCode(200).extract().path("status");
            if (status.equals("COMPLETED") || status.equals("FAILED")) {
                return given().auth().oauth2(TestInfra.token("HR_OFFICER")).get("/api/v1/employee-imports/" + id).then();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    @Test
    void goodRowsAreStoredAndBadRowsReported() {
        String csv = EmployeeCsv.HEADER + "\n"
                + EmployeeCsv.row(900001, UNITS, "") + "\n"
                + "198503152010011001,Wrong Gender,F,1985-03-15,PNS,III/b,IMP-DINAS-A,S1,Hukum\n"
                + EmployeeCsv.row(900002, UNITS, "") + "\n"
                + "198601012010011002,No Unit,M,1986-01-01,PNS,III/b,NOWHERE,S1,Hukum\n"
                + EmployeeCsv.row(900001, UNITS, " again") + "\n";
        String id = start("text/csv", csv);
        awaitDone(id).body("status", equalTo("COMPLETED"))
                .body("total", equalTo(5)).body("processed", equalTo(5))
                .body("created", equalTo(2)).body("failed", equalTo(3))
                .body("errors.row", hasItem(2)).body("errors.field", hasItem("nip"))
                .body("errors.find { it.row == 4 }.field", equalTo("orgUnitCode"))
                .body("errors.find { it.row == 5 }.message", equalTo("the same NIP is in row 1 of this file"));
        String nip = EmployeeCsv.row(900002, UNITS, "").substring(0, 18);
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/employees/" + nip).then().statusCode(200)
                .body("name", equalTo("Pegawai 900002"));
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/employees/audit?entity=Employee&id=" + nip)
                .then().body("items[0].action", equalTo("IMPORT_CREATE")).body("items[0].actor", equalTo("test-hr-officer"));
    }

    @Test
    void theSameFileTwiceUpdatesInsteadOfDuplicating() throws IOException {
        StringWriter first = new StringWriter();
        EmployeeCsv.write(first, 3000, UNITS, "");
        awaitDone(start("text/csv", first.toString())).body("created", equalTo(3000)).body("failed", equalTo(0));
        awaitDone(start("text/csv", first.toString())).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(3000));
        StringWriter renamed = new StringWriter();
        EmployeeCsv.write(renamed, 3000, UNITS, " (renamed)");
        awaitDone(start("text/csv", renamed.toString())).body("created", equalTo(0)).body("updated", equalTo(3000));
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/employees?q=renamed&size=1")
                .then().body("total", equalTo(3000));
    }

    @Test
    void jsonArraysImportToo() {
        String json = "[{\"nip\":\"200012312024211001\",\"name\":\"Andi PPPK\",\"gender\":\"M\",\"birthDate\":\"2000-12-31\","
                + "\"employmentType\":\"PPPK\",\"rank\":\"IX\",\"orgUnitCode\":\"IMP-DINAS-B\",\"education\":{\"level\":\"S1\",\"field\":\"Informatika\"}},"
                + "{\"nip\":\"200012312024211002\",\"name\":\"Wrong Rank\",\"gender\":\"M\",\"birthDate\":\"2000-12-31\","
                + "\"employmentType\":\"PPPK\",\"rank\":\"III/a\",\"orgUnitCode\":\"IMP-DINAS-B\"}]";
        awaitDone(start("application/json", json)).body("created", equalTo(1)).body("failed", equalTo(1))
                .body("errors[0].field", equalTo("rank"));
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/employees/200012312024211001").then()
                .body("education.field", equalTo("Informatika")).body("rank", equalTo("IX"));
    }

    @Test
    void unreadableFilesRolesAndUnknownJobs() {
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("application/json").body("{\"nip\":1}")
                .post("/api/v1/employee-imports").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("text/csv").body(EmployeeCsv.HEADER + "\n")
                .post("/api/v1/employee-imports").then().statusCode(400);
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, "IMP-ROOT")).contentType("text/csv").body(EmployeeCsv.HEADER)
                .post("/api/v1/employee-imports").then().statusCode(403);
        given().contentType("text/csv").body(EmployeeCsv.HEADER).post("/api/v1/employee-imports").then().statusCode(401);
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/employee-imports/not-a-uuid").then().statusCode(404);
    }
}
