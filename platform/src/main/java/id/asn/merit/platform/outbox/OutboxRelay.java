package id.asn.merit.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This replica's outbox relay: every {@code asn.outbox.poll-interval} it runs {@link OutboxRelayInstance} rounds
 * until the backlog is drained or the broker fails, and keeps the outbox metrics. How leadership, order and outages are
 * handled is described on {@link OutboxRelayInstance}; after a failed round the relay itself waits (back-off growing
 * with consecutive failures up to {@code max-backoff}) instead of scanning the backlog on every tick.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long METRICS_INTERVAL_NANOS = 5_000_000_000L;

    @Inject
    OutboxConfig config;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name", defaultValue = "outbox")
    String applicationName;

    private volatile OutboxRelayInstance instance;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnsentAgeSeconds = new AtomicLong();
    private volatile long metricsRefreshedAt = System.nanoTime() - METRICS_INTERVAL_NANOS;
    private volatile long pausedUntil = System.nanoTime();
    private int failedRounds;
    private Counter published;
    private Counter failures;

    /** The meters exist before the first scheduled round, which may come before the StartupEvent reaches this bean. */
    @PostConstruct
    void registerMeters() {
        Gauge.builder("asn.outbox.backlog", backlog, AtomicLong::get)
                .description("outbox events not yet acknowledged by Kafka").register(registry);
        Gauge.builder("asn.outbox.oldest.unsent.age", oldestUnsentAgeSeconds, AtomicLong::get)
                .baseUnit("seconds").description("age of the oldest unsent outbox event").register(registry);
        published = Counter.builder("asn.outbox.published").description("events acknowledged by Kafka").register(registry);
        failures = Counter.builder("asn.outbox.failures").description("failed publish attempts").register(registry);
    }

    void start(@Observes StartupEvent event) {
        // observing StartupEvent creates the bean at start, so the gauges are there from the first scrape
    }

    void stop(@Observes ShutdownEvent event) {
        OutboxRelayInstance i = instance;
        if (i != null) {
            i.close();
        }
    }

    @Scheduled(every = "${asn.outbox.poll-interval:0.5s}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (!config.enabled()) {
            return;
        }
        boolean moved = false;
        try {
            if (System.nanoTime() - pausedUntil >= 0) {
                OutboxRelayInstance.Round round;
                // go on at once while the backlog gives rows (a round may give fewer than the batch size and still not
                // be the last: rows of a key held back by an older one are left out of it)
                do {
                    round = instance().relayBatch();
                    moved |= round.claimed() > 0;
                    published.increment(round.acknowledged());
                    failures.increment(round.rejected());
                } while (!round.failed() && round.claimed() > 0 && round.acknowledged() + round.rejected() > 0
                        && System.nanoTime() - pausedUntil >= 0);
                if (round.failed()) {
                    failures.increment();
                    failedRounds++;
                    pausedUntil = System.nanoTime() + backoff(failedRounds).toNanos();
                } else {
                    failedRounds = 0;
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("outbox relay round failed: %s", e.toString());
        }
        long now = System.nanoTime();
        if (moved || now - metricsRefreshedAt > METRICS_INTERVAL_NANOS) {
            // an idle relay need not count its backlog on every tick
            refreshMetrics();
            metricsRefreshedAt = now;
        }
    }

    /**
     * Gives up this replica's leadership of the relay and stands by for {@code duration} (another replica takes over
     * on its next round): for a rolling restart, and for the take-over test. Waits for a round in progress to end.
     */
    public void standBy(Duration duration) {
        pausedUntil = System.nanoTime() + duration.toNanos();
        OutboxRelayInstance i = instance;
        if (i != null) {
            i.stepDown();
        }
    }

    Duration backoff(int attempts) {
        long millis = config.initialBackoff().toMillis() << Math.min(20, Math.max(0, attempts - 1));
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    private OutboxRelayInstance instance() {
        OutboxRelayInstance i = instance;
        if (i == null) {
            String id = applicationName + "-" + UUID.randomUUID();
            i = new OutboxRelayInstance(dataSource, config,
                    () -> OutboxRelayInstance.newProducer(config, bootstrapServers, "outbox-relay-" + id), id);
            instance = i;
        }
        return i;
    }

    private void refreshMetrics() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)::bigint from outbox_event where sent_at is null")) {
            rs.next();
            backlog.set(rs.getLong(1));
            oldestUnsentAgeSeconds.set(rs.getLong(2));
        } catch (SQLException e) {
            LOG.warnf("outbox metrics not refreshed: %s", e);
        }
    }
}
