package id.asn.merit.merit.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static id.asn.merit.merit.rest.Policies.PATH;
import static id.asn.merit.merit.rest.Policies.as;
import static id.asn.merit.merit.rest.Policies.current;
import static id.asn.merit.merit.rest.Policies.ifMatch;
import static id.asn.merit.merit.rest.Policies.requestFromCurrent;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Publishing a policy leaves an audit entry with who, the version before and the version after. */
@QuarkusTest
class MeritAuditTest {

    @Test
    void publishingIsAudited() {
        JsonPath before = current();
        int version = before.getInt("version");
        Map<String, Object> body = requestFromCurrent(before);
        body.put("meritWeights", Map.of("performance", 60, "potential", 40));
        as("ADMIN").header("If-Match", ifMatch(before)).header("X-Request-Id", "audit-publish-1").body(body)
                .put(PATH + "/current").then().statusCode(200);

        as("ADMIN").get(PATH + "/audit?entity=MeritPolicy&id=" + (version + 1)).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].action", equalTo("PUBLISH"))
                .body("items[0].actor", equalTo("test-admin"))
                .body("items[0].roles", contains("ADMIN"))
                .body("items[0].before.version", equalTo(version))
                .body("items[0].after.version", equalTo(version + 1))
                .body("items[0].after.meritWeights.performance", equalTo(60))
                .body("items[0].requestId", equalTo("audit-publish-1"));
    }

    @Test
    void aRefusedPublishLeavesNoEntry() {
        JsonPath before = current();
        int next = before.getInt("version") + 1;
        Map<String, Object> body = requestFromCurrent(before);
        body.put("meritWeights", Map.of("performance", 60, "potential", 60));
        as("ADMIN").header("If-Match", ifMatch(before)).body(body).put(PATH + "/current").then().statusCode(400);
        as("ADMIN").get(PATH + "/audit?entity=MeritPolicy&id=" + next).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void hrOfficerCannotReadTheAuditLog() {
        as("HR_OFFICER").get(PATH + "/audit").then().statusCode(403).contentType("application/problem+json");
    }
}
