package id.asn.merit.employee.rest;

import id.asn.merit.devinfra.TestInfra;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static id.asn.merit.employee.rest.EmployeeApiTest.as;
import static id.asn.merit.employee.rest.EmployeeApiTest.employee;
import static id.asn.merit.employee.rest.EmployeeApiTest.ensureUnit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The employee list of issue 10: read as rows, paged from the filter's first match, total counted once per filter and
 * reused while nothing was written (docs/architecture.md, "The employee list").
 */
@QuarkusTest
public class EmployeeListApiTest {
    static final String ROOT = "LISTROOT";
    static final String UNIT = "LIST-A";
    /** '_' is a LIKE wildcard: a subtree query by path must take it literally. */
    static final String UNDERSCORE = "LIST_B";
    static final String LOOKALIKE = "LISTXB";
    static final String LOOKALIKE_CHILD = "LISTXB-1";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void tree() {
        ensureUnit(ROOT, null, "INSTANSI", "Pemerintah List");
        ensureUnit(UNIT, ROOT, "PERANGKAT_DAERAH", "Dinas List A");
        ensureUnit(UNDERSCORE, ROOT, "PERANGKAT_DAERAH", "Dinas List B");
        ensureUnit(LOOKALIKE, ROOT, "PERANGKAT_DAERAH", "Dinas List X");
        ensureUnit(LOOKALIKE_CHILD, LOOKALIKE, "BIDANG", "Bidang List X 1");
    }

    /** A valid PNS NIP born 1979-11-{day}, TMT 2005-11, male, the given serial. */
    static String nip(int day, int serial) {
        return String.format("197911%02d200511%d%03d", day, 1, serial);
    }

    static void register(String nip, String name, String unit) {
        int day = Integer.parseInt(nip.substring(6, 8));
        as("HR_OFFICER").body(employee(nip, name, "M", String.format("1979-11-%02d", day), "PNS", "III/b", unit))
                .post("/api/v1/employees").then().statusCode(201);
    }

    static void registerOnce(String nip, String name, String unit) {
        if (as("ADMIN").get("/api/v1/employees/" + nip).statusCode() == 404) {
            register(nip, name, unit);
        }
    }

