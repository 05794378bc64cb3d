package id.asn.merit.employee.rest;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class OrgUnitApiTest {
    static io.restassured.specification.RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    @Test
    void renameMoveCloseAndDelete() {
        EmployeeApiTest.ensureUnit("OU-ROOT", null, "INSTANSI", "Pemerintah Kota");
        EmployeeApiTest.ensureUnit("OU-A", "OU-ROOT", "PERANGKAT_DAERAH", "Dinas A");
        EmployeeApiTest.ensureUnit("OU-B", "OU-ROOT", "PERANGKAT_DAERAH", "Dinas B");
        EmployeeApiTest.ensureUnit("OU-A-BID", "OU-A", "BIDANG", "Bidang");
        EmployeeApiTest.ensureUnit("OU-A-SEK", "OU-A-BID", "SEKSI", "Seksi");

        String etag = as("ADMIN").get("/api/v1/org-units/OU-A-BID").then().statusCode(200).extract().header("ETag");
        as("HR_OFFICER").header("If-Match", etag).body(Map.of("name", "Bidang Baru", "parentCode", "OU-B"))
                .patch("/api/v1/org-units/OU-A-BID").then().statusCode(200)
                .body("name", equalTo("Bidang Baru")).body("path", contains("OU-ROOT", "OU-B", "OU-A-BID"));
        as("ADMIN").get("/api/v1/org-units/OU-A-SEK").then().body("path", contains("OU-ROOT", "OU-B", "OU-A-BID", "OU-A-SEK"));
        as("ADMIN").get("/api/v1/org-units/OU-B/subtree").then().body("items.code", contains("OU-B", "OU-A-BID", "OU-A-SEK"));
        as("HR_OFFICER").header("If-Match", etag).body(Map.of("name", "Stale"))
                .patch("/api/v1/org-units/OU-A-BID").then().statusCode(412);
        as("HR_OFFICER").body(Map.of("parentCode", "OU-A-SEK")).patch("/api/v1/org-units/OU-A-BID")
                .then().statusCode(400).body("errors[0].field", equalTo("parentCode"));

        // an active employee in the subtree blocks closing and deleting
        as("HR_OFFICER").body(EmployeeApiTest.employee("198906062014021001", "Seksi Staff", "M", "1989-06-06", "PNS", "II/d", "OU-A-SEK"))
                .post("/api/v1/employees").then().statusCode(201);
        as("HR_OFFICER").body(Map.of("active", false)).patch("/api/v1/org-units/OU-B").then().statusCode(409)
                .contentType("application/problem+json");
        as("HR_OFFICER").delete("/api/v1/org-units/OU-A-SEK").then().statusCode(409);
        // an empty unit closes, and a never-used one can be deleted
        as("HR_OFFICER").body(Map.of("active", false)).patch("/api/v1/org-units/OU-A").then().statusCode(200).body("active", equalTo(false));
        as("HR_OFFICER").delete("/api/v1/org-units/OU-A").then().statusCode(204);
        as("ADMIN").get("/api/v1/org-units/OU-A").then().statusCode(404);
        as("EMPLOYEE").body(Map.of("name", "x")).patch("/api/v1/org-units/OU-B").then().statusCode(403);
    }
}
