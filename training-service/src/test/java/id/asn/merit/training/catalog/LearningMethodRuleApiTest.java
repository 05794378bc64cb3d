package id.asn.merit.training.catalog;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.training.testing.TrainingFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PUT of a learning method's JP rule. The tests change methods of their own (TST..), inserted here, so the seeded
 * caps other tests of the module count on stay as they are.
 */
@QuarkusTest
class LearningMethodRuleApiTest {
    static final String PATH = "/api/v1/learning-methods/";

    @Inject
    TrainingFixtures fx;
    @Inject
    EntityManager em;

    BigDecimal recognised(String nip, int year) {
        return QuarkusTransaction.requiringNew().call(() -> (BigDecimal) em.createNativeQuery(
                "select recognised_jp from jp_person_year where nip = :n and year = :y").setParameter("n", nip).setParameter("y", year)
                .getSingleResult());
    }

    BigDecimal awaitRecognised(String nip, int year, BigDecimal expected) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        BigDecimal value = recognised(nip, year);
        while (value.compareTo(expected) != 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            value = recognised(nip, year);
        }
        return value;
    }

    /** The TST methods, their records and ledger rows go again: the seeded list (25 methods) is what other tests read. */
    @AfterEach
    void removeTestMethods() {
        fx.exec("delete from jp_recompute_pending where nip in (select nip from training_record where method_code like 'TST%')");
        fx.exec("delete from jp_person_year where nip in (select nip from training_record where method_code like 'TST%')");
        fx.exec("delete from training_record where method_code like 'TST%'");
        fx.exec("delete from learning_method_rule where code like 'TST%'");
        fx.exec("delete from learning_method where code like 'TST%'");
    }

    void method(String code) {
        fx.exec("""
                insert into learning_method (code, name, pathway, siasn_id, siasn_name, certificate_type, max_jp_per_record, rule_note)
                values (?, 'Mentoring uji', 'NONKLASIKAL', 15, 'Mentoring', 'T', 2, 'seed') on conflict (code) do nothing""", code);
        fx.exec("""
                insert into learning_method_rule (code, rule_version, max_jp_per_record, note, changed_by)
                values (?, 1, 2, 'seed', 'system') on conflict do nothing""", code);
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    static final String BODY = """
            {"maxJpPerRecord":3,"maxJpPerDay":4,"maxJpPerYear":40,"ruleNote":"Perbup 12/2025","countsAsLeadership":false}""";

    @Test
    void aCapChangeIsANewRuleVersionKeptInTheHistoryAndQueuesTheRecomputation() {
        method("TST01");
        fx.verified("199101012016031001", "TST01", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 1), "6");
        assertEquals(0, new BigDecimal("2").compareTo(recognised("199101012016031001", 2025)), "2 JP per record before the change");
        as("ADMIN").header("If-Match", "\"0\"").body(BODY).put(PATH + "TST01").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("maxJpPerRecord", equalTo(3)).body("maxJpPerDay", equalTo(4)).body("maxJpPerYear", equalTo(40))
                .body("jpRule.maxJpPerYear", equalTo(40)).body("ruleVersion", equalTo(2)).body("jpRule.ruleVersion", equalTo(2))
                .body("ruleNote", equalTo("Perbup 12/2025")).body("version", equalTo(1))
                .body("siasnId", equalTo(15)).body("siasnName", equalTo("Mentoring")).body("certificateType", equalTo("T"))
                .body("countsAsLeadership", equalTo(false)).body("name", equalTo("Mentoring uji"));
        // the person-year with a record of the method was queued and is recomputed under the new cap (6 JP, 3 per record)
        assertEquals(0, new BigDecimal("3").compareTo(awaitRecognised("199101012016031001", 2025, new BigDecimal("3"))));

        // only the note and name change: no new rule version, but a new version of the method
        as("ADMIN").header("If-Match", "\"1\"").body("""
                {"maxJpPerRecord":3,"maxJpPerDay":4,"maxJpPerYear":40,"ruleNote":"Perbup 12/2025 pasal 4","name":"Mentoring"}""")
                .put(PATH + "TST01").then().statusCode(200).body("ruleVersion", equalTo(2)).body("version", equalTo(2))
                .body("name", equalTo("Mentoring"));
        // null = unlimited
        as("ADMIN").header("If-Match", "\"2\"").body("{\"maxJpPerRecord\":null,\"maxJpPerDay\":null,\"maxJpPerYear\":null}")
                .put(PATH + "TST01").then().statusCode(200).body("ruleVersion", equalTo(3)).body("maxJpPerRecord", nullValue());

        as("EMPLOYEE").get(PATH + "TST01/rules").then().statusCode(200).body("total", equalTo(3))
                .body("items.ruleVersion", contains(1, 2, 3)).body("items[1].maxJpPerYear", equalTo(40.0f))
                .body("items[1].note", equalTo("Perbup 12/2025")).body("items[1].changedBy", equalTo("test-admin"))
                .body("items[2].maxJpPerDay", nullValue());
        as("ADMIN").get(PATH + "TST01").then().statusCode(200).header("ETag", equalTo("\"3\""));
        as("ADMIN").get("/api/v1/training-records/audit?entity=LearningMethod&id=TST01").then().statusCode(200)
                .body("total", equalTo(3)).body("items[0].after.ruleVersion", equalTo(3)).body("items[2].before.ruleVersion", equalTo(1));
    }

    @Test
    void ifMatchIsRequiredAndAStaleOneIsRefused() {
        method("TST02");
        as("ADMIN").body(BODY).put(PATH + "TST02").then().statusCode(428).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
        as("ADMIN").header("If-Match", "\"7\"").body(BODY).put(PATH + "TST02").then().statusCode(412)
                .contentType("application/problem+json");
        as("ADMIN").get(PATH + "TST02").then().body("ruleVersion", equalTo(1)).body("maxJpPerRecord", equalTo(2.0f));
    }

    @Test
    void invalidCapsNameTheFieldAndOnlyAdminMayChange() {
        method("TST03");
        as("ADMIN").header("If-Match", "\"0\"").body("{\"maxJpPerRecord\":0,\"maxJpPerYear\":-5}").put(PATH + "TST03").then()
                .statusCode(400).body("errors.field", contains("maxJpPerRecord", "maxJpPerYear"));
        as("ADMIN").header("If-Match", "\"0\"").body("{\"maxJpPerDay\":1.234}").put(PATH + "TST03").then()
                .statusCode(400).body("errors[0].field", equalTo("maxJpPerDay"));
        as("ADMIN").header("If-Match", "\"0\"").body(BODY).put(PATH + "XX99").then().statusCode(404);
        as("HR_OFFICER").header("If-Match", "\"0\"").body(BODY).put(PATH + "TST03").then().statusCode(403);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(BODY).put(PATH + "TST03").then().statusCode(401);
        as("ADMIN").get(PATH + "XX99/rules").then().statusCode(404);
        given().get(PATH + "TST03/rules").then().statusCode(401);
        as("ADMIN").get(PATH + "TST03").then().body("version", equalTo(0));
    }

    @Test
    void theSeededMethodsShowTheirSiasnMappingAndLeadershipFlag() {
        as("INTEGRATOR").get(PATH + "KL01").then().statusCode(200).body("countsAsLeadership", equalTo(true))
                .body("siasnId", equalTo(1)).body("siasnName", equalTo("Diklat Struktural")).body("certificateType", equalTo("T"))
                .body("ruleVersion", equalTo(1));
        as("ASSESSOR").get(PATH + "NKL02/rules").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].maxJpPerRecord", equalTo(2.0f)).body("items[0].changedBy", equalTo("system"));
    }
}
