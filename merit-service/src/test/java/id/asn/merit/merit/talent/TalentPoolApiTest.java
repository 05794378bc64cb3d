package id.asn.merit.merit.talent;

import id.asn.merit.merit.testing.MeritFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static id.asn.merit.merit.talent.TalentPeople.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The instansi pool (boxes 7, 8, 9) and the national pool (box 9) of eligible profiles, each member with why; the rest of the pool boxes excluded with why. */
@QuarkusTest
class TalentPoolApiTest {
    static final String PATH = "/api/v1/talent-pool";
    static final int YEAR = 2025;
    static final String UNIT = TalentPeople.freshCode("TP");
    static boolean arranged;
    static String nine, eight, seven, disciplined, notEligible;

    @Inject
    MeritFixtures fx;

    @BeforeEach
    void arrange() {
        if (arranged) {
            return;
        }
        TalentPeople people = new TalentPeople(fx);
        fx.unit(UNIT, null, UNIT);
        LocalDate born = LocalDate.of(1988, 1, 1);
        nine = people.person("Sembilan", "F", born, UNIT, UNIT, YEAR, 9, 92.5, true);
        eight = people.person("Delapan", "M", born, UNIT, UNIT, YEAR, 8, 85.0, true);
        seven = people.person("Tujuh", "F", born, UNIT, UNIT, YEAR, 7, 80.0, true);
        disciplined = people.person("Disiplin", "M", born, UNIT, UNIT, YEAR, 8, 84.0, false);
        fx.discipline(disciplined, "LIGHT", LocalDate.of(2025, 6, 1));
        fx.discipline(disciplined, "MODERATE", LocalDate.of(2025, 3, 1));
        fx.discipline(disciplined, "SEVERE", LocalDate.of(2023, 12, 31)); // outside the 2-year window of 2025-12-31
        notEligible = people.person("Belum", "F", born, UNIT, UNIT, YEAR, 9, 81.0, false);
        people.person("Lima", "M", born, UNIT, UNIT, YEAR, 5, 70.0, true);
        String retired = people.person("Pensiun", "F", born, UNIT, UNIT, YEAR, 9, 99.0, true);
        fx.status(retired, "RETIRED");
        arranged = true;
    }

    @Test
    void theInstansiPoolHoldsTheEligibleProfilesOfItsBoxesWithReasons() {
        as("HR_OFFICER").get(PATH + "?year=" + YEAR + "&orgUnit=" + UNIT).then().statusCode(200)
                .body("year", equalTo(YEAR)).body("orgUnitCode", equalTo(UNIT)).body("policyVersion", equalTo(1))
                .body("instansi.boxes", contains(7, 8, 9))
                .body("instansi.count", equalTo(3))
                .body("instansi.members.nip", contains(nine, eight, seven))
                .body("instansi.members[0].name", equalTo("Sembilan"))
                .body("instansi.members[0].box", equalTo(9))
                .body("instansi.members[0].positionCode", equalTo("POS-" + UNIT))
                .body("instansi.members[0].meritScore", equalTo(92.5f))
                .body("instansi.members[0].reason",
                        equalTo("box 9 (performance HIGH × potential HIGH), merit score 92.5, no moderate or severe discipline in 2 years"))
                .body("instansi.members[1].reason", equalTo("box 8 (performance MEDIUM × potential HIGH), merit score 85, no moderate or severe discipline in 2 years"))
                .body("instansi.members[2].reason", containsString("box 7 (performance HIGH × potential MEDIUM)"));
    }

    @Test
    void theNationalPoolIsBoxNineAndEligible() {
        as("ADMIN").get(PATH + "?year=" + YEAR + "&orgUnit=" + UNIT).then().statusCode(200)
                .body("national.boxes", contains(9))
                .body("national.count", equalTo(1))
                .body("national.members.nip", contains(nine));
    }

    @Test
    void peopleInAPoolBoxWhoAreNotEligibleAreExcludedWithTheDiscipline() {
        as("ADMIN").get(PATH + "?year=" + YEAR + "&orgUnit=" + UNIT).then().statusCode(200)
                .body("excludedCount", equalTo(2))
                .body("excluded.nip", contains(notEligible, disciplined))
                .body("excluded[1].box", equalTo(8))
                .body("excluded[1].name", equalTo("Disiplin"))
                .body("excluded[1].reason", equalTo("in box 8 (performance MEDIUM × potential HIGH) but not eligible: MODERATE discipline "
                        + "decided on 2025-03-01, within the 2-year look-back"))
                .body("excluded[0].reason", containsString("the merit profile does not qualify"));
    }

    @Test
    void membersArePaged() {
        as("ADMIN").get(PATH + "?year=" + YEAR + "&orgUnit=" + UNIT + "&size=1&page=1").then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(1))
                .body("instansi.count", equalTo(3)).body("instansi.members.nip", contains(eight))
                .body("national.members", hasSize(0))
                .body("excluded.nip", contains(disciplined));
    }

    @Test
    void anotherYearHasItsOwnPool() {
        as("ADMIN").get(PATH + "?year=" + (YEAR - 3) + "&orgUnit=" + UNIT).then().statusCode(200)
                .body("instansi.count", equalTo(0)).body("national.count", equalTo(0)).body("excluded", hasSize(0));
    }

    @Test
    void badParametersAreNamed() {
        as("ADMIN").get(PATH + "?year=20x5").then().statusCode(400).body("errors[0].field", equalTo("year"));
        as("ADMIN").get(PATH + "?page=-1").then().statusCode(400).body("errors[0].field", equalTo("page"));
        as("ADMIN").get(PATH + "?orgUnit=" + UNIT + "-NOPE").then().statusCode(404).contentType("application/problem+json");
    }
}
