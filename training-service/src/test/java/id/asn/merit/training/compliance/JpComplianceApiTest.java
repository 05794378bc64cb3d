package id.asn.merit.training.compliance;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.training.domain.JpCompliance;
import id.asn.merit.training.testing.TrainingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JP compliance through REST on the real PostgreSQL: a unit tree H3R ⊃ H3A ⊃ H3B and an unrelated H3X; people with no,
 * some and enough JP in the closed year 2025 and in the current year; the list, summary, CSV, person detail, forecast,
 * requirement policy and rebuild, and who may call them.
 */
@QuarkusTest
class JpComplianceApiTest {
    static final String BASE = "/api/v1/jp-compliance";
    static final String A1 = "197707072007073301"; // H3R, 22 JP in 2025 (MET), 20 JP this year
    static final String A2 = "197707072007073302"; // H3A, nothing in 2025; 19 JP this year
    static final String A3 = "197707072007073303"; // H3A, PPPK, 8 JP + 30 pending in 2025; nothing this year
    static final String A4 = "197707072007073304"; // H3B, name starts with '=', NKL02 5 JP (cut to 2) + 18 JP in 2025
    static final String A5 = "197707072007073305"; // H3R, RETIRED: never listed
    static final String X1 = "197707072007073306"; // H3X, outside the tree
    static final String R1 = "197707072007073307"; // records only, no replica
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();

    @Inject
    TrainingFixtures fx;

