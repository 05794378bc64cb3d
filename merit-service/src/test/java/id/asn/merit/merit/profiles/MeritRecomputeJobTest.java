package id.asn.merit.merit.profiles;

import id.asn.merit.merit.service.MeritProfiles;
import id.asn.merit.merit.testing.MeritFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static id.asn.merit.merit.profiles.ProfileCallers.PROFILES;
import static id.asn.merit.merit.profiles.ProfileCallers.RECOMPUTATIONS;
import static id.asn.merit.merit.profiles.ProfileCallers.YEAR;
import static id.asn.merit.merit.profiles.ProfileCallers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A policy change recomputes every profile of the year asynchronously; the earlier results stay in history. */
@QuarkusTest
class MeritRecomputeJobTest {
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    static final String UNIT = "MRJ" + RUN;
    static final String POSITION = "MRJ-POS-" + RUN;
    static final LocalDate BORN = LocalDate.of(1979, 11, 2);
    static final String POLICIES = "/api/v1/merit-policies";

    @Inject
    MeritFixtures fixtures;
    @Inject
    MeritProfiles profiles;
    @Inject
    AgroalDataSource ds;

    @Test
    void aPolicyChangeRecomputesEveryProfileOfTheYearAndHistoryKeepsTheOldVersion() throws Exception {
        fixtures.unit(UNIT, null, UNIT);
        fixtures.position(POSITION, UNIT, "PELAKSANA", "II/a", "S1", null);
        List<String> nips = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String nip = MeritFixtures.nip(BORN, i % 2 == 0 ? "M" : "F");
            fixtures.employee(nip, "Pegawai " + i, i % 2 == 0 ? "M" : "F", BORN, "III/c", null, "S1", POSITION, "PELAKSANA", UNIT, UNIT);
            fixtures.skp(nip, YEAR, i < 3 ? "BAIK" : "BUTUH_PERBAIKAN");
            fixtures.jpm(nip, POSITION, 70 + i * 5);
            nips.add(nip);
        }
        // two have a stored profile before; the others get theirs from the job (ACTIVE employees)
        for (String nip : nips.subList(0, 2)) {
            QuarkusTransaction.requiringNew().run(() -> profiles.recompute(nip, MeritProfiles.Cause.event("before", "asn.test.v1"), null));
        }
        JsonPath current = as("ADMIN").get(POLICIES + "/current").then().statusCode(200).extract().jsonPath();
        int oldVersion = current.getInt("version");
        assertEquals(oldVersion, as("ADMIN").get(PROFILES + "/" + nips.get(0) + "?year=" + YEAR).then().extract().jsonPath().getInt("policyVersion"));

        Map<String, Object> body = new HashMap<>();
        for (String field : List.of("performanceScores", "axisCutoffs", "potentialWeights", "integrityScores", "disciplineLookbackYears",
                "meritWeights", "talentPoolBoxes", "jpm", "requiredJpPerYear")) {
            body.put(field, current.get(field));
        }
        body.put("meritWeights", Map.of("performance", 60, "potential", 40));
        String link = as("ADMIN").header("If-Match", "\"" + oldVersion + "\"").body(body).put(POLICIES + "/current")
                .then().statusCode(200).extract().header("Link");
        Matcher m = Pattern.compile("<(" + Pattern.quote(RECOMPUTATIONS) + "/[0-9a-f-]{36})>; rel=\"recomputation\"").matcher(link);
        assertTrue(m.matches(), link);
        String job = m.group(1);
        int newVersion = oldVersion + 1;

        JsonPath state = null;
        for (int i = 0; i < 240; i++) {
            state = as("HR_OFFICER").get(job).then().statusCode(200).extract().jsonPath();
            if (List.of("DONE", "FAILED").contains(state.getString("status"))) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals("DONE", state.getString("status"), state.prettify());
        assertEquals(newVersion, state.getInt("policyVersion"));
        assertEquals(YEAR, state.getInt("year"));
        assertEquals(state.getInt("total"), state.getInt("processed"));
        assertTrue(state.getInt("changed") >= nips.size(), state.prettify());
        as("ADMIN").get(RECOMPUTATIONS + "?policyVersion=" + newVersion).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].status", equalTo("DONE"));

        // every stored profile of the year names the new version
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select count(*) from merit_profile p join employee_replica e on e.nip = p.nip
                     where p.year = ? and p.policy_version < ?""")) {
            ps.setInt(1, YEAR);
            ps.setInt(2, newVersion);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "profiles of people in the replica still under an older version");
            }
        }
        for (String nip : nips) {
            as("ADMIN").get(PROFILES + "/" + nip + "?year=" + YEAR).then().statusCode(200)
                    .body("policyVersion", equalTo(newVersion)).body("cause.type", equalTo("POLICY"))
                    .body("cause.id", equalTo(Integer.toString(newVersion)));
        }
        // the earlier revision is still there, under the version it used
        as("ADMIN").get(PROFILES + "/" + nips.get(0) + "/history?year=" + YEAR).then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].policyVersion", equalTo(newVersion))
                .body("items[1].policyVersion", equalTo(oldVersion)).body("items[1].profile.policyVersion", equalTo(oldVersion))
                .body("items[1].cause.type", equalTo("EVENT"));
    }

    @Test
    void anAdminMayRecomputeAYearOnDemand() throws Exception {
        String nip = MeritFixtures.nip(BORN, "M");
        fixtures.unit(UNIT, null, UNIT);
        fixtures.position(POSITION, UNIT, "PELAKSANA", "II/a", "S1", null);
        fixtures.employee(nip, "Pegawai Lalu", "M", BORN, "III/c", null, "S1", POSITION, "PELAKSANA", UNIT, UNIT);
        fixtures.skp(nip, 2024, "SANGAT_BAIK");
        var response = as("ADMIN").body(Map.of("year", 2024)).post(RECOMPUTATIONS);
        response.then().statusCode(202).body("year", equalTo(2024)).body("status", equalTo("QUEUED"));
        String job = response.jsonPath().getString("id");
        response.then().header("Location", org.hamcrest.Matchers.endsWith(RECOMPUTATIONS + "/" + job));
        String status = null;
        for (int i = 0; i < 240 && !"DONE".equals(status) && !"FAILED".equals(status); i++) {
            Thread.sleep(250);
            status = as("ADMIN").get(RECOMPUTATIONS + "/" + job).then().extract().path("status");
        }
        assertEquals("DONE", status);
        as("ADMIN").get(PROFILES + "/" + nip + "/history?year=2024").then().statusCode(200)
                .body("items[0].cause.type", equalTo("REBUILD")).body("items[0].cause.id", equalTo(job))
                .body("items[0].profile.performance.rating", equalTo("SANGAT_BAIK"));
        as("ADMIN").body(Map.of("year", 1990)).post(RECOMPUTATIONS).then().statusCode(400).body("errors.field", hasItem("year"));
        as("ADMIN").get(RECOMPUTATIONS + "/not-a-uuid").then().statusCode(404);
    }
}
