package id.asn.merit.employee.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.employee.TestClock;
import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.service.HistoryInForceJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static id.asn.merit.employee.history.HistoryFixtures.ANALIS;
import static id.asn.merit.employee.history.HistoryFixtures.DINAS;
import static id.asn.merit.employee.history.HistoryFixtures.KABID;
import static id.asn.merit.employee.history.HistoryFixtures.as;
import static id.asn.merit.employee.history.HistoryFixtures.employee;
import static id.asn.merit.employee.history.HistoryFixtures.nip;
import static id.asn.merit.employee.history.HistoryFixtures.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6, history in force: the current position, rank and education are always the entries in force today;
 * registration and PATCH write entries, and a future-dated entry takes effect on its date (job or read) with its event.
 */
@QuarkusTest
class HistoryInForceTest {
    final ObjectMapper json = new ObjectMapper();

    @Inject
    HistoryInForceJob job;

    @BeforeEach
    void data() {
        HistoryFixtures.ensure();
    }

    @AfterEach
    void backToToday() {
        TestClock.reset();
    }

    static String base(String nip) {
        return "/api/v1/employees/" + nip;
    }

    @Test
    void registrationWritesTheFirstEntriesSoABackDatedOneNeverDowngrades() {
        String nip = nip("1971-05-06", "M", 701);
        as("HR_OFFICER").body(employee(nip, "1971-05-06", "M", "PNS", "IV/a", DINAS, KABID)).post("/api/v1/employees").then().statusCode(201);
        as("ADMIN").get(base(nip) + "/ranks").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].rank", equalTo("IV/a")).body("items[0].effectiveDate", equalTo(today().toString()))
                .body("items[0].inForce", equalTo(true));
        as("ADMIN").get(base(nip) + "/placements").then().body("items.positionCode", contains(KABID)).body("items[0].inForce", equalTo(true));
        as("ADMIN").get(base(nip) + "/educations").then().body("items.level", contains("S1"));

