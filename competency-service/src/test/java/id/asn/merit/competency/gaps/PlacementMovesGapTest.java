package id.asn.merit.competency.gaps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.competency.testing.Broker;
import id.asn.merit.devinfra.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.asn.merit.competency.gaps.GapWorld.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * On the real broker, end to end inside competency-service: an {@code asn.employee.placed.v1} read from
 * {@code asn.employee.v1} moves the person's gap, and {@code asn.competency.gap-changed.v1} with the old and new JPM
 * is relayed to {@code asn.competency.v1}; publishing a standard through the API does the same for everyone in the
 * position.
 */
@QuarkusTest
class PlacementMovesGapTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    static final ObjectMapper JSON = new ObjectMapper();
    static final String NIP = "198506062010061001";

    @Inject
    GapWorld world;

    static String placed(String nip, String position, String type, String unit, List<String> path, long version) {
        return """
                {"nip":"%s","name":"Maya Sari","employmentType":"PNS","rank":"III/c","positionCode":"%s","positionType":"%s",
                 "orgUnitCode":"%s","orgUnitPath":%s,"status":"ACTIVE","version":%d,
                 "placement":{"positionCode":"%s","orgUnitCode":"%s","effectiveDate":"%s","assignment":"DEFINITIF"}}"""
                .formatted(nip, position, type, unit, path.stream().map(p -> '"' + p + '"').toList(), version, position, unit, TODAY);
    }

    /** The gap-changed events of a NIP on asn.competency.v1 once there are {@code count}, as published. */
    static List<JsonNode> published(String nip, int count) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-gap-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("asn.competency.v1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    var type = r.headers().lastHeader("ce_type");
                    if (nip.equals(r.key()) && type != null
                            && new String(type.value(), StandardCharsets.UTF_8).equals("asn.competency.gap-changed.v1")) {
                        found.add(JSON.readTree(r.value()));
                    }
                }
            }
        }
        return found;
    }

    @Test
    void aPlacementReadFromTheBrokerMovesTheGapAndPublishesGapChanged() throws Exception {
        world.unit("PM", null, "PM");
        world.unit("PM-A", "PM", "PM/PM-A");
        world.position("PM-PLK", "PM", "PELAKSANA", null);
        world.position("PM-ADM", "PM-A", "ADMINISTRATOR", null);
        world.standard("PM-ADM", 1, TODAY.minusYears(1), "M.1", 4, "MUTLAK");
        world.assess(NIP, TODAY.minusDays(5), "M.1", 2.0, "M.2", 1.0, "M.3", 1.0, "M.4", 1.0, "M.5", 1.0, "M.6", 1.0, "M.7", 1.0,
                "M.8", 1.0, "SK.1", 1.0);
        Broker.send("asn.employee.v1", NIP, "asn.employee.registered.v1", placed(NIP, "PM-PLK", "PELAKSANA", "PM", List.of("PM"), 1));
        List<JsonNode> first = published(NIP, 1);
        assertThat(first, hasSize(1));
        assertThat(first.get(0).get("jpm").decimalValue().doubleValue(), equalTo(100.0));

        Broker.send("asn.employee.v1", NIP, "asn.employee.placed.v1", placed(NIP, "PM-ADM", "ADMINISTRATOR", "PM-A", List.of("PM", "PM-A"), 2));
        List<JsonNode> both = published(NIP, 2);
        assertThat(both, hasSize(2));
        JsonNode moved = both.get(1);
        assertThat(moved.get("cause").asText(), equalTo("PLACEMENT"));
        assertThat(moved.get("positionCode").asText(), equalTo("PM-ADM"));
        assertThat(moved.get("oldJpm").decimalValue().doubleValue(), equalTo(100.0));
        assertThat(moved.get("jpm").decimalValue().doubleValue(), equalTo(50.0));
        as("HR_OFFICER").get("/api/v1/competency-gaps/" + NIP).then().statusCode(200)
                .body("positionCode", equalTo("PM-ADM")).body("jpm", equalTo(50.0f));
        as("HR_OFFICER").get("/api/v1/competency-gaps?orgUnit=PM-A").then().statusCode(200).body("items[0].nip", equalTo(NIP));

        // a new standard published through the API moves everyone in the position
        as("HR_OFFICER").body(Map.of("effectiveFrom", TODAY.toString(),
                        "items", List.of(Map.of("competencyCode", "M.1", "requiredLevel", 2, "importance", "MUTLAK"))))
                .put("/api/v1/competency-standards/PM-ADM").then().statusCode(200);
        List<JsonNode> three = published(NIP, 3);
        assertThat(three, hasSize(3));
        assertThat(three.get(2).get("cause").asText(), equalTo("STANDARD"));
        assertThat(three.get(2).get("jpm").decimalValue().doubleValue(), equalTo(100.0));
    }
}
