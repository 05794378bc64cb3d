package id.asn.merit.devinfra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevInfraTest {

    @Test
    void postgresServesAFreshDatabase() throws Exception {
        TestInfra infra = TestInfra.get();
        String db = infra.freshDatabase("probe");
        try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl(db), PostgresServer.USER, PostgresServer.PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("select current_database(), version()")) {
            rs.next();
            assertEquals(db, rs.getString(1));
            assertTrue(rs.getString(2).startsWith("PostgreSQL 17"), rs.getString(2));
        }
    }

    @Test
    void kafkaKeepsMessagesAcrossARestart() {
        KafkaBroker broker = TestInfra.get().kafka();
        send(broker, "probe.restart", "before");
        broker.stop();
        broker.start();
        send(broker, "probe.restart", "after");
        assertEquals(List.of("before", "after"), readAll(broker, "probe.restart", 2));
    }

    @Test
    void tokensVerifyWithThePublicKey() throws Exception {
        String token = TestInfra.token("HR_OFFICER", "198503152010011001", null);
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        String pem = Files.readString(TestInfra.get().publicKey()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem))));
        verifier.update((parts[0] + "." + parts[1]).getBytes());
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])));
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        assertTrue(claims.contains("\"groups\":[\"HR_OFFICER\"]"), claims);
        assertTrue(claims.contains("\"nip\":\"198503152010011001\""), claims);
    }

    private static void send(KafkaBroker broker, String topic, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> readAll(KafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