    private static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        fx.unit("H3R", null, "H3R");
        fx.unit("H3A", "H3R", "H3R/H3A");
        fx.unit("H3B", "H3A", "H3R/H3A/H3B");
        fx.unit("H3X", null, "H3X");
        fx.employee(A1, "Ani Satu", "P-H3-1", "PELAKSANA", "H3R", "H3R");
        fx.employee(A2, "Budi Dua", "P-H3-2", "PELAKSANA", "H3A", "H3R/H3A");
        fx.employee(A3, "Citra Tiga", "PPPK", "ACTIVE", "P-H3-3", "PELAKSANA", "H3A", "H3R/H3A");
        fx.employee(A4, "=SUM(A1)", "P-H3-4", "PELAKSANA", "H3B", "H3R/H3A/H3B");
        fx.employee(A5, "Eko Lima", "PNS", "RETIRED", "P-H3-5", "PELAKSANA", "H3R", "H3R");
        fx.employee(X1, "Xena Luar", "P-H3-6", "PELAKSANA", "H3X", "H3X");
        fx.verified(A1, "KL03", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4), "12");
        fx.verified(A1, "KL03", LocalDate.of(2025, 9, 8), LocalDate.of(2025, 9, 10), "10");
        fx.verified(A3, "KL03", LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 1), "8");
        fx.record(A3, "KL03", LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 3), "30", "PENDING", List.of(), null, null);
        fx.verified(A4, "NKL02", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 1), "5");
        fx.verified(A4, "KL03", LocalDate.of(2025, 10, 28), LocalDate.of(2025, 11, 1), "18");
        fx.verified(A5, "KL03", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4), "40");
        fx.verified(X1, "KL03", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4), "40");
        fx.verified(R1, "KL03", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4), "6");
        LocalDate jan1 = LocalDate.of(YEAR, 1, 1);
        fx.verified(A1, "KL03", jan1, jan1, "20");
        fx.verified(A2, "KL03", jan1, jan1, "19");
        loaded = true;
    }

    static String admin() {
        return TestInfra.token("ADMIN");
    }

    @Test
    void aClosedYearListsEveryActiveEmployeeInTheSubtreeWithExactSummary() {
        given().auth().oauth2(TestInfra.token("HR_OFFICER"))
                .get(BASE + "?year=2025&orgUnit=H3R&subtree=true").then().statusCode(200)
                .body("year", equalTo(2025)).body("requirementVersion", notNullValue())
                .body("total", equalTo(4)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items.nip", contains(A1, A2, A3, A4))
                .body("items.status", contains("MET", "NOT_MET", "NOT_MET", "MET"))
                .body("items.status", not(hasItem("AT_RISK")))
                .body("items[0].recognisedJp", equalTo(22.0f)).body("items[0].shortfall", equalTo(0.0f))
                .body("items[0].orgUnitCode", equalTo("H3R")).body("items[0].positionCode", equalTo("P-H3-1"))
                .body("items[0].employmentType", equalTo("PNS"))
                .body("items[1].recognisedJp", equalTo(0.0f)).body("items[1].claimedJp", equalTo(0.0f))
                .body("items[1].requiredJp", equalTo(20.0f)).body("items[1].shortfall", equalTo(20.0f))
                .body("items[2].employmentType", equalTo("PPPK"))
                .body("items[2].recognisedJp", equalTo(8.0f)).body("items[2].claimedJp", equalTo(38.0f))
                .body("items[2].shortfall", equalTo(12.0f))
                .body("items[3].recognisedJp", equalTo(20.0f)).body("items[3].claimedJp", equalTo(23.0f))
                .body("summary.employees", equalTo(4)).body("summary.met", equalTo(2)).body("summary.atRisk", equalTo(0))
                .body("summary.notMet", equalTo(2)).body("summary.percentMet", equalTo(50.0f))
                .body("summary.totalJp", equalTo(50.0f)).body("summary.averageJp", equalTo(12.5f));
        // one unit without its subtree: A1 only (A5 retired)
        given().auth().oauth2(admin()).get(BASE + "?year=2025&orgUnit=H3R").then().statusCode(200)
                .body("items.nip", contains(A1)).body("summary.employees", equalTo(1)).body("summary.percentMet", equalTo(100.0f));
    }

    @Test
    void statusFiltersItemsAndTotalButNotTheSummaryAndPagesAreStable() {
        given().auth().oauth2(admin()).get(BASE + "?year=2025&orgUnit=H3R&subtree=true&status=NOT_MET").then().statusCode(200)
                .body("items.nip", contains(A2, A3)).body("total", equalTo(2))
                .body("summary.employees", equalTo(4)).body("summary.met", equalTo(2));
        given().auth().oauth2(admin()).get(BASE + "?year=2025&orgUnit=H3R&subtree=true&status=AT_RISK").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(0));
        given().auth().oauth2(admin()).get(BASE + "?year=2025&orgUnit=H3R&subtree=true&size=2&page=1").then().statusCode(200)
                .body("items.nip", contains(A3, A4)).body("total", equalTo(4)).body("size", equalTo(2)).body("page", equalTo(1));
        given().auth().oauth2(admin()).get(BASE + "?year=2025&orgUnit=H3R&subtree=true&size=2&page=5").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(4));
        given().auth().oauth2(admin()).get(BASE + "?status=LATE").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().auth().oauth2(admin()).get(BASE + "?year=last").then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(admin()).get(BASE + "?subtree=maybe").then().statusCode(400).body("errors[0].field", equalTo("subtree"));
        given().auth().oauth2(admin()).get(BASE + "?orgUnit=NOPE-H3").then().statusCode(404);
    }

    @Test
    void theCurrentYearJudgesThePaceAsOfToday() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        Response r = given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, "H3R")).get(BASE).then().statusCode(200)
                .body("year", equalTo(YEAR)).body("asOf", equalTo(today.toString())).extract().response();
        List<Map<String, Object>> items = r.jsonPath().getList("items");
        Map<String, String> expected = Map.of(
                A1, JpCompliance.status(new BigDecimal("20"), new BigDecimal("20"), YEAR, today).name(),
                A2, JpCompliance.status(new BigDecimal("20"), new BigDecimal("19"), YEAR, today).name(),
                A3, JpCompliance.status(new BigDecimal("20"), BigDecimal.ZERO, YEAR, today).name(),
                A4, JpCompliance.status(new BigDecimal("20"), BigDecimal.ZERO, YEAR, today).name());
        assertEquals(4, items.size(), items.toString());
        for (Map<String, Object> item : items) {
            assertEquals(expected.get(item.get("nip")), item.get("status"), item.toString());
        }
        assertEquals("MET", expected.get(A1));
        // nobody with 0 JP is MET, and before the last day of the year they are AT_RISK
        if (today.getDayOfYear() < today.lengthOfYear()) {
            assertEquals("AT_RISK", expected.get(A3));
        }
        long atRisk = expected.values().stream().filter("AT_RISK"::equals).count();
        assertEquals(atRisk, r.jsonPath().getLong("summary.atRisk"));
    }

    @Test
    void csvStreamsTheWholeScopeFormulaSafe() {
        Response r = given().auth().oauth2(admin()).accept("text/csv")
                .get(BASE + "?year=2025&orgUnit=H3R&subtree=true&size=1").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .header("Content-Disposition", containsString("jp-compliance-2025.csv"))
                .extract().response();
        String[] lines = r.asString().split("\r\n");
        assertEquals("nip,name,orgUnitCode,positionCode,employmentType,requiredJp,recognisedJp,claimedJp,shortfall,status", lines[0]);
        assertEquals(5, lines.length, r.asString());
        assertEquals(A1 + ",Ani Satu,H3R,P-H3-1,PNS,20.00,22.00,22.00,0.00,MET", lines[1]);
        assertEquals(A3 + ",Citra Tiga,H3A,P-H3-3,PPPK,20.00,8.00,38.00,12.00,NOT_MET", lines[3]);
        assertEquals(A4 + ",'=SUM(A1),H3B,P-H3-4,PNS,20.00,20.00,23.00,0.00,MET", lines[4]);
        // the status filter applies to the CSV too
        String notMet = given().auth().oauth2(admin()).accept("text/csv")
                .get(BASE + "?year=2025&orgUnit=H3R&subtree=true&status=NOT_MET").then().statusCode(200).extract().asString();
        assertEquals(3, notMet.split("\r\n").length, notMet);
        // an INTEGRATOR may export; an EMPLOYEE may not
        given().auth().oauth2(TestInfra.token("INTEGRATOR")).accept("text/csv").get(BASE + "?year=2025&orgUnit=H3X")
                .then().statusCode(200).body(containsString(X1 + ",Xena Luar,H3X"));
        given().auth().oauth2(TestInfra.token("EMPLOYEE", A1, null)).accept("text/csv").get(BASE).then().statusCode(403);
    }

    @Test
    void aPersonsDetailNamesWhatEachCapDid() {
        given().auth().oauth2(admin()).get(BASE + "/" + A4 + "?year=2025").then().statusCode(200)
                .body("nip", equalTo(A4)).body("name", equalTo("=SUM(A1)")).body("orgUnitCode", equalTo("H3B"))
                .body("requiredJp", equalTo(20.0f)).body("recognisedJp", equalTo(20.0f)).body("claimedJp", equalTo(23.0f))
                .body("status", equalTo("MET")).body("year", equalTo(2025))
                .body("records", hasSize(2))
                .body("records[0].methodCode", equalTo("NKL02")).body("records[0].claimedJp", equalTo(5.0f))
                .body("records[0].recognisedJp", equalTo(2.0f)).body("records[0].cut", equalTo("PER_RECORD"))
                .body("records[0].capNote", equalTo("method NKL02 counts at most 2 JP per record"))
                .body("records[0].status", equalTo("VERIFIED")).body("records[0].startDate", equalTo("2025-02-01"))
                .body("records[1].cut", equalTo("NONE")).body("records[1].capNote", nullValue())
                .body("records[1].recognisedJp", equalTo(18.0f)).body("records[1].id", notNullValue());
        given().auth().oauth2(admin()).get(BASE + "/" + A3 + "?year=2025").then().statusCode(200)
                .body("employmentType", equalTo("PPPK")).body("recognisedJp", equalTo(8.0f)).body("claimedJp", equalTo(38.0f))
                .body("shortfall", equalTo(12.0f)).body("status", equalTo("NOT_MET"))
                .body("records.cut", contains("NONE", "NOT_VERIFIED"))
                .body("records[1].status", equalTo("PENDING")).body("records[1].recognisedJp", equalTo(0.0f))
                .body("records[1].capNote", containsString("pending"));
        // a person with no record of the year
        given().auth().oauth2(admin()).get(BASE + "/" + A2 + "?year=2025").then().statusCode(200)
                .body("records", empty()).body("shortfall", equalTo(20.0f)).body("status", equalTo("NOT_MET"));
        // known only by records: answers, with the default requirement
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).get(BASE + "/" + R1 + "?year=2025").then().statusCode(200)
                .body("name", nullValue()).body("employeeStatus", nullValue()).body("recognisedJp", equalTo(6.0f))
                .body("requiredJp", equalTo(20.0f)).body("records", hasSize(1));
        given().auth().oauth2(admin()).get(BASE + "/197707072007079999").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin()).get(BASE + "/not-a-nip").then().statusCode(404);
        given().auth().oauth2(admin()).get(BASE + "/" + A4 + "?year=soon").then().statusCode(400).body("errors[0].field", equalTo("year"));
    }

    @Test
    void whoMayReadAPerson() {
        given().get(BASE + "/" + A3).then().statusCode(401);
        given().auth().oauth2(TestInfra.token("EMPLOYEE", A3, null)).get(BASE + "/" + A3 + "?year=2025").then().statusCode(200)
                .body("recognisedJp", equalTo(8.0f));
        given().auth().oauth2(TestInfra.token("EMPLOYEE", A3, null)).get(BASE + "/" + A1 + "?year=2025").then().statusCode(404);
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, "H3A")).get(BASE + "/" + A4 + "?year=2025").then().statusCode(200);
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, "H3A")).get(BASE + "/" + A1 + "?year=2025").then().statusCode(404);
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, "H3A")).get(BASE + "/" + R1 + "?year=2025").then().statusCode(404);
        given().auth().oauth2(TestInfra.token("INTEGRATOR")).get(BASE + "/" + A1 + "?year=2025").then().statusCode(200)
                .body("recognisedJp", equalTo(22.0f));
        given().auth().oauth2(TestInfra.token("ASSESSOR")).get(BASE + "/" + A1).then().statusCode(403);
    }

    @Test
    void whoMayList() {
        given().get(BASE).then().statusCode(401);
        given().auth().oauth2(TestInfra.token("EMPLOYEE", A1, null)).get(BASE).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token("ASSESSOR")).get(BASE).then().statusCode(403);
        given().auth().oauth2(TestInfra.token("INTEGRATOR")).get(BASE + "?year=2025&orgUnit=H3R&subtree=true").then().statusCode(200)
                .body("total", equalTo(4));
        // a UNIT_HEAD: their subtree by default, a unit inside it, never one outside
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, "H3A")).get(BASE + "?year=2025").then().statusCode(200)
                .body("items.nip", contains(A2, A3, A4)).body("summary.employees", equalTo(3));
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, "H3A")).get(BASE + "?year=2025&orgUnit=H3B").then().statusCode(200)
                .body("items.nip", contains(A4));
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, "H3A")).get(BASE + "?year=2025&orgUnit=H3R").then().statusCode(404);
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, "H3A")).get(BASE + "?year=2025&orgUnit=H3X").then().statusCode(404);
        given().get(BASE + "/forecast").then().statusCode(401);
        given().auth().oauth2(TestInfra.token("EMPLOYEE", A1, null)).get(BASE + "/forecast").then().statusCode(403);
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, "H3A")).get(BASE + "/forecast?year=2025&orgUnit=H3R").then().statusCode(404);
    }

    @Test
    void theForecastOnAPastDayCountsOnlyRecordsEndedByThenWithCaps() {
        // 30 June 2025 is day 181 of 365: A1 12 JP → 24.20 (not short); A2 0 → 20 short; A3 8 → 16.13, 3.87 short;
        // A4 only the mentoring record, cut to 2 JP → 4.03, 15.97 short (5 JP uncut would have projected 10.08)
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).get(BASE + "/forecast?year=2025&asOf=2025-06-30&orgUnit=H3R&subtree=true")
                .then().statusCode(200)
                .body("asOf", equalTo("2025-06-30")).body("year", equalTo(2025))
                .body("items.nip", contains(A2, A4, A3))
                .body("items.expectedShortfall", contains(20.0f, 15.97f, 3.87f))
                .body("items[1].recognisedJp", equalTo(2.0f)).body("items[1].projectedJp", equalTo(4.03f))
                .body("items[1].requiredJp", equalTo(20.0f)).body("items[1].name", equalTo("=SUM(A1)"))
                .body("items[2].projectedJp", equalTo(16.13f)).body("items[2].orgUnitCode", equalTo("H3A"))
                .body("total", equalTo(3))
                .body("summary.employees", equalTo(4)).body("summary.expectedShort", equalTo(3))
                .body("summary.totalExpectedShortfall", equalTo(39.84f));
        given().auth().oauth2(admin()).get(BASE + "/forecast?year=2025&asOf=2025-06-30&orgUnit=H3R&subtree=true&size=1&page=1")
                .then().statusCode(200).body("items.nip", contains(A4)).body("total", equalTo(3));
        // a year that has ended, by default on its last day: who ended short
        given().auth().oauth2(admin()).get(BASE + "/forecast?year=2025&orgUnit=H3R&subtree=true").then().statusCode(200)
                .body("asOf", equalTo("2025-12-31")).body("items.nip", contains(A2, A3))
                .body("items.expectedShortfall", contains(20.0f, 12.0f));
        given().auth().oauth2(admin()).get(BASE + "/forecast?year=2025&asOf=2026-01-10").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        given().auth().oauth2(admin()).get(BASE + "/forecast?asOf=yesterday").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().auth().oauth2(admin()).get(BASE + "/forecast?year=" + (YEAR + 1)).then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void theForecastOfTodayReadsTheLedger() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        BigDecimal a2 = JpCompliance.projectedJp(new BigDecimal("19.00"), YEAR, today);
        Response r = given().auth().oauth2(TestInfra.token("INTEGRATOR")).get(BASE + "/forecast?orgUnit=H3R&subtree=true")
                .then().statusCode(200).body("asOf", equalTo(today.toString()))
                .body("items.nip", hasItem(A3)).body("items.nip", not(hasItem(A1)))
                .body("items.expectedShortfall", everyItem(greaterThanOrEqualTo(0.01f))).extract().response();
        List<String> nips = r.jsonPath().getList("items.nip");
        assertEquals(a2.compareTo(new BigDecimal("20")) < 0, nips.contains(A2), "A2 projected " + a2);
        assertEquals(A3, nips.get(0));
    }

    @Test
    void literalPathsWinOverTheNip() {
        given().auth().oauth2(TestInfra.token("EMPLOYEE", A1, null)).get(BASE + "/policy").then().statusCode(200)
                .body("version", notNullValue()).body("required.PNS", notNullValue()).header("ETag", notNullValue());
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, "H3A")).get(BASE + "/policy/history").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1)).body("items[0].version", notNullValue());
        given().auth().oauth2(admin()).get(BASE + "/forecast?year=2025&orgUnit=H3X").then().statusCode(200)
                .body("summary.employees", equalTo(1));
        given().get(BASE + "/policy").then().statusCode(401);
        given().auth().oauth2(TestInfra.token("ASSESSOR")).get(BASE + "/policy").then().statusCode(403);
    }

    @Test
    void aNewRequirementVersionChangesTheListAndStaleWritesAreRefused() {
        Response current = given().auth().oauth2(admin()).get(BASE + "/policy").then().statusCode(200).extract().response();
        int v = current.jsonPath().getInt("version");
        assertEquals("\"" + v + "\"", current.header("ETag"));
        try {
            given().auth().oauth2(admin()).contentType("application/json").header("If-Match", "\"" + v + "\"")
                    .body("{\"required\":{\"PNS\":20,\"CPNS\":20,\"PPPK\":24},\"defaultJp\":20,\"reason\":\"PPPK 24 JP\"}")
                    .put(BASE + "/policy").then().statusCode(200)
                    .header("ETag", equalTo("\"" + (v + 1) + "\"")).body("version", equalTo(v + 1))
                    .body("required.PPPK", equalTo(24)).body("reason", equalTo("PPPK 24 JP")).body("changedBy", notNullValue());
            given().auth().oauth2(admin()).get(BASE + "?year=2025&orgUnit=H3A").then().statusCode(200)
                    .body("requirementVersion", equalTo(v + 1))
                    .body("items.nip", contains(A2, A3))
                    .body("items[1].requiredJp", equalTo(24.0f)).body("items[1].shortfall", equalTo(16.0f))
                    .body("items[0].requiredJp", equalTo(20.0f));
            given().auth().oauth2(admin()).get(BASE + "/" + A3 + "?year=2025").then().body("requiredJp", equalTo(24.0f));
            given().auth().oauth2(admin()).get(BASE + "/policy/history").then().statusCode(200)
                    .body("items[0].version", equalTo(v + 1)).body("items[1].version", equalTo(v))
                    .body("items[0].required.PPPK", equalTo(24));
            // stale If-Match
            given().auth().oauth2(admin()).contentType("application/json").header("If-Match", "\"" + v + "\"")
                    .body("{\"required\":{\"PNS\":20},\"defaultJp\":20}").put(BASE + "/policy").then().statusCode(412)
                    .contentType("application/problem+json");
            // rules, named
            given().auth().oauth2(admin()).contentType("application/json")
                    .body("{\"required\":{\"PNS\":0,\"HONORER\":20},\"defaultJp\":-1}").put(BASE + "/policy").then().statusCode(422)
                    .body("errors.field", hasItem("required.HONORER")).body("errors.field", hasItem("required.PNS"))
                    .body("errors.field", hasItem("defaultJp"));
            given().auth().oauth2(admin()).contentType("application/json").body("{\"required\":{\"PNS\":\"many\"},\"defaultJp\":20}")
                    .put(BASE + "/policy").then().statusCode(400).contentType("application/problem+json");
            given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType("application/json")
                    .body("{\"required\":{\"PNS\":20},\"defaultJp\":20}").put(BASE + "/policy").then().statusCode(403);
            given().contentType("application/json").body("{\"required\":{\"PNS\":20},\"defaultJp\":20}")
                    .put(BASE + "/policy").then().statusCode(401);
            // audited
            given().auth().oauth2(admin()).get("/api/v1/training-records/audit?entity=JpRequirementPolicy&id=" + (v + 1))
                    .then().statusCode(200).body("items[0].action", equalTo("UPDATE"));
        } finally {
            int now = given().auth().oauth2(admin()).get(BASE + "/policy").then().extract().jsonPath().getInt("version");
            given().auth().oauth2(admin()).contentType("application/json").header("If-Match", "\"" + now + "\"")
                    .body("{\"required\":{\"PNS\":20,\"CPNS\":20,\"PPPK\":20},\"defaultJp\":20,\"reason\":\"back to 20\"}")
                    .put(BASE + "/policy").then().statusCode(200);
        }
        given().auth().oauth2(admin()).get(BASE + "?year=2025&orgUnit=H3A").then().body("items[1].requiredJp", equalTo(20.0f));
    }

    @Test
    void rebuildQueuesEveryPersonYearWithRecords() {
        given().post(BASE + "/rebuild").then().statusCode(401);
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).post(BASE + "/rebuild").then().statusCode(403);
        int queued = given().auth().oauth2(admin()).post(BASE + "/rebuild").then().statusCode(202)
                .contentType("application/json").extract().jsonPath().getInt("queued");
        assertTrue(queued >= 0);
        given().auth().oauth2(admin()).get("/api/v1/training-records/audit?entity=JpLedger").then().statusCode(200)
                .body("items[0].action", equalTo("REBUILD"));
        // the ledger drains back to the same figures
        given().auth().oauth2(admin()).get(BASE + "?year=2025&orgUnit=H3R&subtree=true").then().statusCode(200)
                .body("summary.totalJp", equalTo(50.0f));
    }
}
