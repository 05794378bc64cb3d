package id.asn.merit.competency.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.competency.testing.ReplicaFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static id.asn.merit.competency.rest.Competencies.as;
import static id.asn.merit.competency.rest.Standards.PATH;
import static id.asn.merit.competency.rest.Standards.item;
import static id.asn.merit.competency.rest.Standards.rows;
import static id.asn.merit.competency.rest.Standards.standard;
import static id.asn.merit.competency.rest.Standards.uniquePosition;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SYSTEM.md §3 and ENGINEERING.md: publishing versions of a position's standard, and "the standard in force" as the
 * version effective on the date asked, never the last one written; each publication audited and announced by an
 * outbox event in the same transaction.
 */
@QuarkusTest
class CompetencyStandardVersionsTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    @Inject
    ReplicaFixtures replica;

    @Test
    void theVersionInForceIsTheOneEffectiveOnTheDateAsked() {
        // given a position with v1 from 2024-01-01, v2 from 2026-01-01 and v3 from next year
        String position = uniquePosition("STD-VER");
        replica.position(position, "UNIT-STD", "ADMINISTRATOR", null);
        as("HR_OFFICER").body(standard("2024-01-01", item("M.1", 3, "MUTLAK"), item("M.2", 2, "PENTING")))
                .put(PATH + "/" + position)
                .then().statusCode(201).header("Location", endsWith(PATH + "/" + position)).header("ETag", equalTo("\"1\""))
                .body("positionCode", equalTo(position)).body("version", equalTo(1)).body("effectiveFrom", equalTo("2024-01-01"))
                .body("source", equalTo("OWN")).body("positionType", equalTo("ADMINISTRATOR"))
                .body("items.competencyCode", contains("M.1", "M.2")).body("items.requiredLevel", contains(3, 2))
                .body("items.importance", contains("MUTLAK", "PENTING"));
        as("ADMIN").header("If-Match", "\"1\"").body(standard("2026-01-01", item("M.1", 4, "MUTLAK"), item("SK.1", 3, "PERLU")))
                .put(PATH + "/" + position)
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).header("Location", nullValue()).body("version", equalTo(2));
        String nextYear = TODAY.plusYears(1).withDayOfYear(1).toString();
        as("ADMIN").body(standard(nextYear, item("M.1", 5, "MUTLAK"))).put(PATH + "/" + position)
                .then().statusCode(200).body("version", equalTo(3)).body("effectiveFrom", equalTo(nextYear));

        // then a date in 2025 has v1, today v2 (v3 is not yet in force), a date next year v3
        as("EMPLOYEE").get(PATH + "/" + position + "?on=2025-06-01").then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1)).body("items.requiredLevel", contains(3, 2));
        as("INTEGRATOR").get(PATH + "/" + position).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2)).body("effectiveFrom", equalTo("2026-01-01"))
                .body("items.competencyCode", contains("M.1", "SK.1")).body("items.importance", contains("MUTLAK", "PERLU"));
        as("ASSESSOR").get(PATH + "/" + position + "?on=" + TODAY.plusYears(1).withDayOfYear(2)).then().statusCode(200)
                .body("version", equalTo(3)).body("items.requiredLevel", contains(5));
        // before the first version the position falls back on its type's template
        as("UNIT_HEAD").get(PATH + "/" + position + "?on=2023-12-31").then().statusCode(200)
                .body("source", equalTo("TEMPLATE")).body("effectiveFrom", nullValue()).body("items.requiredLevel[0]", equalTo(3));

        // and the history lists every version newest first, each with its items
        as("ASSESSOR").get(PATH + "/" + position + "/history").then().statusCode(200).header("ETag", equalTo("\"3\""))
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items.version", contains(3, 2, 1)).body("items.effectiveFrom", contains(nextYear, "2026-01-01", "2024-01-01"))
                .body("items[2].items.competencyCode", contains("M.1", "M.2")).body("items[1].items.requiredLevel", contains(4, 3));
        as("ASSESSOR").get(PATH + "/" + position + "/history?page=1&size=2").then().statusCode(200)
                .body("total", equalTo(3)).body("items.version", contains(1));
    }

    @Test
    void aStaleIfMatchIsRefusedAndNothingIsWritten() {
        String position = uniquePosition("STD-IFM");
        replica.position(position, "UNIT-STD", "PENGAWAS", null);
        as("ADMIN").header("If-Match", "\"1\"").body(standard("2025-01-01", item("M.1", 2, "PENTING"))).put(PATH + "/" + position)
                .then().statusCode(412).contentType("application/problem+json").body("type", equalTo("urn:asn:problem:stale-version"));
        as("ADMIN").header("If-Match", "\"0\"").body(standard("2025-01-01", item("M.1", 2, "PENTING"))).put(PATH + "/" + position)
                .then().statusCode(201).body("version", equalTo(1));
        as("ADMIN").body(standard("2025-06-01", item("M.1", 3, "PENTING"))).put(PATH + "/" + position).then().statusCode(200);
        as("ADMIN").header("If-Match", "\"1\"").body(standard("2025-09-01", item("M.1", 4, "PENTING"))).put(PATH + "/" + position)
                .then().statusCode(412).body("detail", equalTo("the standard of position " + position
                        + " is at version 2, not 1; read it again"));
        assertEquals(2L, rows("select count(*) as n from competency_standard where position_code = ?", position).get(0).get("n"));
    }

    @Test
    void publishingWritesTheEventAndTheAuditEntryWithTheVersion() throws Exception {
        String position = uniquePosition("STD-EVT");
        replica.position(position, "UNIT-STD", "JPT_PRATAMA", null);
        as("HR_OFFICER").body(standard("2025-03-01", item("M.1", 4, "MUTLAK"), item("M.8", 3, "PENTING"))).put(PATH + "/" + position)
                .then().statusCode(201);
        as("HR_OFFICER").body(standard("2026-03-01", item("M.1", 5, "MUTLAK"))).put(PATH + "/" + position).then().statusCode(200);

        List<Map<String, Object>> events = rows("""
                select topic, event_key, type, source, payload from outbox_event where event_key = ? order by seq""", position);
        assertEquals(2, events.size());
        assertEquals("asn.competency.v1", events.get(0).get("topic"));
        assertEquals("asn.competency.standard-published.v1", events.get(0).get("type"));
        assertEquals("/competency-service", events.get(0).get("source"));
        JsonNode data = new ObjectMapper().readTree((String) events.get(0).get("payload"));
        assertEquals(new ObjectMapper().readTree("""
                {"positionCode":"%s","version":1,"effectiveFrom":"2025-03-01","source":"OWN","items":[
                {"competencyCode":"M.1","requiredLevel":4,"importance":"MUTLAK"},
                {"competencyCode":"M.8","requiredLevel":3,"importance":"PENTING"}]}""".formatted(position)), data);
        JsonNode second = new ObjectMapper().readTree((String) events.get(1).get("payload"));
        assertEquals(2, second.get("version").asInt());
        assertEquals("2026-03-01", second.get("effectiveFrom").asText());

        List<Map<String, Object>> audit = rows("""
                select action, actor, roles, before_json, after_json from audit_entry
                where entity = 'CompetencyStandard' and entity_id = ? order by id""", position);
        assertEquals(List.of("CREATE", "PUBLISH"), audit.stream().map(a -> a.get("action")).toList());
        assertEquals("HR_OFFICER", audit.get(0).get("roles"));
        assertEquals(null, audit.get(0).get("before_json"));
        JsonNode before = new ObjectMapper().readTree((String) audit.get(1).get("before_json"));
        JsonNode after = new ObjectMapper().readTree((String) audit.get(1).get("after_json"));
        assertEquals(1, before.get("version").asInt());
        assertEquals(2, after.get("version").asInt());
        assertEquals(5, after.get("items").get(0).get("requiredLevel").asInt());
    }

    @Test
    void aPositionWithoutAStandardThatNobodyKnowsIsNotFound() {
        as("ADMIN").get(PATH + "/NO-SUCH-POSITION").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("position NO-SUCH-POSITION does not exist"));
        as("ADMIN").get(PATH + "/NO-SUCH-POSITION/history").then().statusCode(404);
        String known = uniquePosition("STD-EMPTY");
        replica.position(known, "UNIT-STD", "PELAKSANA", null);
        as("ADMIN").get(PATH + "/" + known + "/history").then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("total", equalTo(0)).body("items.size()", equalTo(0));
    }

    @Test
    void aBadDateIsABadRequestNamingOn() {
        String position = uniquePosition("STD-ON");
        replica.position(position, "UNIT-STD", "PELAKSANA", null);
        for (String on : List.of("2026-02-30", "tomorrow", "01-06-2025")) {
            as("ADMIN").get(PATH + "/" + position + "?on=" + on).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("on"));
        }
    }
}