        // the person's earlier career, recorded afterwards, is history: it does not replace what is in force
        as("HR_OFFICER").body(Map.of("rank", "III/b", "effectiveDate", "2010-04-01")).post(base(nip) + "/ranks")
                .then().statusCode(201).body("inForce", equalTo(false));
        as("HR_OFFICER").body(Map.of("positionCode", ANALIS, "effectiveDate", "2012-01-02")).post(base(nip) + "/placements")
                .then().statusCode(201).body("inForce", equalTo(false));
        as("HR_OFFICER").body(Map.of("level", "SMA", "graduatedOn", "1989-06-30")).post(base(nip) + "/educations")
                .then().statusCode(201).body("inForce", equalTo(false));
        as("ADMIN").get(base(nip)).then().body("rank", equalTo("IV/a")).body("positionCode", equalTo(KABID))
                .body("education.level", equalTo("S1"));
    }

    @Test
    void patchWritesAnEntryDatedTodaySoABackDatedOneNeverDowngrades() {
        String nip = nip("1972-05-06", "F", 702);
        as("HR_OFFICER").body(employee(nip, "1972-05-06", "F", "PNS", null, DINAS, null)).post("/api/v1/employees").then().statusCode(201);
        as("HR_OFFICER").body(Map.of("rank", "III/d", "positionCode", ANALIS)).patch(base(nip)).then().statusCode(200)
                .body("rank", equalTo("III/d")).body("positionCode", equalTo(ANALIS));
        as("HR_OFFICER").body(Map.of("rank", "III/a", "effectiveDate", "2005-04-01")).post(base(nip) + "/ranks").then().statusCode(201);
        as("HR_OFFICER").body(Map.of("positionCode", KABID, "effectiveDate", "2015-01-02")).post(base(nip) + "/placements").then().statusCode(201);
        as("ADMIN").get(base(nip)).then().body("rank", equalTo("III/d")).body("positionCode", equalTo(ANALIS));
        as("ADMIN").get(base(nip) + "/ranks").then().body("items.rank", contains("III/d", "III/a"))
                .body("items.effectiveDate", contains(today().toString(), "2005-04-01"));
    }

    @Test
    void aFutureRankTakesEffectOnItsDateThroughTheScheduledJobWithItsEvent() throws Exception {
        String nip = nip("1973-05-06", "M", 703);
        as("HR_OFFICER").body(employee(nip, "1973-05-06", "M", "PNS", "III/c", DINAS, null)).post("/api/v1/employees").then().statusCode(201);
        String tmt = today().plusDays(30).toString();
        as("HR_OFFICER").body(Map.of("rank", "III/d", "effectiveDate", tmt)).post(base(nip) + "/ranks")
                .then().statusCode(201).body("inForce", equalTo(false));
        as("ADMIN").get(base(nip)).then().body("rank", equalTo("III/c"));
        assertEquals("III/c", storedRank(nip), "not before its date");

        TestClock.travelDays(29);
        job.applyAllDue();
        assertEquals("III/c", storedRank(nip), "still the day before");
        TestClock.travelDays(30);
        assertTrue(job.applyAllDue() >= 1);
        assertEquals("III/d", storedRank(nip), "the job applied the rank on its TMT, without any read");
        as("ADMIN").get(base(nip) + "/ranks").then().body("items[0].rank", equalTo("III/d")).body("items[0].inForce", equalTo(true));

        List<ConsumerRecord<String, String>> events = EmployeeEvents.read(nip, 3);
        assertEquals(List.of("asn.employee.registered.v1", "asn.employee.rank-changed.v1", "asn.employee.rank-changed.v1"),
                events.stream().map(r -> EmployeeEvents.header(r, "ce_type")).toList());
        JsonNode applied = json.readTree(events.get(2).value());
        assertEquals("III/d", applied.get("rank").asText());
        assertEquals(tmt, applied.at("/rankChange/effectiveDate").asText());
        as("ADMIN").get("/api/v1/employees/audit?entity=Employee&id=" + nip).then()
                .body("items[0].actor", equalTo("system:history-in-force")).body("items[0].after.rank", equalTo("III/d"));
    }

    @Test
    void aFuturePlacementTakesEffectOnTheFirstReadAfterItsDate() throws Exception {
        String nip = nip("1974-05-06", "F", 704);
        as("HR_OFFICER").body(employee(nip, "1974-05-06", "F", "PNS", "III/b", DINAS, ANALIS)).post("/api/v1/employees").then().statusCode(201);
        String from = today().plusDays(10).toString();
        as("HR_OFFICER").body(Map.of("positionCode", KABID, "effectiveDate", from)).post(base(nip) + "/placements")
                .then().statusCode(201).body("inForce", equalTo(false));
        as("ADMIN").get(base(nip)).then().body("positionCode", equalTo(ANALIS));

        TestClock.travelDays(10);
        as("ADMIN").get(base(nip)).then().statusCode(200).body("positionCode", equalTo(KABID));

        List<ConsumerRecord<String, String>> events = EmployeeEvents.read(nip, 3);
        assertEquals(List.of("asn.employee.registered.v1", "asn.employee.placed.v1", "asn.employee.placed.v1"),
                events.stream().map(r -> EmployeeEvents.header(r, "ce_type")).toList());
        JsonNode applied = json.readTree(events.get(2).value());
        assertEquals(KABID, applied.get("positionCode").asText());
        assertEquals(from, applied.at("/placement/effectiveDate").asText());
        assertTrue(applied.get("version").asLong() > json.readTree(events.get(1).value()).get("version").asLong());
    }

    @Test
    void twoRunsAtOnceAndAReadApplyAnEntryOnce() throws Exception {
        String nip = nip("1975-05-06", "M", 705);
        as("HR_OFFICER").body(employee(nip, "1975-05-06", "M", "PNS", "III/a", DINAS, null)).post("/api/v1/employees").then().statusCode(201);
        as("HR_OFFICER").body(Map.of("rank", "III/b", "effectiveDate", today().plusDays(5).toString())).post(base(nip) + "/ranks")
                .then().statusCode(201);
        TestClock.travelDays(5);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var runs = List.of(pool.submit(() -> job.applyAllDue()), pool.submit(() -> job.applyAllDue()),
                    pool.submit(() -> as("ADMIN").get(base(nip)).then().statusCode(200).extract().path("rank")));
            for (var run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals("III/b", storedRank(nip));
        as("ADMIN").get("/api/v1/employees/audit?entity=Employee&id=" + nip + "&size=500").then()
                .body("items.findAll { it.actor == 'system:history-in-force' }.size()", equalTo(1));
        assertEquals(List.of("asn.employee.registered.v1", "asn.employee.rank-changed.v1", "asn.employee.rank-changed.v1"),
                EmployeeEvents.types(nip, 3));
    }

    static String storedRank(String nip) {
        return QuarkusTransaction.requiringNew().call(() -> Employee.<Employee>findById(nip).rank);
    }
}
