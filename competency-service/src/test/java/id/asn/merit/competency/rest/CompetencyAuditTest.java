package id.asn.merit.competency.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static id.asn.merit.competency.rest.Competencies.PATH;
import static id.asn.merit.competency.rest.Competencies.as;
import static id.asn.merit.competency.rest.Competencies.teknis;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Every write to the dictionary leaves an audit entry with who, what, before and after. */
@QuarkusTest
class CompetencyAuditTest {

    @Test
    void createAndReplaceAreAudited() {
        as("HR_OFFICER").header("X-Request-Id", "audit-create-T60").body(teknis("T.60")).post(PATH).then().statusCode(201);
        Map<String, Object> changed = teknis("T.60");
        changed.put("name", "Pengawasan Perizinan");
        as("ADMIN").header("If-Match", "\"0\"").body(changed).put(PATH + "/T.60").then().statusCode(200);

        as("ADMIN").get(PATH + "/audit?entity=Competency&id=T.60").then().statusCode(200)
                .contentType("application/json")
                .body("total", equalTo(2))
                .body("items.action", contains("UPDATE", "CREATE"))
                .body("items[0].actor", equalTo("test-admin"))
                .body("items[0].roles", contains("ADMIN"))
                .body("items[0].before.name", equalTo("Pelayanan Perizinan Berusaha T.60"))
                .body("items[0].after.name", equalTo("Pengawasan Perizinan"))
                .body("items[0].after.version", equalTo(1))
                .body("items[1].before", nullValue())
                .body("items[1].after.code", equalTo("T.60"))
                .body("items[1].requestId", equalTo("audit-create-T60"));
    }

    @Test
    void aRefusedChangeLeavesNoEntry() {
        Map<String, Object> manajerial = teknis("M.10");
        manajerial.put("group", "MANAJERIAL");
        as("ADMIN").body(manajerial).post(PATH).then().statusCode(422);
        as("ADMIN").get(PATH + "/audit?entity=Competency&id=M.10").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void hrOfficerCannotReadTheAuditLog() {
        as("HR_OFFICER").get(PATH + "/audit?entity=Competency").then().statusCode(403).contentType("application/problem+json");
    }
}
