package id.asn.merit.competency;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class CompetencyApiTest {
    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    static Map<String, Object> teknis(String code, int... levels) {
        List<Map<String, Object>> ls = new java.util.ArrayList<>();
        for (int l : levels) {
            ls.add(Map.of("level", l, "title", "Level " + l, "indicators", List.of("indikator " + l)));
        }
        return new HashMap<>(Map.of("code", code, "group", "TEKNIS", "name", "Pelayanan Perizinan Berusaha", "levels", ls));
    }

    @Test
    void theRegulationDictionaryIsSeeded() {
        as("EMPLOYEE").get("/api/v1/competencies?group=MANAJERIAL").then().statusCode(200)
                .body("total", equalTo(8)).body("items.code", contains("M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8"));
        as("INTEGRATOR").get("/api/v1/competencies/SK.1").then().statusCode(200)
                .body("name", equalTo("Perekat Bangsa")).body("levels", hasSize(5))
                .body("levels[4].title", equalTo("Wakil pemerintah untuk membangun hubungan sosial psikologis"));
        as("ADMIN").get("/api/v1/competencies/M.1").then().body("levels[3].level", equalTo(4));
    }

    @Test
    void anInstansiAddsAndChangesTeknisCompetencies() {
        String etag = as("HR_OFFICER").body(teknis("T.1", 1, 2, 3, 4, 5)).post("/api/v1/competencies")
                .then().statusCode(201).body("levels[0].indicators[0]", equalTo("indikator 1")).extract().header("ETag");
        as("HR_OFFICER").body(teknis("T.1", 1, 2, 3, 4, 5)).post("/api/v1/competencies").then().statusCode(409);
        Map<String, Object> renamed = teknis("T.1", 1, 2, 3, 4, 5);
        renamed.put("name", "Pelayanan Perizinan");
        as("ADMIN").header("If-Match", etag).body(renamed).put("/api/v1/competencies/T.1").then().statusCode(200)
                .body("name", equalTo("Pelayanan Perizinan"));
        as("ADMIN").header("If-Match", etag).body(renamed).put("/api/v1/competencies/T.1").then().statusCode(412);
        as("ADMIN").get("/api/v1/competencies/audit?entity=Competency&id=T.1").then().statusCode(200)
                .body("items.action", contains("UPDATE", "CREATE"));
        as("HR_OFFICER").get("/api/v1/competencies/audit").then().statusCode(403);
    }

    @Test
    void badInputNamesTheField() {
        as("HR_OFFICER").body(teknis("T.2", 1, 2, 3, 3, 5)).post("/api/v1/competencies").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("levels"));
        as("HR_OFFICER").body(teknis("T.3", 1, 2, 3, 4)).post("/api/v1/competencies").then().statusCode(400)
                .body("errors[0].field", equalTo("levels"));
        Map<String, Object> manajerial = teknis("M.9", 1, 2, 3, 4, 5);
        manajerial.put("group", "MANAJERIAL");
        as("HR_OFFICER").body(manajerial).post("/api/v1/competencies").then().statusCode(422).body("errors[0].field", equalTo("group"));
        Map<String, Object> badGroup = teknis("T.4", 1, 2, 3, 4, 5);
        badGroup.put("group", "LAINNYA");
        as("HR_OFFICER").body(badGroup).post("/api/v1/competencies").then().statusCode(400).body("errors[0].field", equalTo("group"));
        as("HR_OFFICER").body(teknis("teknis-1", 1, 2, 3, 4, 5)).post("/api/v1/competencies").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        as("ADMIN").get("/api/v1/competencies?size=501").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("ADMIN").get("/api/v1/competencies/X.1").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void rolesAreEnforced() {
        given().get("/api/v1/competencies").then().statusCode(401).contentType("application/problem+json");
        as("INTEGRATOR").body(teknis("T.5", 1, 2, 3, 4, 5)).post("/api/v1/competencies").then().statusCode(403);
        as("ASSESSOR").body(teknis("T.5", 1, 2, 3, 4, 5)).post("/api/v1/competencies").then().statusCode(403);
        as("ADMIN").body(teknis("T.5", 1, 2, 3, 4, 5)).post("/api/v1/competencies").then().statusCode(201);
    }
}