    @Test
    void equalNamesArePagedByNipWithoutGapsOrRepeats() {
        List<String> nips = new ArrayList<>();
        // registered out of NIP order, all with one name, with other names around them
        for (int serial : new int[] {7, 3, 5, 1, 6, 2, 4}) {
            String nip = nip(1, serial);
            registerOnce(nip, "Sama Nama Pagingcase", UNIT);
            nips.add(nip);
        }
        registerOnce(nip(1, 20), "Aaa Pagingcase", UNIT);
        registerOnce(nip(1, 21), "Zzz Pagingcase", UNIT);
        nips.sort(String::compareTo);
        List<String> expected = new ArrayList<>();
        expected.add(nip(1, 20));
        expected.addAll(nips);
        expected.add(nip(1, 21));

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            JsonPath body = as("ADMIN").get("/api/v1/employees?orgUnit=" + ROOT + "&subtree=true&q=pagingcase&size=3&page=" + page)
                    .then().statusCode(200).body("total", equalTo(9)).body("page", equalTo(page)).body("size", equalTo(3))
                    .extract().jsonPath();
            seen.addAll(body.getList("items.nip", String.class));
        }
        assertEquals(expected, seen, "name then NIP, every person exactly once across the pages");
        // the same pages again (now from the counted first match) answer the same
        as("ADMIN").get("/api/v1/employees?orgUnit=" + ROOT + "&subtree=true&q=pagingcase&size=3&page=1").then()
                .body("items.nip", contains(expected.subList(3, 6).toArray()));
    }

    /** At most 8 matches (the test profile's kept-matches): the matches are kept with the total and paged by NIP. */
    @Test
    void aFilterWhoseMatchesAreKeptPagesTheSameWay() {
        List<String> same = new ArrayList<>();
        for (int serial : new int[] {5, 2, 4, 1, 3}) {
            String nip = nip(7, serial);
            registerOnce(nip, "Sama Nama Keptcase", UNIT);
            same.add(nip);
        }
        registerOnce(nip(7, 20), "Aaa Keptcase", UNDERSCORE);
        registerOnce(nip(7, 21), "Zzz Keptcase", UNIT);
        registerOnce(nip(7, 22), "Mmm Keptcase", LOOKALIKE_CHILD);
        same.sort(String::compareTo);
        List<String> expected = new ArrayList<>();
        expected.add(nip(7, 20));
        expected.add(nip(7, 22));
        expected.addAll(same);
        expected.add(nip(7, 21));

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            seen.addAll(as("ADMIN").get("/api/v1/employees?orgUnit=" + ROOT + "&subtree=true&q=keptcase&size=3&page=" + page)
                    .then().statusCode(200).body("total", equalTo(8)).extract().jsonPath().getList("items.nip", String.class));
        }
        assertEquals(expected, seen, "name then NIP, every person exactly once across the pages");
        as("ADMIN").get("/api/v1/employees?orgUnit=" + ROOT + "&subtree=true&q=keptcase&size=3&page=3").then().statusCode(200)
                .body("total", equalTo(8)).body("items.size()", equalTo(0));
        // a subtree's kept matches are the subtree's only
        as("ADMIN").get("/api/v1/employees?orgUnit=" + LOOKALIKE + "&subtree=true&q=keptcase").then().statusCode(200)
                .body("total", equalTo(1)).body("items.nip", contains(nip(7, 22)));
        // a ninth match: more than are kept, so the same filter is now looked for page by page, with the same answer
        registerOnce(nip(7, 23), "Zzzz Keptcase", UNIT);
        expected.add(nip(7, 23));
        seen.clear();
        for (int page = 0; page < 3; page++) {
            seen.addAll(as("ADMIN").get("/api/v1/employees?orgUnit=" + ROOT + "&subtree=true&q=keptcase&size=3&page=" + page)
                    .then().statusCode(200).body("total", equalTo(9)).extract().jsonPath().getList("items.nip", String.class));
        }
        assertEquals(expected, seen);
    }

    /** A kept filter's pages follow a rename done behind the service's back, like its total does. */
    @Test
    void keptMatchesFollowAWriteBehindTheServicesBack() throws Exception {
        registerOnce(nip(8, 1), "Bartolomeus Keptside", UNIT);
        registerOnce(nip(8, 2), "Yohanes Keptside", UNIT);
        as("ADMIN").get("/api/v1/employees?q=keptside").then().body("items.nip", contains(nip(8, 1), nip(8, 2)));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("update employee set name = ? where nip = ?")) {
            ps.setString(1, "Andreas Keptside");
            ps.setString(2, nip(8, 2));
            ps.executeUpdate();
        }
        as("ADMIN").get("/api/v1/employees?q=keptside").then().body("items.nip", contains(nip(8, 2), nip(8, 1)))
                .body("items[0].name", equalTo("Andreas Keptside"));
    }

    @Test
    void aListItemIsWhatReadingThePersonAnswers() {
        String nip = nip(2, 1);
        registerOnce(nip, "Yakob Itemshape", UNIT);
        Map<String, Object> one = as("ADMIN").get("/api/v1/employees/" + nip).then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> item = as("ADMIN").get("/api/v1/employees?q=itemshape").then().statusCode(200).body("total", equalTo(1))
                .extract().jsonPath().getMap("items[0]");
        assertEquals(one, item);
        Map<String, Object> summary = as("INTEGRATOR").get("/api/v1/employees?q=itemshape").then().statusCode(200)
                .extract().jsonPath().getMap("items[0]");
        assertEquals(as("INTEGRATOR").get("/api/v1/employees/" + nip).then().statusCode(200).extract().jsonPath().getMap(""), summary,
                "an INTEGRATOR's item is the summary an INTEGRATOR reads of one person");
        assertEquals("Yakob Itemshape", summary.get("name"));
        assertEquals(null, summary.get("birthDate"));
    }

    @Test
    void totalFollowsAWriteThroughTheService() {
        register(nip(3, 1), "Markus Countcase", UNIT);
        as("ADMIN").get("/api/v1/employees?q=countcase").then().body("total", equalTo(1));
        as("ADMIN").get("/api/v1/employees?q=countcase").then().body("total", equalTo(1)); // counted once, reused
        register(nip(3, 2), "Lukas Countcase", UNIT);
        as("ADMIN").get("/api/v1/employees?q=countcase").then().body("total", equalTo(2))
                .body("items.nip", contains(nip(3, 2), nip(3, 1)));
    }

    @Test
    void totalAndFirstMatchFollowAWriteBehindTheServicesBack() throws Exception {
        register(nip(4, 1), "Matius Sidedoor", UNIT);
        register(nip(4, 2), "Nikolas Sidedoor", UNIT);
        as("ADMIN").get("/api/v1/employees?q=sidedoor&size=1").then().body("total", equalTo(2)).body("items.nip", contains(nip(4, 1)));
        // an operator's (or an import's, or another replica's) SQL: a name before the first match counted so far,
        // and one more match; nothing in this instance saw it happen
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("update employee set name = ? where nip = ?")) {
            ps.setString(1, "Abraham Sidedoor");
            ps.setString(2, nip(4, 2));
            ps.executeUpdate();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into employee (nip, name, gender, birth_date, employment_type, org_unit_code, status)"
                        + " values (?, 'Yusuf Sidedoor', 'M', date '1979-11-04', 'PNS', ?, 'ACTIVE')")) {
            ps.setString(1, nip(4, 3));
            ps.setString(2, UNIT);
            ps.executeUpdate();
        }
        as("ADMIN").get("/api/v1/employees?q=sidedoor&size=1").then().body("total", equalTo(3)).body("items.nip", contains(nip(4, 2)));
        as("ADMIN").get("/api/v1/employees?q=sidedoor&size=5").then().body("items.name",
                contains("Abraham Sidedoor", "Matius Sidedoor", "Yusuf Sidedoor"));
    }

    @Test
    void aSubtreeTakesAnUnderscoreInAUnitCodeLiterally() {
        registerOnce(nip(5, 1), "Petrus Wildcard", LOOKALIKE_CHILD); // path LISTROOT/LISTXB/LISTXB-1
        registerOnce(nip(5, 2), "Paulus Wildcard", UNDERSCORE);
        as("ADMIN").get("/api/v1/employees?orgUnit=" + UNDERSCORE + "&subtree=true&q=wildcard").then().statusCode(200)
                .body("total", equalTo(1)).body("items.nip", contains(nip(5, 2)));
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, UNDERSCORE)).get("/api/v1/employees?q=wildcard").then()
                .statusCode(200).body("total", equalTo(1)).body("items.nip", contains(nip(5, 2)));
        as("ADMIN").get("/api/v1/employees?orgUnit=" + LOOKALIKE + "&subtree=true&q=wildcard").then()
                .body("total", equalTo(1)).body("items.nip", contains(nip(5, 1)));
    }

    @Test
    void aPageBeyondTheLastIsEmptyWithTheTotal() {
        registerOnce(nip(6, 1), "Simon Beyondcase", UNIT);
        as("ADMIN").get("/api/v1/employees?q=beyondcase&page=3&size=10").then().statusCode(200)
                .body("total", equalTo(1)).body("items.size()", equalTo(0));
        as("ADMIN").get("/api/v1/employees?q=nobody-is-called-this").then().statusCode(200)
                .body("total", equalTo(0)).body("items.size()", equalTo(0));
    }
}
