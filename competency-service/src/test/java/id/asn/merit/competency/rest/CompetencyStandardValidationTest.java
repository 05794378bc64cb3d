package id.asn.merit.competency.rest;

import id.asn.merit.competency.testing.ReplicaFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static id.asn.merit.competency.rest.Competencies.as;
import static id.asn.merit.competency.rest.Competencies.teknis;
import static id.asn.merit.competency.rest.Standards.PATH;
import static id.asn.merit.competency.rest.Standards.item;
import static id.asn.merit.competency.rest.Standards.rows;
import static id.asn.merit.competency.rest.Standards.standard;
import static id.asn.merit.competency.rest.Standards.uniquePosition;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** SYSTEM.md §4: a bad standard is a 400 (shape) or 422 (meaning) problem naming the field, and writes nothing. */
@QuarkusTest
class CompetencyStandardValidationTest {
    @Inject
    ReplicaFixtures replica;

    String position;

    @BeforeEach
    void aKnownPosition() {
        position = uniquePosition("STD-VAL");
        replica.position(position, "UNIT-STD", "ADMINISTRATOR", null);
    }

    @Test
    void aLevelOutsideOneToFiveNamesTheItem() {
        as("ADMIN").body(standard("2025-01-01", item("M.1", 3, "MUTLAK"), item("M.2", 6, "PENTING")))
                .put(PATH + "/" + position).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("items[1].requiredLevel")).body("errors[0].message", equalTo("must be a level 1..5"));
        as("ADMIN").body(standard("2025-01-01", item("M.1", 0, "MUTLAK"))).put(PATH + "/" + position).then().statusCode(400)
                .body("errors.field", contains("items[0].requiredLevel"));
        nothingWritten();
    }

    @Test
    void missingFieldsAndAnUnknownImportanceAreNamed() {
        as("ADMIN").body(standard("2025-01-01", item("M.1", null, "MUTLAK"), item(null, 2, null)))
                .put(PATH + "/" + position).then().statusCode(400)
                .body("errors.field", contains("items[0].requiredLevel", "items[1].competencyCode", "items[1].importance"));
        as("ADMIN").body(standard("2025-01-01", item("M.1", 2, "WAJIB"))).put(PATH + "/" + position).then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].importance")).body("errors[0].message", containsString("MUTLAK, PENTING, PERLU"));
        Map<String, Object> noDate = standard(null, item("M.1", 2, "PENTING"));
        as("ADMIN").body(noDate).put(PATH + "/" + position).then().statusCode(400).body("errors.field", contains("effectiveFrom"));
        as("ADMIN").body(standard("2025-02-30", item("M.1", 2, "PENTING"))).put(PATH + "/" + position).then().statusCode(400)
                .body("errors.field", contains("effectiveFrom"));
        nothingWritten();
    }

    @Test
    void aStandardNeedsAtLeastOneItem() {
        Map<String, Object> empty = new HashMap<>(Map.of("effectiveFrom", "2025-01-01", "items", List.of()));
        as("ADMIN").body(empty).put(PATH + "/" + position).then().statusCode(400)
                .body("errors.field", contains("items")).body("errors[0].message", containsString("at least one item"));
        nothingWritten();
    }

    @Test
    void aCompetencyListedTwiceNamesTheSecondItem() {
        as("ADMIN").body(standard("2025-01-01", item("M.1", 3, "MUTLAK"), item("M.1", 2, "PENTING")))
                .put(PATH + "/" + position).then().statusCode(400)
                .body("errors.field", contains("items[1].competencyCode"))
                .body("errors[0].message", equalTo("competency M.1 is already required by items[0]; list each competency once"));
        nothingWritten();
    }

    @Test
    void anUnknownCompetencyIsUnprocessableNamingEachItem() {
        as("ADMIN").body(standard("2025-01-01", item("M.1", 3, "MUTLAK"), item("T.999", 2, "PENTING"), item("X.1", 2, "PERLU")))
                .put(PATH + "/" + position).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("items[1].competencyCode", "items[2].competencyCode"))
                .body("errors[0].message", equalTo("competency T.999 does not exist in the dictionary"));
        nothingWritten();
    }

    @Test
    void aRetiredCompetencyIsRefused() {
        // given a TEKNIS competency that is retired (retirement's REST is another issue's; the column is set directly)
        as("ADMIN").body(teknis("T.771")).post("/api/v1/competencies").then().statusCode(201);
        replica.exec("update competency set retired_at = '2026-02-01T00:00:00Z', retired_by = 'admin' where code = 'T.771'");
        as("ADMIN").body(standard("2025-01-01", item("M.1", 3, "MUTLAK"), item("T.771", 2, "PENTING")))
                .put(PATH + "/" + position).then().statusCode(422)
                .body("errors.field", contains("items[1].competencyCode"))
                .body("errors[0].message", containsString("T.771 is retired"));
        nothingWritten();
    }

    @Test
    void aPositionTheOrganisationDataDoesNotKnowIsUnprocessable() {
        as("ADMIN").body(standard("2025-01-01", item("M.1", 3, "MUTLAK"))).put(PATH + "/STD-NOBODY-KNOWS").then().statusCode(422)
                .body("errors.field", contains("positionCode")).body("errors[0].message", containsString("STD-NOBODY-KNOWS"));
        assertEquals(0L, rows("select count(*) as n from competency_standard where position_code = 'STD-NOBODY-KNOWS'").get(0).get("n"));
    }

    private void nothingWritten() {
        assertEquals(0L, rows("select count(*) as n from competency_standard where position_code = ?", position).get(0).get("n"));
        assertEquals(0L, rows("select count(*) as n from outbox_event where event_key = ?", position).get(0).get("n"));
    }
}
