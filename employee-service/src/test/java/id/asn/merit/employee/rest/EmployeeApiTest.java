package id.asn.merit.employee.rest;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
public class EmployeeApiTest {
    static final String ROOT = "KOTA-SORONG";
    static final String DINAS = "PMPTSP";
    static final String BIDANG = "PMPTSP-PERIZINAN";
    static final String OTHER_DINAS = "BKPSDM";

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    @BeforeEach
    void orgTree() {
        ensureUnit(ROOT, null, "INSTANSI", "Pemerintah Kota Sorong");
        ensureUnit(DINAS, ROOT, "PERANGKAT_DAERAH", "Dinas Penanaman Modal dan PTSP");
        ensureUnit(BIDANG, DINAS, "BIDANG", "Bidang Perizinan");
        ensureUnit(OTHER_DINAS, ROOT, "PERANGKAT_DAERAH", "BKPSDM");
    }

    public static void ensureUnit(String code, String parent, String level, String name) {
        int status = as("HR_OFFICER").get("/api/v1/org-units/" + code).statusCode();
        if (status == 404) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", name, "level", level));
            if (parent != null) {
                body.put("parentCode", parent);
            }
            as("HR_OFFICER").body(body).post("/api/v1/org-units").then().statusCode(201);
        }
    }

    public static Map<String, Object> employee(String nip, String name, String gender, String birthDate, String type, String rank, String unit) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("nip", nip, "name", name, "gender", gender, "birthDate", birthDate,
                "employmentType", type, "orgUnitCode", unit, "education", Map.of("level", "S1", "field", "Administrasi Negara")));
        if (rank != null) {
            body.put("rank", rank);
        }
        return body;
    }

    @Test
    void registerReadAndUpdateAnEmployee() {
        String location = as("HR_OFFICER").body(employee("198503152010011001", "Yohanes Kambu", "M", "1985-03-15", "PNS", "III/b", BIDANG))
                .post("/api/v1/employees")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/employees/198503152010011001"))
                .body("pangkat", equalTo("Penata Muda Tingkat I"))
                .body("status", equalTo("ACTIVE"))
                .extract().header("Location");

        String etag = as("ADMIN").get(location).then().statusCode(200)
                .body("name", equalTo("Yohanes Kambu"))
                .body("education.level", equalTo("S1"))
                .header("ETag", notNullValue())
                .extract().header("ETag");

        as("HR_OFFICER").header("If-Match", etag).body(Map.of("rank", "III/c"))
                .patch(location).then().statusCode(200).body("rank", equalTo("III/c")).body("pangkat", equalTo("Penata"));
        // the old ETag is stale now
        as("HR_OFFICER").header("If-Match", etag).body(Map.of("name", "Someone Else"))
                .patch(location).then().statusCode(412)
                .contentType("application/problem+json").body("status", equalTo(412));
        as("HR_OFFICER").body(employee("198503152010011001", "Yohanes Kambu", "M", "1985-03-15", "PNS", "III/b", BIDANG))
                .post("/api/v1/employees").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponse() {
        Map<String, Object> body = employee("198612122011012004", "Idem Potent", "F", "1986-12-12", "PNS", "III/a", BIDANG);
        as("HR_OFFICER").header("Idempotency-Key", "import-42").body(body).post("/api/v1/employees")
                .then().statusCode(201).body("nip", equalTo("198612122011012004"));
        as("HR_OFFICER").header("Idempotency-Key", "import-42").body(body).post("/api/v1/employees")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .header("Location", containsString("/api/v1/employees/198612122011012004"))
                .body("name", equalTo("Idem Potent"));
        Map<String, Object> other = new java.util.HashMap<>(body);
        other.put("name", "Someone Else");
        as("HR_OFFICER").header("Idempotency-Key", "import-42").body(other).post("/api/v1/employees")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
        // without the key, a retry is a duplicate
        as("HR_OFFICER").body(body).post("/api/v1/employees").then().statusCode(409);
        as("ADMIN").get("/api/v1/employees/audit?entity=Employee&id=198612122011012004").then().body("total", equalTo(1));
    }

    @Test
    void aWrongNipNamesTheSegment() {
        as("HR_OFFICER").body(employee("198503152010011001", "Maria Rumbiak", "F", "1985-03-15", "PNS", "III/a", BIDANG))
                .post("/api/v1/employees")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("nip"))
                .body("errors.message", hasItem("gender digit 1 (digit 15) does not match gender F"));
        as("HR_OFFICER").body(employee("199013412015032001", "Maria Rumbiak", "F", "1990-01-01", "PNS", "III/a", BIDANG))
                .post("/api/v1/employees")
                .then().statusCode(400)
                .body("errors.message", hasItem(containsString("birth date segment 19901341 (digits 1-8) is not a valid date")));
    }

    @Test
    void ranksAreNotMixedAndUnitsMustExist() {
        as("HR_OFFICER").body(employee("200012312024211001", "Andi PPPK", "M", "2000-12-31", "PPPK", "III/a", "NOWHERE"))
                .post("/api/v1/employees")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("orgUnitCode", "rank"));
    }

    @Test
    void badJsonAndBadEnumsAre400WithTheField() {
        as("HR_OFFICER").body("{\"nip\": \"1\", ").post("/api/v1/employees")
                .then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> body = new java.util.HashMap<>(employee("196608011988031001", "X", "M", "1966-08-01", "PNS", "IV/a", DINAS));
        body.put("gender", "X");
        as("HR_OFFICER").body(body).post("/api/v1/employees")
                .then().log().ifValidationFails().statusCode(400).body("errors[0].field", equalTo("gender"));
        body.remove("gender");
        as("HR_OFFICER").body(body).post("/api/v1/employees")
                .then().statusCode(400).body("errors.field", hasItem("gender"));
        as("ADMIN").get("/api/v1/employees?size=501").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("ADMIN").get("/api/v1/employees?page=abc").then().statusCode(400).body("errors[0].field", equalTo("page"));
        as("ADMIN").get("/api/v1/employees?status=GONE").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void rolesAreEnforced() {
        as("HR_OFFICER").body(employee("199002142015032007", "Fransina Wanma", "F", "1990-02-14", "CPNS", "II/c", DINAS))
                .post("/api/v1/employees").then().statusCode(201);
        given().get("/api/v1/employees/199002142015032007").then().statusCode(401).contentType("application/problem+json");
        as("ASSESSOR").body(employee("199102142015032007", "N", "F", "1991-02-14", "PNS", "II/c", DINAS))
                .post("/api/v1/employees").then().statusCode(403).contentType("application/problem+json");
        // an INTEGRATOR sees the summary only
        as("INTEGRATOR").get("/api/v1/employees/199002142015032007").then().statusCode(200)
                .body("name", equalTo("Fransina Wanma")).body("birthDate", nullValue()).body("gender", nullValue());
        // an EMPLOYEE reads themself, not another NIP
        given().auth().oauth2(TestInfra.token("EMPLOYEE", "199002142015032007", null))
                .get("/api/v1/employees/199002142015032007").then().statusCode(200).body("birthDate", equalTo("1990-02-14"));
        given().auth().oauth2(TestInfra.token("EMPLOYEE", "198503152010011001", null))
                .get("/api/v1/employees/199002142015032007").then().statusCode(404); // as if it did not exist
        // a UNIT_HEAD reads their subtree, not another unit
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, DINAS))
                .get("/api/v1/employees/199002142015032007").then().statusCode(200);
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, OTHER_DINAS))
                .get("/api/v1/employees/199002142015032007").then().statusCode(404);
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, OTHER_DINAS))
                .get("/api/v1/employees?orgUnit=" + DINAS).then().statusCode(403);
        as("HR_OFFICER").get("/api/v1/employees/audit").then().statusCode(403);
        as("ADMIN").get("/api/v1/employees/audit?entity=Employee&id=199002142015032007").then().statusCode(200)
                .body("items[0].action", equalTo("CREATE"))
                .body("items[0].actor", equalTo("test-hr-officer"))
                .body("items[0].after.nip", equalTo("199002142015032007"));
    }

    @Test
    void searchBySubtreeNameAndNipPrefix() {
        as("HR_OFFICER").body(employee("197001012000031002", "Petrus Subtree", "M", "1970-01-01", "PNS", "IV/a", BIDANG))
                .post("/api/v1/employees").then().statusCode(201);
        as("HR_OFFICER").body(employee("197101012000031003", "Paulus Elsewhere", "M", "1971-01-01", "PNS", "IV/a", OTHER_DINAS))
                .post("/api/v1/employees").then().statusCode(201);
        as("ADMIN").get("/api/v1/employees?orgUnit=" + DINAS + "&subtree=true&q=subtree")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].nip", equalTo("197001012000031002"));
        as("ADMIN").get("/api/v1/employees?orgUnit=" + DINAS + "&q=subtree").then().body("total", equalTo(0));
        as("ADMIN").get("/api/v1/employees?q=1971010120").then().body("items.nip", contains("197101012000031003"));
        given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, DINAS)).get("/api/v1/employees?q=Paulus")
                .then().statusCode(200).body("total", equalTo(0));
    }
}
