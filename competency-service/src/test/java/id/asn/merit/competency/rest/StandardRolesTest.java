package id.asn.merit.competency.rest;

import id.asn.merit.competency.testing.ReplicaFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static id.asn.merit.competency.rest.Competencies.as;
import static id.asn.merit.competency.rest.Standards.PATH;
import static id.asn.merit.competency.rest.Standards.POLICY;
import static id.asn.merit.competency.rest.Standards.TEMPLATES;
import static id.asn.merit.competency.rest.Standards.defaultPolicy;
import static id.asn.merit.competency.rest.Standards.item;
import static id.asn.merit.competency.rest.Standards.standard;
import static id.asn.merit.competency.rest.Standards.uniquePosition;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * SYSTEM.md §7 for standards, templates and the gap policy: standards are written by ADMIN and HR_OFFICER and read by
 * every role (they describe positions, not people); templates are read by ADMIN, HR_OFFICER, ASSESSOR and INTEGRATOR
 * and written by ADMIN; the policy is read by every role and written by ADMIN. No token is a 401 everywhere.
 */
@QuarkusTest
class StandardRolesTest {
    @Inject
    ReplicaFixtures replica;

    String position;

    @BeforeEach
    void aPositionWithAStandard() {
        position = uniquePosition("STD-ROLE");
        replica.position(position, "UNIT-ROLE", "ADMINISTRATOR", null);
        as("ADMIN").body(standard("2025-01-01", item("M.1", 3, "MUTLAK"))).put(PATH + "/" + position).then().statusCode(201);
    }

    /** Each operation, as a request to send with a caller's specification. */
    private Map<String, Function<RequestSpecification, io.restassured.response.Response>> operations() {
        Map<String, Function<RequestSpecification, io.restassured.response.Response>> ops = new LinkedHashMap<>();
        ops.put("putCompetencyStandard", r -> r.body(standard("2025-06-01", item("M.1", 4, "MUTLAK"))).put(PATH + "/" + position));
        ops.put("getCompetencyStandard", r -> r.get(PATH + "/" + position));
        ops.put("listCompetencyStandardHistory", r -> r.get(PATH + "/" + position + "/history"));
        ops.put("listStandardTemplates", r -> r.get(TEMPLATES));
        ops.put("getStandardTemplate", r -> r.get(TEMPLATES + "/PELAKSANA"));
        ops.put("listStandardTemplateHistory", r -> r.get(TEMPLATES + "/PELAKSANA/history"));
        ops.put("putStandardTemplate", r -> r.body(Map.of("requiredLevel", 1, "importance", "PENTING")).put(TEMPLATES + "/PELAKSANA"));
        ops.put("getGapPolicy", r -> r.get(POLICY));
        ops.put("getGapPolicyVersion", r -> r.get(POLICY + "/versions/1"));
        ops.put("listGapPolicyHistory", r -> r.get(POLICY + "/history"));
        ops.put("putGapPolicy", r -> r.body(defaultPolicy()).put(POLICY));
        return ops;
    }

    @Test
    void withoutATokenEveryOperationIsUnauthenticated() {
        operations().forEach((id, op) -> op.apply(given().contentType(ContentType.JSON)).then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "HR_OFFICER", "UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR"})
    void everyRoleReadsStandardsAndThePolicy(String role) {
        as(role).get(PATH + "/" + position).then().statusCode(200).body("version", equalTo(1));
        as(role).get(PATH + "/" + position + "/history").then().statusCode(200).body("total", equalTo(1));
        as(role).get(POLICY).then().statusCode(200);
        as(role).get(POLICY + "/versions/1").then().statusCode(200);
        as(role).get(POLICY + "/history").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "HR_OFFICER"})
    void adminAndHrOfficerPublishStandards(String role) {
        operations().get("putCompetencyStandard").apply(as(role)).then().statusCode(200).body("version", equalTo(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR"})
    void nobodyElsePublishesStandards(String role) {
        operations().get("putCompetencyStandard").apply(as(role)).then().statusCode(403).contentType("application/problem+json");
        as("ADMIN").get(PATH + "/" + position + "/history").then().body("total", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "HR_OFFICER", "ASSESSOR", "INTEGRATOR"})
    void templatesAreReadByAdminHrAssessorAndIntegrator(String role) {
        as(role).get(TEMPLATES).then().statusCode(200);
        as(role).get(TEMPLATES + "/PELAKSANA").then().statusCode(200).body("requiredLevel", equalTo(1));
        as(role).get(TEMPLATES + "/PELAKSANA/history").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNIT_HEAD", "EMPLOYEE"})
    void templatesAreNotReadByUnitHeadsAndEmployees(String role) {
        for (String op : new String[]{"listStandardTemplates", "getStandardTemplate", "listStandardTemplateHistory"}) {
            operations().get(op).apply(as(role)).then().statusCode(403).contentType("application/problem+json");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HR_OFFICER", "UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR"})
    void onlyAdminReplacesTemplatesAndThePolicy(String role) {
        int template = as("ADMIN").get(TEMPLATES + "/PELAKSANA").then().extract().path("version");
        int policy = as("ADMIN").get(POLICY).then().extract().path("version");
        operations().get("putStandardTemplate").apply(as(role)).then().statusCode(403).contentType("application/problem+json");
        operations().get("putGapPolicy").apply(as(role)).then().statusCode(403).contentType("application/problem+json");
        as("ADMIN").get(TEMPLATES + "/PELAKSANA").then().body("version", equalTo(template));
        as("ADMIN").get(POLICY).then().body("version", equalTo(policy));
    }

    @Test
    void adminReplacesTemplatesAndThePolicy() {
        int template = as("ADMIN").get(TEMPLATES + "/PELAKSANA").then().extract().path("version");
        int policy = as("ADMIN").get(POLICY).then().extract().path("version");
        // the PELAKSANA default and the policy defaults again: a new version, the same rules
        operations().get("putStandardTemplate").apply(as("ADMIN")).then().statusCode(200).body("version", equalTo(template + 1));
        operations().get("putGapPolicy").apply(as("ADMIN")).then().statusCode(200).body("version", equalTo(policy + 1));
    }
}
