package id.asn.merit.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Dead letters (SYSTEM.md §5): a record a consumer cannot process goes, unchanged (key, value and every original
 * header), to {@code <topic>.dlq.<consumer>} with the error in {@code dead-letter-*} headers (the names SmallRye
 * Reactive Messaging uses, so tools that read those keep working). Sent with acks=all and awaited: when the dead
 * letter cannot be written either, {@link #send} throws and the record must not be acknowledged.
 */
@ApplicationScoped
public class DeadLetterQueue {
    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String EXCEPTION = "dead-letter-exception-class-name";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String CONSUMER = "dead-letter-consumer";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "asn.consumer.dead-letter-timeout", defaultValue = "30s")
    Duration timeout;

    private KafkaProducer<byte[], byte[]> producer;

    /** The dead-letter topic of a consumer of topic: {@code <topic>.dlq.<consumer>}. */
    public static String topicFor(String topic, String consumer) {
        return topic + ".dlq." + consumer;
    }

    /** Writes record to {@link #topicFor}(record.topic(), consumer) with error in the headers; returns when acknowledged. */
    public void send(ConsumerRecord<?, ?> record, String consumer, Throwable error) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            headers.add(h);
        }
        add(headers, REASON, error.getMessage() != null ? error.getMessage() : error.toString());
        Throwable cause = error.getCause();
        if (cause != null) {
            add(headers, CAUSE, cause.getMessage() != null ? cause.getMessage() : cause.toString());
        }
        add(headers, EXCEPTION, error.getClass().getName());
        add(headers, TOPIC, record.topic());
        add(headers, PARTITION, Integer.toString(record.partition()));
        add(headers, OFFSET, Long.toString(record.offset()));
        add(headers, CONSUMER, consumer);
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(topicFor(record.topic(), consumer), null,
                bytes(record.key()), bytes(record.value()), headers);
        try {
            producer().send(dead).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the dead letter for " + record.topic() + "@" + record.partition() + ":"
                    + record.offset() + " was not written: " + e, e);
        }
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] b) {
            return b;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        String v = value.length() <= 4000 ? value : value.substring(0, 4000);
        headers.add(name, v.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
            producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
