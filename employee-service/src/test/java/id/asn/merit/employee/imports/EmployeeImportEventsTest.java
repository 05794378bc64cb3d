package id.asn.merit.employee.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.employee.history.EmployeeEvents;
import id.asn.merit.employee.history.HistoryFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static id.asn.merit.employee.history.HistoryFixtures.DINAS;
import static id.asn.merit.employee.history.HistoryFixtures.KABID;
import static id.asn.merit.employee.history.HistoryFixtures.ROOT;
import static id.asn.merit.employee.history.HistoryFixtures.nip;
import static id.asn.merit.employee.imports.EmployeeImportApiTest.awaitDone;
import static id.asn.merit.employee.imports.EmployeeImportApiTest.start;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 10: the import writes its audit entries and events with COPY now; what consumers and auditors read must not
 * change. The JSON is pinned to the text the former per-row path wrote, and an imported person's event carries the
 * same data as a person registered through the API ({@code rankSince} aside, which an import leaves out).
 */
@QuarkusTest
class EmployeeImportEventsTest {
    static final String HEADER = EmployeeImportRulesTest.HEADER;
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void data() {
        HistoryFixtures.ensure();
    }

    @Test
    void anImportedEmployeesEventsAndAuditEntriesAreThoseOfTheFormerPath() throws Exception {
        String nip = nip("1984-07-08", "M", 861);
        String row = nip + ",Pegawai 861,M,1984-07-08,PNS,III/b," + KABID + "," + DINAS + ",S1,Hukum,";
        awaitDone(start("text/csv", HEADER + "\n" + row + "\n")).body("created", equalTo(1));
        // a second file with a backslash and quotes in the name (a control character would be a row error): COPY's
        // escaping must not show
        awaitDone(start("text/csv", HEADER + "\n" + row.replace("Pegawai 861", "\"Pegawai 861 \\N \\ \"\"Q\"\"\"") + "\n"))
                .body("updated", equalTo(1));

        List<ConsumerRecord<String, String>> events = EmployeeEvents.read(nip, 2);
        assertEquals("{\"nip\":\"" + nip + "\",\"name\":\"Pegawai 861\",\"gender\":\"M\",\"birthDate\":\"1984-07-08\","
                + "\"employmentType\":\"PNS\",\"rank\":\"III/b\",\"positionCode\":\"" + KABID + "\",\"educationLevel\":\"S1\","
                + "\"positionType\":\"ADMINISTRATOR\",\"orgUnitCode\":\"" + DINAS + "\",\"orgUnitPath\":[\"" + ROOT + "\",\"" + DINAS + "\"],"
                + "\"status\":\"ACTIVE\",\"version\":0}", events.get(0).value());
        assertEquals("{\"nip\":\"" + nip + "\",\"name\":\"Pegawai 861 \\\\N \\\\ \\\"Q\\\"\",\"gender\":\"M\",\"birthDate\":\"1984-07-08\","
                + "\"employmentType\":\"PNS\",\"rank\":\"III/b\",\"positionCode\":\"" + KABID + "\",\"educationLevel\":\"S1\","
                + "\"positionType\":\"ADMINISTRATOR\",\"orgUnitCode\":\"" + DINAS + "\",\"orgUnitPath\":[\"" + ROOT + "\",\"" + DINAS + "\"],"
                + "\"status\":\"ACTIVE\",\"version\":1}", events.get(1).value());
        assertEquals(List.of("asn.employee.registered.v1", "asn.employee.updated.v1"),
                events.stream().map(r -> EmployeeEvents.header(r, "ce_type")).toList());
        for (ConsumerRecord<String, String> r : events) {
            assertEquals(nip, r.key());
            assertEquals(nip, EmployeeEvents.header(r, "ce_subject"));
            assertEquals("/employee-service", EmployeeEvents.header(r, "ce_source"));
            assertEquals("1.0", EmployeeEvents.header(r, "ce_specversion"));
            assertNotNull(EmployeeEvents.header(r, "ce_id"));
            assertNotNull(EmployeeEvents.header(r, "ce_time"));
        }

        List<String[]> audit = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select action, actor, before_json, after_json from audit_entry where entity = 'Employee' and entity_id = ? order by id")) {
            ps.setString(1, nip);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    audit.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        assertEquals(2, audit.size());
        assertEquals("IMPORT_CREATE", audit.get(0)[0]);
        assertNull(audit.get(0)[2]);
        assertEquals("{\"nip\":\"" + nip + "\",\"name\":\"Pegawai 861\",\"gender\":\"M\",\"birthDate\":\"1984-07-08\","
                + "\"employmentType\":\"PNS\",\"rank\":\"III/b\",\"positionCode\":\"" + KABID + "\",\"orgUnitCode\":\"" + DINAS + "\","
                + "\"educationLevel\":\"S1\",\"educationField\":\"Hukum\",\"status\":\"ACTIVE\",\"tmtCpns\":null,\"version\":0}", audit.get(0)[3]);
        assertEquals("IMPORT_UPDATE", audit.get(1)[0]);
        assertEquals("Pegawai 861", JSON.readTree(audit.get(1)[2]).get("name").asText(), "before: the stored row");
        assertEquals("Pegawai 861 \\N \\ \"Q\"", JSON.readTree(audit.get(1)[3]).get("name").asText());
        assertEquals(audit.get(0)[1], audit.get(1)[1]);

        // a new NIP goes in by COPY: the same escaping holds there, and an empty cell is null, not the text \N
        String copied = nip("1984-07-09", "M", 862);
        awaitDone(start("text/csv", HEADER + "\n" + copied + ",\"Pegawai 862 \\N \\ \"\"Q\"\"\",M,1984-07-09,PNS,III/b,," + DINAS + ",,,\n"))
                .body("created", equalTo(1));
        io.restassured.RestAssured.given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/employees/" + copied).then()
                .statusCode(200).body("name", equalTo("Pegawai 862 \\N \\ \"Q\"")).body("rank", equalTo("III/b"))
                .body("positionCode", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anImportedEmployeesEventCarriesWhatARegisteredOnesDoes() throws Exception {
        String registered = nip("1985-08-09", "F", 871);
        HistoryFixtures.as("HR_OFFICER").body(HistoryFixtures.employee(registered, "1985-08-09", "F", "PNS", "III/c", DINAS, KABID))
                .post("/api/v1/employees").then().statusCode(201);
        String imported = nip("1985-08-09", "F", 872);
        awaitDone(start("text/csv", HEADER + "\n" + imported + ",Pegawai " + imported + ",F,1985-08-09,PNS,III/c," + KABID + "," + DINAS
                + ",S1,Administrasi Negara,\n")).body("created", equalTo(1));

        ObjectNode viaApi = (ObjectNode) JSON.readTree(EmployeeEvents.read(registered, 1).get(0).value());
        ConsumerRecord<String, String> viaImport = EmployeeEvents.read(imported, 1).get(0);
        viaApi.remove("rankSince");
        viaApi.put("nip", imported).put("name", "Pegawai " + imported);
        assertEquals(viaApi, JSON.readTree(viaImport.value()));
        assertEquals("asn.employee.registered.v1", EmployeeEvents.header(viaImport, "ce_type"));
        io.restassured.RestAssured.given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/employees/" + imported).then()
                .statusCode(200).body("positionCode", equalTo(KABID));
    }
}
