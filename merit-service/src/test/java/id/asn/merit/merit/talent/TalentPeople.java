package id.asn.merit.merit.talent;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.merit.testing.MeritFixtures;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** People with stored profiles for the talent report tests: an ACTIVE employee of a unit plus their profile of a year. */
final class TalentPeople {
    private final MeritFixtures fx;

    TalentPeople(MeritFixtures fx) {
        this.fx = fx;
    }

    /** A fresh unit-code prefix per test class (all tests share one database). */
    static String freshCode(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    }

    /** @return the new person's NIP */
    String person(String name, String gender, LocalDate birthDate, String unit, String path, int year, Integer box, Double score,
                  boolean eligible) {
        String nip = MeritFixtures.nip(birthDate, gender);
        fx.employee(nip, name, gender, birthDate, "III/a", LocalDate.of(2020, 1, 1), "S1", "POS-" + unit, "PELAKSANA", unit, path);
        fx.profile(nip, year, box, score, eligible, gender, birthDate, unit, path);
        return nip;
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role));
    }

    static RequestSpecification asUnitHead(String unit) {
        return given().auth().oauth2(TestInfra.token("UNIT_HEAD", null, unit));
    }
}
