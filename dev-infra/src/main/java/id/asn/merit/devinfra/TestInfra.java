package id.asn.merit.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * One real PostgreSQL server, one real Kafka broker and one development key pair per test JVM, started on
 * first use and stopped when the JVM exits.
 */
public final class TestInfra {
    private static TestInfra instance;

    private final Path workDir;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;

    private TestInfra() {
        try {
            workDir = Files.createTempDirectory("asn-test-infra");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = PostgresServer.start(0, null, true);
        kafka = new KafkaBroker(0, 0, workDir.resolve("kafka"), org.apache.kafka.common.Uuid.randomUuid().toString())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }, "test-infra-shutdown"));
    }

    public static synchronized TestInfra get() {
        if (instance == null) {
            instance = new TestInfra();
        }
        return instance;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Path publicKey() {
        return TestTokens.keyDir().resolve(DevJwt.PUBLIC_KEY_FILE);
    }

    /** A fresh, empty database whose name starts with prefix. */
    public String freshDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        postgres.ensureDatabase(name);
        return name;
    }

    /** A signed token for the given role; nip and unit may be null. */
    public static String token(String role, String nip, String unit) {
        return TestTokens.token(role, nip, unit);
    }

    public static String token(String role) {
        return TestTokens.token(role);
    }
}
