package id.asn.merit.platform.outbox;

import id.asn.merit.devinfra.KafkaBroker;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A Kafka broker of the relay tests' own, on fixed ports for the whole JVM, so a test can stop it and start it again
 * without breaking the other tests, which share dev-infra's TestInfra broker.
 */
final class OwnBroker {
    private static KafkaBroker broker;

    private OwnBroker() {
    }

    static synchronized KafkaBroker get() {
        if (broker == null) {
            try {
                broker = new KafkaBroker(0, 0, Files.createTempDirectory("relay-test-kafka").resolve("kafka"),
                        Uuid.randomUuid().toString()).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "relay-test-kafka-shutdown"));
        }
        if (!broker.isRunning()) {
            broker.start();
        }
        return broker;
    }
}
