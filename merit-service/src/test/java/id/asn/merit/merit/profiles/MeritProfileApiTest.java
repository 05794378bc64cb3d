package id.asn.merit.merit.profiles;

import id.asn.merit.merit.service.MeritProfiles;
import id.asn.merit.merit.testing.MeritFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.asn.merit.merit.profiles.ProfileCallers.PROFILES;
import static id.asn.merit.merit.profiles.ProfileCallers.YEAR;
import static id.asn.merit.merit.profiles.ProfileCallers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profiles computed from the read model, stored only when they change, with history and events. */
@QuarkusTest
class MeritProfileApiTest {
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    static final String UNIT = "MPA" + RUN;
    static final String POSITION = "MPA-POS-" + RUN;
    static final LocalDate BORN = LocalDate.of(1985, 3, 15);

    @Inject
    MeritFixtures fixtures;
    @Inject
    MeritProfiles profiles;
    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void unit() {
        fixtures.unit(UNIT, null, UNIT);
        fixtures.position(POSITION, UNIT, "PELAKSANA", "II/a", "S1", null);
    }

    String person(String name) {
        String nip = MeritFixtures.nip(BORN, "F");
        fixtures.employee(nip, name, "F", BORN, "III/a", LocalDate.of(2020, 4, 1), "S1", POSITION, "PELAKSANA", UNIT, UNIT);
        return nip;
    }

    void recompute(String nip, String cause) {
        QuarkusTransaction.requiringNew().run(() -> profiles.recompute(nip, MeritProfiles.Cause.event(cause, "asn.test.v1"), YEAR));
    }

    long events(String nip, String type) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from outbox_event where event_key = ? and type = ?")) {
            ps.setString(1, nip);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonPath profile(String nip) {
        return as("HR_OFFICER").get(PROFILES + "/" + nip + "?year=" + YEAR).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aRecomputedProfileShowsItsValuesReasonsAndInputs() {
        String nip = person("Siti Rahma");
        fixtures.skp(nip, YEAR, "SANGAT_BAIK");
        fixtures.jpm(nip, POSITION, 90);
        String cause = UUID.randomUUID().toString();
        recompute(nip, cause);

        JsonPath p = profile(nip);
        assertEquals(nip, p.getString("nip"));
        assertEquals("Siti Rahma", p.getString("name"));
        assertEquals(UNIT, p.getString("orgUnitCode"));
        assertEquals(POSITION, p.getString("positionCode"));
        assertEquals("SANGAT_BAIK", p.getString("performance.rating"));
        assertEquals(YEAR, p.getInt("performance.ratingYear"));
        assertEquals(100.0f, p.getFloat("performance.score"));
        assertEquals("HIGH", p.getString("performance.axis"));
        // (40×90 + 20×100 + 15×100) / 75: no potential test, the rest re-weighted
        assertEquals(94.67f, p.getFloat("potential.score"));
        assertEquals(90.0f, p.getFloat("potential.parts.competency"));
        assertEquals(100.0f, p.getFloat("potential.parts.qualification"));
        assertEquals(List.of("potentialTest"), p.getList("potential.missingParts"));
        assertTrue(p.getBoolean("potential.reweighted"));
        assertEquals(9, p.getInt("box"));
        assertTrue(p.getBoolean("eligibleForTalentPool"));
        assertTrue(p.getList("reasons", String.class).contains("annual SKP " + YEAR + " SANGAT_BAIK: performance 100 (HIGH)"), p.getList("reasons").toString());
        assertTrue(p.getList("reasons", String.class).contains("competency: JPM 90 against position " + POSITION));
        List<Map<String, Object>> inputs = p.getList("inputs");
        assertTrue(inputs.stream().anyMatch(i -> "asn.employee.performance-rated.v1".equals(i.get("source")) && "SANGAT_BAIK".equals(i.get("value"))), inputs.toString());
        assertTrue(inputs.stream().anyMatch(i -> "asn.competency.gap-changed.v1".equals(i.get("source"))), inputs.toString());
        assertEquals(1, p.getInt("revision"));
        assertEquals("EVENT", p.getString("cause.type"));
        assertEquals(cause, p.getString("cause.id"));
        assertEquals("asn.test.v1", p.getString("cause.eventType"));
        assertTrue(p.getInt("policyVersion") >= 1);
    }

    @Test
    void historyGrowsOnlyOnChangeAndEventsFollowIt() {
        String nip = person("Budi Santoso");
        fixtures.skp(nip, YEAR, "SANGAT_BAIK");
        fixtures.jpm(nip, POSITION, 90);
        recompute(nip, "c1");
        recompute(nip, "c2"); // nothing changed: no revision, no event
        as("ADMIN").get(PROFILES + "/" + nip + "/history?year=" + YEAR).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].revision", equalTo(1)).body("items[0].cause.id", equalTo("c1"));
        assertEquals(1, events(nip, "asn.merit.profile-updated.v1"));
        assertEquals(1, events(nip, "asn.merit.box-changed.v1"));

        fixtures.skp(nip, YEAR, "BUTUH_PERBAIKAN");
        recompute(nip, "c3"); // box 9 → 8
        fixtures.jpm(nip, POSITION, 85);
        recompute(nip, "c4"); // potential changes, the box stays 8

        JsonPath h = as("ADMIN").get(PROFILES + "/" + nip + "/history?year=" + YEAR).then().statusCode(200).extract().jsonPath();
        assertEquals(3, h.getInt("total"));
        assertEquals(List.of(3, 2, 1), h.getList("items.revision"));
        assertEquals(List.of("c4", "c3", "c1"), h.getList("items.cause.id"));
        assertEquals(List.of(8, 8, 9), h.getList("items.box"));
        assertEquals(9, h.getInt("items[2].profile.box"));
        assertEquals("SANGAT_BAIK", h.getString("items[2].profile.performance.rating"));
        assertEquals(3, events(nip, "asn.merit.profile-updated.v1"));
        assertEquals(2, events(nip, "asn.merit.box-changed.v1"));
        assertEquals(3, profile(nip).getInt("revision"));
        assertEquals("c4", profile(nip).getString("cause.id"));
    }

