package id.asn.merit.merit.profiles;

import id.asn.merit.devinfra.TestInfra;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.time.ZoneId;

import static io.restassured.RestAssured.given;

/** Callers and the merit year shared by the profile API tests. */
final class ProfileCallers {
    static final String PROFILES = "/api/v1/merit-profiles";
    static final String RECOMPUTATIONS = "/api/v1/merit-policies/recomputations";
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();

    private ProfileCallers() {
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    static RequestSpecification as(String role, String nip, String unit) {
        return given().auth().oauth2(TestInfra.token(role, nip, unit)).contentType(ContentType.JSON);
    }
}
