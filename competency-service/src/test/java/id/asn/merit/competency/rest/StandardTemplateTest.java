package id.asn.merit.competency.rest;

import id.asn.merit.competency.testing.ReplicaFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static id.asn.merit.competency.rest.Competencies.as;
import static id.asn.merit.competency.rest.Competencies.teknis;
import static id.asn.merit.competency.rest.Standards.PATH;
import static id.asn.merit.competency.rest.Standards.TEMPLATES;
import static id.asn.merit.competency.rest.Standards.rows;
import static id.asn.merit.competency.rest.Standards.uniquePosition;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SYSTEM.md §3 and domain.md §3.3: a position with no standard of its own gets its type's default template (never
 * nothing), and the templates are versioned data an ADMIN replaces.
 */
@QuarkusTest
class StandardTemplateTest {
    private static final String[] MANAJERIAL_AND_SOSIAL_KULTURAL = {"M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"};

    @Inject
    ReplicaFixtures replica;

    @Test
    void aPelaksanaWithoutAStandardGetsLevelOnePentingForEveryManagerialAndSocioCulturalCompetency() {
        String position = uniquePosition("TPL-PLK");
        replica.position(position, "UNIT-TPL", "PELAKSANA", null);
        int template = as("ADMIN").get(TEMPLATES + "/PELAKSANA").then().statusCode(200).extract().path("version");
        as("EMPLOYEE").get(PATH + "/" + position).then().statusCode(200)
                .body("source", equalTo("TEMPLATE")).body("positionType", equalTo("PELAKSANA")).body("effectiveFrom", nullValue())
                .body("version", equalTo(template)).header("ETag", equalTo("\"" + template + "\""))
                .body("items.competencyCode", contains(MANAJERIAL_AND_SOSIAL_KULTURAL))
                .body("items.requiredLevel", everyItem(equalTo(1))).body("items.importance", everyItem(equalTo("PENTING")));
    }

    @Test
    void aFungsionalAhliMadyaGetsLevelThree() {
        String position = uniquePosition("TPL-JF");
        replica.position(position, "UNIT-TPL", "FUNGSIONAL", "AHLI_MADYA");
        as("ASSESSOR").get(PATH + "/" + position).then().statusCode(200)
                .body("source", equalTo("TEMPLATE")).body("positionType", equalTo("FUNGSIONAL"))
                .body("items.competencyCode", contains(MANAJERIAL_AND_SOSIAL_KULTURAL))
                .body("items.requiredLevel", everyItem(equalTo(3)));
    }

