package id.asn.merit.platform.problem;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Control characters in a path or query parameter, and a typed query parameter that does not convert, are a 400
 * problem+json naming the parameter — not a 500 from PostgreSQL, not a bare 404 (ParameterValidationFilter).
 */
@QuarkusTest
class ParameterValidationTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestInfra.token("ADMIN")).urlEncodingEnabled(false);
    }

    @Test
    void aGoodRequestPasses() {
        admin().get(ProbeResource.PATH + "/A1?q=a%20b&page=2&size=10&from=2024-01-31&colour=GREEN&subtree=true").then()
                .statusCode(200).body("page", equalTo(2)).body("colour", equalTo("GREEN"));
    }

    @Test
    void aNulInAPathParameterIsA400NamingIt() {
        admin().get(ProbeResource.PATH + "/%00").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code")).body("errors[0].message", containsString("U+0000"));
        admin().get(ProbeResource.PATH + "/A%001").then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void otherControlCharactersInAPathParameterAreA400() {
        for (String c : new String[] {"%01", "%1F", "%7F", "%0A", "%09", "%C2%85"}) {
            admin().get(ProbeResource.PATH + "/A" + c).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("code"));
        }
    }

    @Test
    void controlCharactersInAQueryParameterAreA400NamingIt() {
        admin().get(ProbeResource.PATH + "/A1?q=%00").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"));
        admin().get(ProbeResource.PATH + "/A1?page=1&q=x%01y").then().statusCode(400).body("errors[0].field", equalTo("q"));
        admin().get(ProbeResource.PATH + "/A1?undeclared=%00").then().statusCode(400).body("errors[0].field", equalTo("undeclared"));
    }

    @Test
    void aNonNumberPageOrSizeIsA400NamingItNotA404() {
        admin().get(ProbeResource.PATH + "/A1?page=abc").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page")).body("errors[0].message", containsString("whole number"));
        admin().get(ProbeResource.PATH + "/A1?size=1.5").then().statusCode(400).body("errors[0].field", equalTo("size"));
        admin().get(ProbeResource.PATH + "/A1?size=99999999999").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void aDateOrEnumQueryParameterThatDoesNotConvertIsA400NamingIt() {
        admin().get(ProbeResource.PATH + "/A1?from=yesterday").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        admin().get(ProbeResource.PATH + "/A1?from=2024-02-30").then().statusCode(400).body("errors[0].field", equalTo("from"));
        admin().get(ProbeResource.PATH + "/A1?colour=BLUE").then().statusCode(400).body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", containsString("RED"));
    }

    @Test
    void withoutATokenItIsStillA401() {
        given().urlEncodingEnabled(false).get(ProbeResource.PATH + "/%00").then().statusCode(401);
    }
}
