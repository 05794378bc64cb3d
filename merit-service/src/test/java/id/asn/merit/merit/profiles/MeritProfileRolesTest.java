package id.asn.merit.merit.profiles;

import id.asn.merit.merit.service.MeritProfiles;
import id.asn.merit.merit.testing.MeritFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static id.asn.merit.merit.profiles.ProfileCallers.PROFILES;
import static id.asn.merit.merit.profiles.ProfileCallers.RECOMPUTATIONS;
import static id.asn.merit.merit.profiles.ProfileCallers.YEAR;
import static id.asn.merit.merit.profiles.ProfileCallers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** Who may read and write what (SYSTEM.md §7), allowed and refused callers per operation. */
@QuarkusTest
class MeritProfileRolesTest {
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    static final String ROOT = "MPR" + RUN;
    static final String SECTION = "MPR" + RUN + "-S";
    static final String OTHER = "MPR" + RUN + "-O";
    static final String POSITION = "MPR-POS-" + RUN;
    static final LocalDate BORN = LocalDate.of(1990, 7, 1);
    static String inSection;
    static String inOther;

    @Inject
    MeritFixtures fixtures;
    @Inject
    MeritProfiles profiles;

    @BeforeEach
    void people() {
        if (inSection != null) {
            return;
        }
        fixtures.unit(ROOT, null, ROOT);
        fixtures.unit(SECTION, ROOT, ROOT + "/" + SECTION);
        fixtures.unit(OTHER, null, OTHER);
        fixtures.position(POSITION, SECTION, "PELAKSANA", "II/a", "SMA", null);
        inSection = MeritFixtures.nip(BORN, "M");
        inOther = MeritFixtures.nip(BORN, "F");
        fixtures.employee(inSection, "Hadi Seksi", "M", BORN, "III/a", null, "S1", POSITION, "PELAKSANA", SECTION, ROOT + "/" + SECTION);
        fixtures.employee(inOther, "Indah Lain", "F", BORN, "III/a", null, "S1", POSITION, "PELAKSANA", OTHER, OTHER);
        for (String nip : new String[]{inSection, inOther}) {
            fixtures.skp(nip, YEAR, "BAIK");
            fixtures.jpm(nip, POSITION, 88);
            QuarkusTransaction.requiringNew().run(() -> profiles.recompute(nip, MeritProfiles.Cause.event("roles", "asn.test.v1"), null));
        }
    }

    String profile(String nip) {
        return PROFILES + "/" + nip + "?year=" + YEAR;
    }

    @Test
    void readingAProfile() {
        given().get(profile(inSection)).then().statusCode(401);
        as("ADMIN").get(profile(inSection)).then().statusCode(200).body("box", equalTo(9)).body("reasons", not(equalTo(null)));
        as("HR_OFFICER").get(profile(inOther)).then().statusCode(200);
        as("UNIT_HEAD", null, ROOT).get(profile(inSection)).then().statusCode(200).body("performance.rating", equalTo("BAIK"));
        as("UNIT_HEAD", null, ROOT).get(profile(inOther)).then().statusCode(404);
        as("UNIT_HEAD", null, SECTION).get(profile(inSection)).then().statusCode(200);
        as("EMPLOYEE", inSection, null).get(profile(inSection)).then().statusCode(200).body("nip", equalTo(inSection));
        as("EMPLOYEE", inSection, null).get(profile(inOther)).then().statusCode(404);
        as("ASSESSOR").get(profile(inSection)).then().statusCode(403);
        as("INTEGRATOR").get(profile(inSection)).then().statusCode(200)
                .body("box", equalTo(9)).body("nip", equalTo(inSection)).body("policyVersion", not(equalTo(null)))
                .body("$", not(hasKey("performance"))).body("$", not(hasKey("potential"))).body("$", not(hasKey("reasons")))
                .body("$", not(hasKey("inputs"))).body("$", not(hasKey("meritScore")));
    }

