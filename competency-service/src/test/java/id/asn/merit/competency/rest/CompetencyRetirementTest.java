package id.asn.merit.competency.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static id.asn.merit.competency.rest.Competencies.PATH;
import static id.asn.merit.competency.rest.Competencies.as;
import static id.asn.merit.competency.rest.Competencies.teknis;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A competency is never deleted (standards and assessments name it); one no longer used is retired. */
@QuarkusTest
class CompetencyRetirementTest {

    @Test
    void aRetiredCompetencyLeavesTheDefaultListButStaysReadableByCode() {
        as("ADMIN").body(teknis("T.70")).post(PATH).then().statusCode(201);
        as("ADMIN").get(PATH + "/T.70").then().statusCode(200).body("retired", equalTo(false)).body("retiredAt", nullValue());

        as("ADMIN").header("X-Request-Id", "retire-T70").post(PATH + "/T.70/retirement").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("code", equalTo("T.70")).body("retired", equalTo(true)).body("retiredAt", notNullValue()).body("version", equalTo(1));

        as("EMPLOYEE").get(PATH + "/T.70").then().statusCode(200)
                .body("retired", equalTo(true)).body("name", equalTo("Pelayanan Perizinan Berusaha T.70"));
        as("EMPLOYEE").get(PATH + "?q=T.70").then().statusCode(200).body("total", equalTo(0));
        as("EMPLOYEE").get(PATH + "?q=T.70&retired=false").then().statusCode(200).body("total", equalTo(0));
        as("EMPLOYEE").get(PATH + "?q=T.70&retired=true").then().statusCode(200)
                .body("items.code", contains("T.70")).body("items[0].retired", equalTo(true));
        as("EMPLOYEE").get(PATH + "?q=T.70&retired=all").then().statusCode(200).body("items.code", contains("T.70"));
        as("EMPLOYEE").get(PATH + "?retired=true").then().statusCode(200).body("items.code", not(hasItem("M.1")));
        as("EMPLOYEE").get(PATH + "?group=MANAJERIAL").then().statusCode(200).body("total", equalTo(8));
    }

    @Test
    void retiringAgainAnswersTheSameStateAndIsAuditedOnce() {
        as("ADMIN").body(teknis("T.71")).post(PATH).then().statusCode(201);
        ExtractableResponse<Response> first = as("ADMIN").post(PATH + "/T.71/retirement").then().statusCode(200).extract();
        ExtractableResponse<Response> again = as("ADMIN").post(PATH + "/T.71/retirement").then().statusCode(200).extract();
        assertEquals(first.path("retiredAt").toString(), again.path("retiredAt").toString());
        assertEquals((Integer) first.path("version"), again.path("version"));

        as("ADMIN").get(PATH + "/audit?entity=Competency&id=T.71").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.action", contains("RETIRE", "CREATE"))
                .body("items[0].actor", equalTo("test-admin"))
                .body("items[0].before.retired", equalTo(false))
                .body("items[0].after.retired", equalTo(true));
    }

    @Test
    void aRetiredCompetencyCannotBeChanged() {
        as("ADMIN").body(teknis("T.72")).post(PATH).then().statusCode(201);
        as("ADMIN").post(PATH + "/T.72/retirement").then().statusCode(200);
        Map<String, Object> changed = teknis("T.72");
        changed.put("name", "Renamed After Retirement");
        as("HR_OFFICER").body(changed).put(PATH + "/T.72").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("retired"));
        as("ADMIN").get(PATH + "/T.72").then().body("name", equalTo("Pelayanan Perizinan Berusaha T.72"));
    }

    @Test
    void theRegulationsCompetenciesAndUnknownCodesAreNotRetired() {
        as("ADMIN").post(PATH + "/M.1/retirement").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("group"));
        as("ADMIN").get(PATH + "/M.1").then().body("retired", equalTo(false));
        as("ADMIN").post(PATH + "/T.999/retirement").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aBadRetiredFilterNamesTheParameter() {
        as("ADMIN").get(PATH + "?retired=yes").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("retired"));
    }

    @Test
    void thereIsNoDelete() {
        as("ADMIN").body(teknis("T.73")).post(PATH).then().statusCode(201);
        as("ADMIN").delete(PATH + "/T.73").then().statusCode(405);
        as("ADMIN").get(PATH + "/T.73").then().statusCode(200);
    }
}
