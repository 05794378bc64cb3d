package id.asn.merit.competency.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static id.asn.merit.competency.rest.Competencies.PATH;
import static id.asn.merit.competency.rest.Competencies.as;
import static id.asn.merit.competency.rest.Competencies.teknis;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class CompetencySearchTest {
    private static boolean created;

    /** Given two PEMERINTAHAN competencies, created once (test order is not fixed). */
    private static void ensurePemerintahan() {
        if (created) {
            return;
        }
        Map<String, Object> a = teknis("PS.2");
        a.put("group", "PEMERINTAHAN");
        a.put("name", "Pengelolaan Keuangan Daerah");
        Map<String, Object> b = teknis("PS.1");
        b.put("group", "PEMERINTAHAN");
        b.put("name", "Hubungan Pemerintah Daerah dengan DPRD");
        as("ADMIN").body(a).post(PATH).then().statusCode(201);
        as("ADMIN").body(b).post(PATH).then().statusCode(201);
        created = true;
    }

    @Test
    void filtersByGroupSortedByCode() {
        as("EMPLOYEE").get(PATH + "?group=SOSIAL_KULTURAL").then().statusCode(200)
                .body("total", equalTo(1)).body("items.code", contains("SK.1"));
        ensurePemerintahan();
        as("INTEGRATOR").get(PATH + "?group=PEMERINTAHAN&q=ps.").then().statusCode(200)
                .body("items.code", contains("PS.1", "PS.2")).body("items.group", everyItem(equalTo("PEMERINTAHAN")));
    }

    @Test
    void searchesNameCaseInsensitively() {
        as("ASSESSOR").get(PATH + "?q=KERJA SAMA").then().statusCode(200)
                .body("items.code", contains("M.2")).body("total", equalTo(1));
        // the seeded definitions are searched too: "kerja" is in M.2's name and in the definitions of M.1 and M.6
        as("ASSESSOR").get(PATH + "?q=kerja&group=MANAJERIAL").then().statusCode(200)
                .body("items.code", contains("M.1", "M.2", "M.6"));
        ensurePemerintahan();
        as("ASSESSOR").get(PATH + "?q=keuangan daerah").then().statusCode(200).body("items.code", contains("PS.2"));
        as("ASSESSOR").get(PATH + "?q=100%25").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void pagesAreStableAndCarryTheTotal() {
        as("HR_OFFICER").get(PATH + "?group=MANAJERIAL&page=0&size=3").then().statusCode(200)
                .body("items.code", contains("M.1", "M.2", "M.3")).body("page", equalTo(0)).body("size", equalTo(3)).body("total", equalTo(8));
        as("HR_OFFICER").get(PATH + "?group=MANAJERIAL&page=2&size=3").then().statusCode(200)
                .body("items.code", contains("M.7", "M.8")).body("page", equalTo(2));
        as("HR_OFFICER").get(PATH + "?group=MANAJERIAL&page=9&size=3").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(8));
        as("HR_OFFICER").get(PATH).then().statusCode(200).body("size", equalTo(50)).body("total", greaterThanOrEqualTo(9));
    }

    @Test
    void badPagingAndFiltersNameTheParameter() {
        as("ADMIN").get(PATH + "?size=501").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        as("ADMIN").get(PATH + "?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("ADMIN").get(PATH + "?page=-1").then().statusCode(400).body("errors[0].field", equalTo("page"));
        as("ADMIN").get(PATH + "?group=LAINNYA").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("group"));
        as("ADMIN").get(PATH + "?size=abc").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        as("ADMIN").get(PATH + "?page=first").then().statusCode(400).body("errors[0].field", equalTo("page"));
    }
}
