package id.asn.merit.suite;

import id.asn.merit.devinfra.KafkaBroker;
import id.asn.merit.devinfra.PostgresServer;
import id.asn.merit.devinfra.TestInfra;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Events across services on the real broker: employee-service's outbox → asn.employee.v1 → training-service's
 * replica, exactly once in effect, and nothing lost while the broker is down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsEndToEndTest {
    static RunningSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        unit("E2E-ROOT", null, "INSTANSI");
        unit("E2E-DINAS", "E2E-ROOT", "PERANGKAT_DAERAH");
    }

    static void unit(String code, String parent, String level) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Unit " + code, "level", level));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON).body(body)
                .post(suite.url("employee-service") + "/api/v1/org-units").then().statusCode(201);
    }

    static void register(String nip, String name, String gender, String birthDate) {
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON)
                .body(Map.of("nip", nip, "name", name, "gender", gender, "birthDate", birthDate, "employmentType", "PNS",
                        "rank", "III/a", "orgUnitCode", "E2E-DINAS"))
                .post(suite.url("employee-service") + "/api/v1/employees").then().statusCode(201);
    }

    @Test
    @Order(1)
    void aRegisteredEmployeeReachesTheTrainingReplicaExactlyOnce() throws Exception {
        String nip = "198811122012121001";
        register(nip, "Markus Wompere", "M", "1988-11-12");

        Map<String, String> replica = awaitReplica(nip);
        assertEquals("Markus Wompere", replica.get("name"));
        assertEquals("E2E-ROOT/E2E-DINAS", replica.get("org_unit_path"));
        assertEquals("asn.employee.registered.v1", replica.get("last_event_type"));
        String eventId = replica.get("last_event_id");
        assertEquals(1, count("select count(*) from processed_event where event_id = ?", eventId));

        // deliver the very same record again (same ce_id, same headers), then a marker behind it on the same key
        ConsumerRecord<String, String> original = readEvent(nip, eventId);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(original.topic(), null, original.key(),
                    original.value().replace("Markus Wompere", "Changed By Duplicate"), original.headers())).get();
        }
        given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON).body(Map.of("rank", "III/b"))
                .patch(suite.url("employee-service") + "/api/v1/employees/" + nip).then().statusCode(200);
        awaitValue(nip, "rank", "III/b");

        Map<String, String> after = replica(nip);
        assertEquals("Markus Wompere", after.get("name"), "the duplicate was not applied");
        assertEquals(1, count("select count(*) from processed_event where event_id = ?", eventId));
        assertEquals(1, count("select count(*) from employee_replica where nip = ?", nip));
    }

    @Test
    @Order(2)
    void eventsWrittenWhileTheBrokerIsDownAreDeliveredAfterItReturns() {
        KafkaBroker broker = TestInfra.get().kafka();
        List<String> nips = List.of("199103032015031001", "199104042015032002", "199105052015031003");
        broker.stop();
        try {
            register(nips.get(0), "Broker Down Satu", "M", "1991-03-03");
            register(nips.get(1), "Broker Down Dua", "F", "1991-04-04");
            register(nips.get(2), "Broker Down Tiga", "M", "1991-05-05");
            assertEquals(3, count(suite.jdbcUrl("employee-service"),
                    "select count(*) from outbox_event where sent_at is null and event_key in (?, ?, ?)", nips.toArray(String[]::new)));
        } finally {
            broker.start();
        }
        for (String nip : nips) {
            assertNotNull(awaitReplica(nip).get("name"), "replicated after the broker came back: " + nip);
        }
        assertEquals(0, count(suite.jdbcUrl("employee-service"),
                "select count(*) from outbox_event where sent_at is null", new String[0]));
    }

    // --- helpers

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    static ConsumerRecord<String, String> readEvent(String key, String eventId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("asn.employee.v1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    var id = r.headers().lastHeader("ce_id");
                    if (key.equals(r.key()) && id != null && eventId.equals(new String(id.value(), StandardCharsets.UTF_8))) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("event " + eventId + " not on asn.employee.v1");
    }

    static Map<String, String> awaitReplica(String nip) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, String> row = replica(nip);
            if (row != null) {
                return row;
            }
            sleep();
        }
        throw new AssertionError("employee " + nip + " never reached training-service's replica");
    }

    static void awaitValue(String nip, String column, String value) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, String> row = replica(nip);
            if (row != null && value.equals(row.get(column))) {
                return;
            }
            sleep();
        }
        throw new AssertionError("replica of " + nip + " never got " + column + " = " + value);
    }

    static Map<String, String> replica(String nip) {
        try (Connection c = connect(suite.jdbcUrl("training-service"));
             PreparedStatement ps = c.prepareStatement("select * from employee_replica where nip = ?")) {
            ps.setString(1, nip);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static long count(String sql, String param) {
        return count(suite.jdbcUrl("training-service"), sql, new String[] {param});
    }

    static long count(String jdbcUrl, String sql, String[] params) {
        try (Connection c = connect(jdbcUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
    }

    static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
