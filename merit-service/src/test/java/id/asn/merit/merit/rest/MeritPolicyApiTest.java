package id.asn.merit.merit.rest;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class MeritPolicyApiTest {
    static Map<String, Object> rules(JsonPath current) {
        return current.getMap("rules");
    }

    @Test
    void publishANewVersionAndKeepTheOldOne() {
        JsonPath current = given().auth().oauth2(TestInfra.token("EMPLOYEE", "199002142015032007", null))
                .get("/api/v1/merit-policies/current").then().statusCode(200)
                .body("rules.potentialWeights.competency", equalTo(40)).body("rules.talentPoolBoxes", hasItem(9))
                .extract().jsonPath();
        int version = current.getInt("version");
        Map<String, Object> changed = new java.util.HashMap<>(rules(current));
        changed.put("potentialWeights", Map.of("competency", 45, "potentialTest", 20, "qualification", 20, "integrity", 15));
        given().auth().oauth2(TestInfra.token("ADMIN")).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("rules", changed, "note", "more weight on competency"))
                .put("/api/v1/merit-policies/current").then().statusCode(200)
                .body("version", equalTo(version + 1)).body("rules.potentialWeights.competency", equalTo(45));
        // the old version stays readable, and the stale ETag is refused
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).get("/api/v1/merit-policies/" + version).then().statusCode(200)
                .body("rules.potentialWeights.competency", equalTo(40));
        given().auth().oauth2(TestInfra.token("ADMIN")).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("rules", changed)).put("/api/v1/merit-policies/current").then().statusCode(412)
                .contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/merit-policies/audit?entity=MeritPolicy")
                .then().statusCode(200).body("items[0].action", equalTo("PUBLISH"));

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("asn.merit.v1"));
            ConsumerRecord<String, String> found = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    found = r;
                }
            }
            assertNotNull(found, "asn.merit.policy-published.v1 on asn.merit.v1");
            assertEquals("policy", found.key());
            assertEquals("asn.merit.policy-published.v1", new String(found.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
            assertEquals("/merit-service", new String(found.headers().lastHeader("ce_source").value(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void inconsistentRulesAndRolesAreRefused() {
        JsonPath current = given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/merit-policies/current").then().extract().jsonPath();
        Map<String, Object> bad = new java.util.HashMap<>(rules(current));
        bad.put("potentialWeights", Map.of("competency", 40, "potentialTest", 20, "qualification", 20, "integrity", 15));
        given().auth().oauth2(TestInfra.token("ADMIN")).contentType(ContentType.JSON).body(Map.of("rules", bad))
                .put("/api/v1/merit-policies/current").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("rules.potentialWeights"));
        Map<String, Object> outOfRange = new java.util.HashMap<>(rules(current));
        outOfRange.put("axisCutoffs", Map.of("high", 120, "medium", 60));
        given().auth().oauth2(TestInfra.token("ADMIN")).contentType(ContentType.JSON).body(Map.of("rules", outOfRange))
                .put("/api/v1/merit-policies/current").then().statusCode(400).body("errors[0].field", equalTo("rules.axisCutoffs.high"));
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON).body(Map.of("rules", rules(current)))
                .put("/api/v1/merit-policies/current").then().statusCode(403);
        given().get("/api/v1/merit-policies/current").then().statusCode(401);
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/merit-policies/999").then().statusCode(404);
        given().auth().oauth2(TestInfra.token("ADMIN")).get("/api/v1/merit-policies?size=0").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }
}
