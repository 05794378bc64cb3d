package id.asn.merit.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.devinfra.Suite;
import id.asn.merit.devinfra.TestInfra;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole suite behind its gateway, as ./suite up runs it. */
class GatewayEndToEndTest {
    static RunningSuite suite;
    static String gateway;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        gateway = suite.url("gateway");
    }

    @Test
    void healthIsUpAcrossTheSuite() {
        given().get(gateway + "/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theMergedOpenApiHasEveryOperationOfTheFourServices() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode merged = json.readTree(given().get(gateway + "/q/openapi?format=json").then().statusCode(200).extract().asString());
        Set<String> mergedOps = operations(merged);
        for (String module : Suite.SERVICES.keySet()) {
            if (module.equals("gateway")) {
                continue;
            }
            JsonNode own = json.readTree(given().get(suite.url(module) + "/q/openapi?format=json").then().statusCode(200).extract().asString());
            Set<String> ops = operations(own);
            assertTrue(ops.size() > 1, module + " has operations");
            Set<String> missing = new HashSet<>(ops);
            missing.removeAll(mergedOps);
            assertEquals(Set.of(), missing, "operations of " + module + " missing at the gateway");
        }
        List<String> ids = new ArrayList<>();
        merged.path("paths").forEach(path -> path.fields().forEachRemaining(op -> {
            if (op.getValue().has("operationId")) {
                ids.add(op.getValue().get("operationId").asText());
            }
        }));
        assertEquals(mergedOps.size(), ids.size(), "every operation has an operationId");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "operationIds are unique across the suite");
    }

    @Test
    void theMergedOpenApiPassesTheChecksFrontEndLintersMake() {
        JsonNode merged = OpenApiLint.parse(given().get(gateway + "/q/openapi?format=json").then().statusCode(200).extract().asString());
        assertEquals(List.of(), OpenApiLint.check(merged),
                "security schemes, examples against schemas, array items and operation descriptions");
    }

    @Test
    void theGatewayNeedsATokenAndPassesAValidOne() {
        given().get(gateway + "/api/v1/employees").then().statusCode(401)
                .contentType("application/problem+json").header("X-Request-Id", notNullValue());
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).header("X-Request-Id", "e2e-request-1")
                .get(gateway + "/api/v1/learning-methods/KL01").then().statusCode(200)
                .header("X-Request-Id", equalTo("e2e-request-1"))
                .body("name", equalTo("Pelatihan Struktural Kepemimpinan"));
        given().auth().oauth2(TestInfra.token("EMPLOYEE", "198503152010011001", null))
                .get(gateway + "/api/v1/employees").then().statusCode(403).contentType("application/problem+json");
        for (Map.Entry<String, String> probe : Map.of(
                "/api/v1/org-units", "employee-service",
                "/api/v1/competencies", "competency-service",
                "/api/v1/learning-methods", "training-service",
                "/api/v1/merit-policies/current", "merit-service").entrySet()) {
            given().auth().oauth2(TestInfra.token("ADMIN")).get(gateway + probe.getKey())
                    .then().statusCode(200);
        }
    }

    @Test
    void aResourceCreatedThroughTheGatewayIsLocatedAtTheGatewayEvenWhenTheCallerForgesForwardingHeaders() {
        String token = TestInfra.token("ADMIN");
        String location = given().auth().oauth2(token).contentType("application/json")
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .header("Forwarded", "host=evil.example;proto=https")
                .body(Map.of("code", "E2E-LOC", "name", "Instansi Lokasi", "level", "INSTANSI"))
                .post(gateway + "/api/v1/org-units")
                .then().statusCode(201).extract().header("Location");
        assertEquals(gateway + "/api/v1/org-units/E2E-LOC", location, "Location names the gateway, not the service");
        given().auth().oauth2(token).get(location).then().statusCode(200).body("code", equalTo("E2E-LOC"));

        String competency = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("code", "T.901", "group", "TEKNIS", "name", "Pelayanan Perizinan",
                        "definition", "Kemampuan memproses perizinan berusaha.",
                        "levels", List.of(1, 2, 3, 4, 5).stream().map(l -> Map.of("level", l, "title", "Level " + l,
                                "description", "Deskripsi level " + l, "indicators", List.of("Indikator " + l))).toList()))
                .post(gateway + "/api/v1/competencies")
                .then().statusCode(201).extract().header("Location");
        assertEquals(gateway + "/api/v1/competencies/T.901", competency);
    }

    private static Set<String> operations(JsonNode doc) {
        Set<String> ops = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                    ops.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        return ops;
    }
}
