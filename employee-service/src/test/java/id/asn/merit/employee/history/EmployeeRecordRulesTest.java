package id.asn.merit.employee.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static id.asn.merit.employee.history.HistoryFixtures.ANALIS;
import static id.asn.merit.employee.history.HistoryFixtures.DINAS;
import static id.asn.merit.employee.history.HistoryFixtures.KABID;
import static id.asn.merit.employee.history.HistoryFixtures.OTHER;
import static id.asn.merit.employee.history.HistoryFixtures.OTHER_POSITION;
import static id.asn.merit.employee.history.HistoryFixtures.as;
import static id.asn.merit.employee.history.HistoryFixtures.employee;
import static id.asn.merit.employee.history.HistoryFixtures.nip;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 6: unknown or mismatched positions are a 422 naming positionCode; CPNS → PNS is the one type change the NIP permits. */
@QuarkusTest
class EmployeeRecordRulesTest {
    @BeforeEach
    void data() {
        HistoryFixtures.ensure();
    }

    @Test
    void registerRefusesAnUnknownPositionAndOneOfAnotherUnit() {
        String nip = nip("1975-07-08", "M", 711);
        as("HR_OFFICER").body(employee(nip, "1975-07-08", "M", "PNS", "III/c", DINAS, "HIF-NO-SUCH-POSITION"))
                .post("/api/v1/employees").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("positionCode"));
        as("HR_OFFICER").body(employee(nip, "1975-07-08", "M", "PNS", "III/c", DINAS, OTHER_POSITION))
                .post("/api/v1/employees").then().statusCode(422).body("errors[0].field", equalTo("positionCode"))
                .body("errors[0].message", equalTo("position HIF-OTHER-KABID belongs to org unit HIF-OTHER, not HIF-DINAS"));
        as("ADMIN").get("/api/v1/employees/" + nip).then().statusCode(404);
        as("HR_OFFICER").body(employee(nip, "1975-07-08", "M", "PNS", "III/c", DINAS, KABID)).post("/api/v1/employees").then().statusCode(201);
    }

    @Test
    void patchRefusesAnUnknownPositionAndOneOfAnotherUnit() {
        String nip = nip("1976-07-08", "F", 712);
        as("HR_OFFICER").body(employee(nip, "1976-07-08", "F", "PNS", "III/c", DINAS, ANALIS)).post("/api/v1/employees").then().statusCode(201);
        String base = "/api/v1/employees/" + nip;
        as("HR_OFFICER").body(Map.of("positionCode", "HIF-NO-SUCH-POSITION")).patch(base).then().statusCode(422)
                .body("errors[0].field", equalTo("positionCode"));
        as("HR_OFFICER").body(Map.of("positionCode", OTHER_POSITION, "orgUnitCode", DINAS)).patch(base).then().statusCode(422)
                .body("errors[0].field", equalTo("positionCode"));
        // moving to another unit while holding a position of this one
        as("HR_OFFICER").body(Map.of("orgUnitCode", OTHER)).patch(base).then().statusCode(422).body("errors[0].field", equalTo("positionCode"));
        // a position alone brings its unit
        as("HR_OFFICER").body(Map.of("positionCode", OTHER_POSITION)).patch(base).then().statusCode(200)
                .body("positionCode", equalTo(OTHER_POSITION)).body("orgUnitCode", equalTo(OTHER));
    }

    @Test
    void aCpnsIsAppointedPnsAuditedWithItsEventAndOtherChangesAreRefused() throws Exception {
        String nip = nip("1995-02-14", "F", 713);
        as("HR_OFFICER").body(employee(nip, "1995-02-14", "F", "CPNS", "III/a", DINAS, null)).post("/api/v1/employees").then().statusCode(201);
        String base = "/api/v1/employees/" + nip;
        as("HR_OFFICER").body(Map.of("employmentType", "PPPK")).patch(base).then().statusCode(422)
                .body("errors[0].field", equalTo("employmentType"));
        as("HR_OFFICER").body(Map.of("employmentType", "PNS")).patch(base).then().statusCode(200)
                .body("employmentType", equalTo("PNS")).body("rank", equalTo("III/a"));
        as("ADMIN").get(base).then().body("employmentType", equalTo("PNS"));
        as("HR_OFFICER").body(Map.of("employmentType", "CPNS")).patch(base).then().statusCode(422)
                .body("errors[0].field", equalTo("employmentType"));
        as("HR_OFFICER").body(Map.of("gender", "M")).patch(base).then().statusCode(422).body("errors[0].field", equalTo("gender"));
        as("HR_OFFICER").body(Map.of("birthDate", "1995-02-15")).patch(base).then().statusCode(422).body("errors[0].field", equalTo("birthDate"));
        as("HR_OFFICER").body(Map.of("gender", "F", "birthDate", "1995-02-14", "employmentType", "PNS")).patch(base).then().statusCode(200);

        as("ADMIN").get("/api/v1/employees/audit?entity=Employee&id=" + nip).then()
                .body("items.before.employmentType", hasItem("CPNS")).body("items.after.employmentType", hasItem("PNS"));
        List<ConsumerRecord<String, String>> events = EmployeeEvents.read(nip, 2);
        assertEquals("asn.employee.updated.v1", EmployeeEvents.header(events.get(1), "ce_type"));
        assertEquals("PNS", new ObjectMapper().readTree(events.get(1).value()).get("employmentType").asText());
    }
}
