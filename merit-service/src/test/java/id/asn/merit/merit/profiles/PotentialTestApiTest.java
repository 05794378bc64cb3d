package id.asn.merit.merit.profiles;

import id.asn.merit.merit.testing.MeritFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static id.asn.merit.merit.profiles.ProfileCallers.PROFILES;
import static id.asn.merit.merit.profiles.ProfileCallers.YEAR;
import static id.asn.merit.merit.profiles.ProfileCallers.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Potential tests: validated, idempotent, audited, and fed straight into the profile. */
@QuarkusTest
class PotentialTestApiTest {
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    static final String UNIT = "MPT" + RUN;
    static final String POSITION = "MPT-POS-" + RUN;
    static final LocalDate BORN = LocalDate.of(1988, 1, 10);
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    @Inject
    MeritFixtures fixtures;

    String nip;

    @BeforeEach
    void person() {
        fixtures.unit(UNIT, null, UNIT);
        fixtures.position(POSITION, UNIT, "PELAKSANA", "II/a", "S1", null);
        nip = MeritFixtures.nip(BORN, "F");
        fixtures.employee(nip, "Joko Tes", "M", BORN, "III/b", null, "S1", POSITION, "PELAKSANA", UNIT, UNIT);
        fixtures.skp(nip, YEAR, "SANGAT_BAIK");
        fixtures.jpm(nip, POSITION, 80);
    }

    static Map<String, Object> body(Object year, Object score, Object instrument, Object assessedOn) {
        Map<String, Object> b = new HashMap<>();
        b.put("year", year);
        b.put("score", score);
        b.put("instrument", instrument);
        b.put("assessedOn", assessedOn);
        return b;
    }

    String tests() {
        return PROFILES + "/" + nip + "/potential-tests";
    }

    @Test
    void aTestIsRecordedAndBecomesThePotentialTestPartOfTheProfile() {
        Response created = as("ASSESSOR").body(body(YEAR, 70, "Tes Potensi BKN", TODAY.toString())).post(tests());
        created.then().statusCode(201).body("nip", equalTo(nip)).body("score", equalTo(70)).body("instrument", equalTo("Tes Potensi BKN"))
                .body("recordedBy", equalTo("test-assessor"));
        String id = created.jsonPath().getString("id");
        created.then().header("Location", endsWith(tests() + "/" + id));

        as("HR_OFFICER").get(PROFILES + "/" + nip + "?year=" + YEAR).then().statusCode(200)
                .body("revision", equalTo(1)).body("cause.type", equalTo("POTENTIAL_TEST")).body("cause.id", equalTo(id))
                .body("potential.parts.potentialTest", equalTo(70.0f))
                .body("potential.reweighted", equalTo(false))
                // 0.40×80 + 0.25×70 + 0.20×100 + 0.15×100
                .body("potential.score", equalTo(84.5f))
                .body("inputs.source", hasItem("merit.potential-test")).body("inputs.id", hasItem(id));
        as("HR_OFFICER").get(tests()).then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        as("ADMIN").get("/api/v1/merit-policies/audit?entity=MeritPotentialTest&id=" + id).then().statusCode(200)
                .body("items.action", hasItem("RECORD")).body("items.entityId", hasItem(id));
    }

    @Test
    void theSameIdempotencyKeyReplaysAndAnotherBodyIsRefused() {
        String key = "pt-" + RUN + "-" + nip;
        Map<String, Object> b = body(YEAR, 66.5, "TPA", TODAY.minusDays(3).toString());
        String first = as("HR_OFFICER").header("Idempotency-Key", key).body(b).post(tests()).then().statusCode(201).extract().path("id");
        String again = as("HR_OFFICER").header("Idempotency-Key", key).body(b).post(tests()).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, again);
        as("HR_OFFICER").header("Idempotency-Key", key).body(body(YEAR, 67, "TPA", TODAY.minusDays(3).toString())).post(tests())
                .then().statusCode(422).body("errors.field", hasItem("Idempotency-Key"));
        as("HR_OFFICER").get(tests()).then().body("total", equalTo(1));
    }

    @Test
    void invalidInputNamesEveryField() {
        as("HR_OFFICER").body(body(1999, 101, " ", TODAY.plusDays(1).toString())).post(tests()).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("year", "score", "instrument", "assessedOn"));
        as("HR_OFFICER").body(body(YEAR + 2, -1, "TPA", null)).post(tests()).then().statusCode(400)
                .body("errors.field", hasItems("year", "score", "assessedOn"));
        as("HR_OFFICER").body(body(YEAR, 50, "TPA", "not-a-date")).post(tests()).then().statusCode(400).contentType("application/problem+json");
        as("HR_OFFICER").body("").post(tests()).then().statusCode(400);
        as("HR_OFFICER").get(tests()).then().body("total", equalTo(0));
    }

    @Test
    void anUnknownPersonIs404() {
        String unknown = MeritFixtures.nip(BORN, "M");
        as("HR_OFFICER").body(body(YEAR, 50, "TPA", TODAY.toString())).post(PROFILES + "/" + unknown + "/potential-tests").then().statusCode(404);
        as("HR_OFFICER").get(PROFILES + "/" + unknown + "/potential-tests").then().statusCode(404);
    }
}
