package id.asn.merit.employee.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/asyncapi.yaml documents every type employee-service publishes, and marks which payload fields are personal data. */
class AsyncApiDocumentTest {
    /** What SYSTEM.md §7 lets an INTEGRATOR read of a person (plus the technical fields); everything else is personal. */
    static final Set<String> NOT_PERSONAL = Set.of("nip", "name", "orgUnitCode", "orgUnitPath", "positionCode", "positionType",
            "version", "occurredAt");
    static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        doc = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "docs", "asyncapi.yaml").toFile());
    }

    static JsonNode schema(String name) {
        return doc.at("/components/schemas/" + name);
    }

    @Test
    void everyTypeEmployeeServicePublishesIsDocumented() throws IllegalAccessException {
        Set<String> documented = new HashSet<>();
        doc.at("/components/messages").forEach(m -> documented.add(m.path("name").asText()));
        List<String> missing = new ArrayList<>();
        for (Field f : Events.class.getFields()) {
            String value = (String) f.get(null);
            if (Modifier.isStatic(f.getModifiers()) && !f.getName().endsWith("_TOPIC") && !documented.contains(value)) {
                missing.add(value);
            }
        }
        assertEquals(List.of(), missing);
        Set<String> addresses = new HashSet<>();
        doc.at("/channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertTrue(addresses.containsAll(Set.of(Events.ORG_TOPIC, Events.EMPLOYEE_TOPIC)), addresses.toString());
    }

    @Test
    void theOrgPayloadsCarryTheFieldsOfTheContract() {
        JsonNode unit = schema("OrgUnitChangedData").path("properties");
        for (String field : List.of("code", "name", "parentCode", "path", "level", "status")) {
            assertTrue(unit.has(field), "unit-changed." + field);
        }
        JsonNode position = schema("OrgPositionChangedData").path("properties");
        for (String field : List.of("code", "title", "orgUnitCode", "type", "functionalLevel", "grade", "minRank", "minEducationLevel",
                "requiredLeadershipTraining", "status")) {
            assertTrue(position.has(field), "position-changed." + field);
        }
        assertEquals("asn.org.v1", doc.at("/channels/org/address").asText());
        assertEquals(2, doc.at("/channels/org/messages").size());
    }

    @Test
    void everyPersonalFieldOfTheEmployeeStateIsMarkedAndDescribed() {
        JsonNode properties = schema("EmployeeState").path("properties");
        List<String> wrong = new ArrayList<>();
        properties.fields().forEachRemaining(e -> {
            boolean marked = e.getValue().path("x-personal-data").asBoolean(false);
            boolean personal = !NOT_PERSONAL.contains(e.getKey());
            if (marked != personal || personal && e.getValue().path("description").asText("").isBlank()) {
                wrong.add(e.getKey());
            }
        });
        assertEquals(List.of(), wrong, "fields whose x-personal-data marker or description is wrong");
        for (String field : List.of("gender", "birthDate")) {
            assertTrue(properties.path(field).path("x-personal-data").asBoolean(), field);
        }
    }

    @Test
    void disciplineIsPersonalAndTravelsWithLevelAndDateOnly() {
        JsonNode discipline = schema("EmployeeDisciplinedData").at("/allOf/1/properties/discipline");
        assertTrue(discipline.path("x-personal-data").asBoolean());
        Set<String> fields = new HashSet<>();
        discipline.path("properties").fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("level", "decidedOn"), fields);
        assertTrue(schema("EmployeeRankChangedData").at("/allOf/1/properties/rankChange/x-personal-data").asBoolean());
        assertTrue(schema("EmployeePerformanceRatedData").at("/allOf/1/properties/rating/x-personal-data").asBoolean());
        // no other payload documents a discipline field
        for (String other : List.of("EmployeeState", "EmployeePlacedData", "EmployeeRankChangedData", "EmployeePerformanceRatedData",
                "EmployeeRetiredData")) {
            assertFalse(schema(other).toString().contains("\"discipline\""), other);
        }
    }
}
