package id.asn.merit.merit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.asn.merit.merit.rest.Policies.PATH;
import static id.asn.merit.merit.rest.Policies.as;
import static id.asn.merit.merit.rest.Policies.current;
import static id.asn.merit.merit.rest.Policies.ifMatch;
import static id.asn.merit.merit.rest.Policies.requestFromCurrent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Publishing a policy is announced on asn.merit.v1 as a CloudEvent (binary mode), relayed from the outbox. */
@QuarkusTest
class MeritPolicyEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPublishedPolicyIsAnnouncedOnTheMeritTopic() throws Exception {
        JsonPath before = current();
        int published = before.getInt("version") + 1;
        String effectiveFrom = LocalDate.now().toString();
        Map<String, Object> body = requestFromCurrent(before);
        body.put("effectiveFrom", effectiveFrom);
        as("ADMIN").header("If-Match", ifMatch(before)).body(body).put(PATH + "/current").then().statusCode(200);

        ConsumerRecord<String, String> found = null;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "merit-policy-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("asn.merit.v1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (found == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if ("asn.merit.policy-published.v1".equals(header(r, "ce_type"))
                            && JSON.readTree(r.value()).path("version").asInt() == published) {
                        found = r;
                    }
                }
            }
        }
        assertNotNull(found, "asn.merit.policy-published.v1 for version " + published + " on asn.merit.v1");
        assertEquals("policy", found.key());
        assertEquals("asn.merit.policy-published.v1", header(found, "ce_type"));
        assertEquals("/merit-service", header(found, "ce_source"));
        assertEquals("1.0", header(found, "ce_specversion"));
        assertEquals("policy", header(found, "ce_subject"));
        assertNotNull(header(found, "ce_id"));
        assertNotNull(header(found, "ce_time"));
        JsonNode data = JSON.readTree(found.value());
        assertEquals(published, data.path("version").asInt());
        assertEquals(effectiveFrom, data.path("effectiveFrom").asText());
        assertEquals("test-admin", data.path("publishedBy").asText());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