    @Test
    void everyTypeHasItsCurrentTemplate() {
        as("HR_OFFICER").get(TEMPLATES).then().statusCode(200)
                .body("positionType", contains("JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS", "PELAKSANA", "FUNGSIONAL"))
                .body("find { it.positionType == 'JPT_PRATAMA' }.requiredLevel", equalTo(4));
        as("HR_OFFICER").get(TEMPLATES + "/FUNGSIONAL").then().statusCode(200)
                .body("requiredLevel", nullValue()).body("levelByFunctionalLevel.AHLI_UTAMA", equalTo(4))
                .body("levelByFunctionalLevel.AHLI_PERTAMA", equalTo(1)).body("importance", equalTo("PENTING"));
        as("HR_OFFICER").get(TEMPLATES + "/KEPALA").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anAdminsNewTemplateVersionIsWhatPositionsWithoutAStandardGetAtOnce() {
        // given a PENGAWAS position without a standard, on the template's current version
        String position = uniquePosition("TPL-PGW");
        replica.position(position, "UNIT-TPL", "PENGAWAS", null);
        int before = as("ADMIN").get(TEMPLATES + "/PENGAWAS").then().statusCode(200).extract().path("version");
        as("ADMIN").get(PATH + "/" + position).then().body("version", equalTo(before)).body("items.requiredLevel", everyItem(equalTo(2)));

        // when ADMIN raises Integritas to 3 MUTLAK for every PENGAWAS
        Map<String, Object> raised = new HashMap<>();
        raised.put("requiredLevel", 2);
        raised.put("levelByCompetency", Map.of("M.1", 3));
        raised.put("importance", "PENTING");
        raised.put("importanceByCompetency", Map.of("M.1", "MUTLAK"));
        as("ADMIN").header("If-Match", "\"" + before + "\"").body(raised).put(TEMPLATES + "/PENGAWAS").then().statusCode(200)
                .header("ETag", equalTo("\"" + (before + 1) + "\"")).body("version", equalTo(before + 1))
                .body("levelByCompetency.'M.1'", equalTo(3)).body("createdBy", equalTo("test-admin"));
        try {
            // then the position's fallback shows the new version and the override, the rest unchanged
            as("ADMIN").get(PATH + "/" + position).then().statusCode(200).body("source", equalTo("TEMPLATE"))
                    .body("version", equalTo(before + 1))
                    .body("items.find { it.competencyCode == 'M.1' }.requiredLevel", equalTo(3))
                    .body("items.find { it.competencyCode == 'M.1' }.importance", equalTo("MUTLAK"))
                    .body("items.find { it.competencyCode == 'M.2' }.requiredLevel", equalTo(2));
            as("ADMIN").get(TEMPLATES + "/PENGAWAS/history").then().statusCode(200)
                    .body("items[0].version", equalTo(before + 1)).body("items[1].version", equalTo(before))
                    .body("total", equalTo(before + 1));
            // a stale If-Match is refused
            as("ADMIN").header("If-Match", "\"" + before + "\"").body(raised).put(TEMPLATES + "/PENGAWAS").then().statusCode(412);
            List<Map<String, Object>> audit = rows("""
                    select action, actor from audit_entry where entity = 'StandardTemplate' and entity_id = 'PENGAWAS' order by id desc""");
            assertEquals("UPDATE", audit.get(0).get("action"));
            assertEquals("test-admin", audit.get(0).get("actor"));
        } finally {
            Map<String, Object> ladder = new HashMap<>(Map.of("requiredLevel", 2, "importance", "PENTING"));
            as("ADMIN").body(ladder).put(TEMPLATES + "/PENGAWAS").then().statusCode(200);
        }
        as("ADMIN").get(PATH + "/" + position).then().body("items.requiredLevel", everyItem(equalTo(2)))
                .body("items.importance", everyItem(equalTo("PENTING")));
    }

    @Test
    void everyBrokenRuleOfATemplateIsNamedInOneAnswer() {
        as("ADMIN").body(teknis("T.772")).post("/api/v1/competencies").then().statusCode(201);
        int before = as("ADMIN").get(TEMPLATES + "/ADMINISTRATOR").then().extract().path("version");
        Map<String, Object> broken = new HashMap<>();
        broken.put("requiredLevel", 7);
        broken.put("levelByFunctionalLevel", Map.of("AHLI_MADYA", 3));
        broken.put("levelByCompetency", Map.of("T.999", 3, "T.772", 2));
        broken.put("importance", null);
        as("ADMIN").body(broken).put(TEMPLATES + "/ADMINISTRATOR").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("requiredLevel", "levelByFunctionalLevel", "importance",
                        "levelByCompetency.T.999", "levelByCompetency.T.772"))
                .body("errors.message", hasItem("competency T.772 is TEKNIS; a template sets MANAJERIAL and SOSIAL_KULTURAL competencies only"));

        Map<String, Object> fungsional = new HashMap<>();
        fungsional.put("requiredLevel", 2);
        fungsional.put("levelByFunctionalLevel", Map.of("AHLI_MADYA", 3));
        fungsional.put("importance", "PENTING");
        as("ADMIN").body(fungsional).put(TEMPLATES + "/FUNGSIONAL").then().statusCode(422)
                .body("errors.field", hasItem("requiredLevel")).body("errors.field", hasItem("levelByFunctionalLevel.PEMULA"));

        as("ADMIN").body(Map.of("positionType", "PELAKSANA", "requiredLevel", 3, "importance", "PENTING"))
                .put(TEMPLATES + "/ADMINISTRATOR").then().statusCode(400).body("errors.field", contains("positionType"));
        as("ADMIN").body(Map.of("requiredLevel", 3, "importance", "WAJIB")).put(TEMPLATES + "/ADMINISTRATOR").then().statusCode(400)
                .body("errors.field", contains("importance"));
        as("ADMIN").get(TEMPLATES + "/ADMINISTRATOR").then().body("version", equalTo(before));
    }
}
