package id.asn.merit.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka in order ({@code acks=all}, idempotent producer) and marks a row sent only after
 * the broker acknowledged it. A failed batch is retried with exponential back-off; rows are never deleted.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas can relay side by side.
 * Delivery is at least once: a crash between the ack and the commit re-sends, which idempotent consumers absorb.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxConfig config;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProducer<String, byte[]> producer;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnsentAgeSeconds = new AtomicLong();
    private static final long METRICS_INTERVAL_NANOS = 5_000_000_000L;
    private volatile long metricsRefreshedAt = System.nanoTime() - METRICS_INTERVAL_NANOS;
    private Counter published;
    private Counter failures;

    void start(@Observes StartupEvent event) {
        Gauge.builder("asn.outbox.backlog", backlog, AtomicLong::get)
                .description("outbox events not yet acknowledged by Kafka").register(registry);
        Gauge.builder("asn.outbox.oldest.unsent.age", oldestUnsentAgeSeconds, AtomicLong::get)
                .baseUnit("seconds").description("age of the oldest unsent outbox event").register(registry);
        published = Counter.builder("asn.outbox.published").description("events acknowledged by Kafka").register(registry);
        failures = Counter.builder("asn.outbox.failures").description("failed publish attempts").register(registry);
    }

    void stop(@Observes ShutdownEvent event) {
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    @Scheduled(every = "${asn.outbox.poll-interval:0.5s}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (!config.enabled()) {
            return;
        }
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (sent == config.batchSize());
            long now = System.nanoTime();
            if (sent != 0 || now - metricsRefreshedAt > METRICS_INTERVAL_NANOS) {
                // an idle relay need not count its backlog twice a second
                QuarkusTransaction.requiringNew().run(this::refreshMetrics);
                metricsRefreshedAt = now;
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay round failed: %s", e.toString());
        }
    }

    /** @return how many events were acknowledged */
    int publishBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = em.createNativeQuery("""
                select * from outbox_event
                where sent_at is null and next_attempt_at <= now()
                order by seq
                limit :limit
                for update skip locked""", OutboxEvent.class)
                .setParameter("limit", config.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        RuntimeException failure = null;
        try {
            for (OutboxEvent event : batch) {
                acks.add(producer().send(new ProducerRecord<>(event.topic, null, event.key,
                        event.payload.getBytes(StandardCharsets.UTF_8), CloudEventHeaders.of(event))));
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        int acknowledged = 0;
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < acks.size(); i++) {
            OutboxEvent event = batch.get(i);
            if (failure != null) {
                break;
            }
            try {
                acks.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                event.sentAt = now;
                event.attempts++;
                acknowledged++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted", e);
            } catch (Exception e) {
                failure = new IllegalStateException(e.getCause() != null ? e.getCause().toString() : e.toString(), e);
            }
        }
        if (failure != null) {
            // keep the order: everything not acknowledged in this batch waits for the same back-off
            failures.increment();
            for (OutboxEvent event : batch) {
                if (event.sentAt == null) {
                    event.attempts++;
                    event.lastError = truncate(failure.getMessage());
                    event.nextAttemptAt = now.plus(backoff(event.attempts));
                }
            }
            LOG.warnf("outbox: %d of %d events acknowledged, the rest retries later: %s", acknowledged, batch.size(),
                    failure.getMessage());
        }
        published.increment(acknowledged);
        return failure == null ? acknowledged : -1;
    }

    Duration backoff(int attempts) {
        long millis = config.initialBackoff().toMillis() << Math.min(20, Math.max(0, attempts - 1));
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    private void refreshMetrics() {
        Object[] row = (Object[]) em.createNativeQuery(
                "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) from outbox_event where sent_at is null")
                .getSingleResult();
        backlog.set(((Number) row[0]).longValue());
        oldestUnsentAgeSeconds.set(((Number) row[1]).longValue());
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis() - 1_000);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