    @Test
    void aKnownPersonWithoutAStoredProfileGetsOneComputedNowAndNotStored() {
        String nip = person("Ani Wijaya");
        fixtures.skp(nip, YEAR, "BAIK");
        JsonPath p = profile(nip);
        assertEquals(0, p.getInt("revision"));
        assertEquals("BAIK", p.getString("performance.rating"));
        assertTrue(p.getList("potential.missingParts").contains("competency"));
        as("ADMIN").get(PROFILES + "/" + nip + "/history?year=" + YEAR).then().statusCode(200).body("total", equalTo(0));
        assertEquals(0, events(nip, "asn.merit.profile-updated.v1"));
    }

    @Test
    void aJpmAgainstAnotherPositionIsNotUsed() {
        String nip = person("Dewi Lestari");
        fixtures.skp(nip, YEAR, "BAIK");
        fixtures.jpm(nip, "SOME-OLD-POST", 95);
        recompute(nip, "c1");
        JsonPath p = profile(nip);
        assertTrue(p.get("potential.parts.competency") == null);
        assertTrue(p.getList("reasons", String.class).contains("no competency assessment against the current position: the competency part is left out"));
    }

    @Test
    void aJpmOverNoAssessedCompetencyIsNoJpmNotAZero() {
        // competency-service emits gap-changed as soon as a person is placed: JPM 0 with coverage 0, nothing assessed
        String nip = person("Paulus Kambu");
        fixtures.skp(nip, YEAR, "BAIK");
        fixtures.jpm(nip, POSITION, 0, 0);
        recompute(nip, "c1");
        JsonPath p = profile(nip);
        assertTrue(p.get("potential.parts.competency") == null, "not a competency of 0: " + p.prettify());
        assertTrue(p.getList("potential.missingParts").contains("competency"));
        // half the standard assessed: the JPM counts
        fixtures.jpm(nip, POSITION, 40, 0.5);
        recompute(nip, "c2");
        assertEquals(40.0, profile(nip).getDouble("potential.parts.competency"), 0.001);
    }

    @Test
    void unknownOrInactivePeopleGetNoProfile() {
        as("ADMIN").get(PROFILES + "/" + MeritFixtures.nip(BORN, "M")).then().statusCode(404).contentType("application/problem+json");
        String nip = person("Eko Pensiun");
        fixtures.status(nip, "RETIRED");
        recompute(nip, "c1");
        as("ADMIN").get(PROFILES + "/" + nip + "?year=" + YEAR).then().statusCode(404);
        assertEquals(0, events(nip, "asn.merit.profile-updated.v1"));
    }

    @Test
    void theListIsScopedFilteredAndAlsoCsv() {
        String high = person("Fajar List");
        fixtures.skp(high, YEAR, "SANGAT_BAIK");
        fixtures.jpm(high, POSITION, 90);
        recompute(high, "c1");
        String mid = person("Gita List");
        fixtures.skp(mid, YEAR, "BUTUH_PERBAIKAN");
        fixtures.jpm(mid, POSITION, 90);
        recompute(mid, "c1");

        as("HR_OFFICER").get(PROFILES + "?orgUnit=" + UNIT + "&year=" + YEAR + "&size=500").then().statusCode(200)
                .body("items.nip", hasItem(high)).body("items.nip", hasItem(mid)).body("page", equalTo(0)).body("size", equalTo(500));
        as("HR_OFFICER").get(PROFILES + "?orgUnit=" + UNIT + "&year=" + YEAR + "&box=8&size=500").then().statusCode(200)
                .body("items.nip", hasItem(mid)).body("items.nip", not(hasItem(high))).body("items.box", not(hasItem(9)));
        String csv = as("ADMIN").accept("text/csv").get(PROFILES + "?orgUnit=" + UNIT + "&year=" + YEAR).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith(MeritProfileQueries.CSV_HEADER + "\r\n"), csv);
        assertTrue(csv.contains(high + ",Fajar List," + YEAR + "," + UNIT + "," + POSITION + ",9,"), csv);

        as("ADMIN").get(PROFILES + "?box=10").then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("box"));
        as("ADMIN").get(PROFILES + "?year=abc").then().statusCode(400).body("errors.field", hasItem("year"));
        as("ADMIN").get(PROFILES + "/" + high + "?year=1999").then().statusCode(400).body("errors.field", hasItem("year"));
        as("ADMIN").get(PROFILES + "?orgUnit=NOPE" + RUN).then().statusCode(404);
        as("ADMIN").get(PROFILES + "/" + high + "?year=" + YEAR).then().body("performance.axis", equalTo("HIGH")).body("cause.eventType", not(nullValue()));
    }
}
