package id.asn.merit.competency.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static id.asn.merit.competency.rest.Competencies.PATH;
import static id.asn.merit.competency.rest.Competencies.as;
import static id.asn.merit.competency.rest.Competencies.teknis;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Every 4xx is application/problem+json and names the field that is wrong. */
@QuarkusTest
class CompetencyProblemTest {

    @Test
    void aBadEnumValueInJsonNamesGroup() {
        Map<String, Object> body = teknis("T.20");
        body.put("group", "LAINNYA");
        as("HR_OFFICER").body(body).post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("group"))
                .body("errors[0].message", containsString("TEKNIS"));
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        Map<String, Object> body = teknis("T.21");
        body.remove("name");
        as("HR_OFFICER").body(body).post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
        Map<String, Object> noGroup = teknis("T.21");
        noGroup.remove("group");
        as("HR_OFFICER").body(noGroup).post(PATH).then().statusCode(400).body("errors.field", hasItem("group"));
    }

    @Test
    void theLevelsMustBeOneToFiveEachOnce() {
        as("HR_OFFICER").body(teknis("T.22", 1, 2, 3, 3, 5)).post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("levels"))
                .body("errors[0].message", containsString("level 3"));
        as("HR_OFFICER").body(teknis("T.22", 1, 2, 3, 4)).post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("levels"));
        as("HR_OFFICER").body(teknis("T.22", 1, 2, 3, 4, 5, 5)).post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("levels"));
        as("HR_OFFICER").body(teknis("T.22", 0, 1, 2, 3, 4)).post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("levels[0].level"));
        Map<String, Object> untitled = teknis("T.22");
        @SuppressWarnings("unchecked")
        Map<String, Object> second = ((List<Map<String, Object>>) untitled.get("levels")).get(1);
        second.put("title", " ");
        as("HR_OFFICER").body(untitled).post(PATH).then().statusCode(400).body("errors[0].field", equalTo("levels[1].title"));
        as("ADMIN").get(PATH + "/T.22").then().statusCode(404);
    }

    @Test
    void theCodeMustFollowThePattern() {
        for (String bad : List.of("teknis-1", "T1", "TEKNI.1", "T.1234")) {
            as("HR_OFFICER").body(teknis(bad)).post(PATH).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("code"));
        }
    }

    @Test
    void thePathAndBodyCodesMustAgree() {
        as("HR_OFFICER").body(teknis("T.23")).post(PATH).then().statusCode(201);
        as("HR_OFFICER").body(teknis("T.24")).put(PATH + "/T.23").then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void malformedJsonIsABadRequestOnTheBody() {
        as("HR_OFFICER").body("{\"code\": \"T.25\" \"group\": \"TEKNIS\"}").post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        as("HR_OFFICER").body("{\"code\": \"T.25\", \"levels\": [").post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("levels"));
        as("HR_OFFICER").body("{\"code\": \"T.25\", \"group\": \"TEKNIS\", \"name\": \"X\", \"levels\": \"five\"}").post(PATH)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("levels"));
        as("HR_OFFICER").post(PATH).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aBadIfMatchIsNamed() {
        as("HR_OFFICER").body(teknis("T.26")).post(PATH).then().statusCode(201);
        as("HR_OFFICER").header("If-Match", "yesterday").body(teknis("T.26")).put(PATH + "/T.26").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
    }
}