    @Test
    void readingTheHistory() {
        String history = PROFILES + "/" + inSection + "/history?year=" + YEAR;
        as("ADMIN").get(history).then().statusCode(200).body("total", equalTo(1));
        as("HR_OFFICER").get(history).then().statusCode(200);
        as("UNIT_HEAD", null, ROOT).get(history).then().statusCode(200);
        as("UNIT_HEAD", null, OTHER).get(history).then().statusCode(404);
        as("EMPLOYEE", inSection, null).get(history).then().statusCode(200);
        as("EMPLOYEE", inOther, null).get(history).then().statusCode(404);
        as("INTEGRATOR").get(history).then().statusCode(403);
        as("ASSESSOR").get(history).then().statusCode(403);
        given().get(history).then().statusCode(401);
    }

    @Test
    void listingProfiles() {
        String list = PROFILES + "?year=" + YEAR + "&size=500";
        as("ADMIN").get(list + "&orgUnit=" + ROOT + "&subtree=true").then().statusCode(200).body("items.nip", hasItem(inSection));
        as("HR_OFFICER").get(list + "&orgUnit=" + OTHER).then().statusCode(200).body("items.nip", hasItem(inOther));
        as("UNIT_HEAD", null, ROOT).get(list).then().statusCode(200)
                .body("items.nip", hasItem(inSection)).body("items.nip", not(hasItem(inOther)));
        as("UNIT_HEAD", null, SECTION).get(list + "&orgUnit=" + OTHER).then().statusCode(404);
        as("INTEGRATOR").get(list + "&orgUnit=" + SECTION).then().statusCode(200)
                .body("items.nip", hasItem(inSection)).body("items", everyItem(not(hasKey("reasons"))))
                .body("items", everyItem(not(hasKey("meritScore"))));
        as("INTEGRATOR").accept("text/csv").get(list + "&orgUnit=" + SECTION).then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith(MeritProfileQueries.CSV_HEADER_REDUCED + "\r\n"));
        as("EMPLOYEE", inSection, null).get(list).then().statusCode(403);
        as("ASSESSOR").get(list).then().statusCode(403);
        given().get(list).then().statusCode(401);
    }

    @Test
    void potentialTests() {
        String tests = PROFILES + "/" + inOther + "/potential-tests";
        Map<String, Object> body = Map.of("year", YEAR, "score", 70, "instrument", "TPA", "assessedOn", LocalDate.now().minusDays(1).toString());
        as("ASSESSOR").body(body).post(tests).then().statusCode(201);
        as("HR_OFFICER").body(body).post(tests).then().statusCode(201);
        as("ADMIN").body(body).post(tests).then().statusCode(201);
        as("UNIT_HEAD", null, OTHER).body(body).post(tests).then().statusCode(403);
        as("EMPLOYEE", inOther, null).body(body).post(tests).then().statusCode(403);
        as("INTEGRATOR").body(body).post(tests).then().statusCode(403);
        given().contentType("application/json").body(body).post(tests).then().statusCode(401);

        as("HR_OFFICER").get(tests).then().statusCode(200).body("total", equalTo(3));
        as("EMPLOYEE", inOther, null).get(tests).then().statusCode(200);
        as("EMPLOYEE", inSection, null).get(tests).then().statusCode(404);
        as("UNIT_HEAD", null, OTHER).get(tests).then().statusCode(200);
        as("INTEGRATOR").get(tests).then().statusCode(403);
        as("ASSESSOR").get(tests).then().statusCode(403);
    }

    @Test
    void recomputations() {
        as("ADMIN").get(RECOMPUTATIONS).then().statusCode(200);
        as("HR_OFFICER").get(RECOMPUTATIONS).then().statusCode(200);
        as("UNIT_HEAD", null, ROOT).get(RECOMPUTATIONS).then().statusCode(403);
        as("EMPLOYEE", inSection, null).get(RECOMPUTATIONS).then().statusCode(403);
        as("INTEGRATOR").get(RECOMPUTATIONS).then().statusCode(403);
        as("HR_OFFICER").body(Map.of("year", 2001)).post(RECOMPUTATIONS).then().statusCode(403);
        as("ADMIN").get(RECOMPUTATIONS + "/" + java.util.UUID.randomUUID()).then().statusCode(404);
        given().get(RECOMPUTATIONS).then().statusCode(401);
    }
}
