package id.asn.merit.platform.consumer;

import id.asn.merit.platform.outbox.CloudEventHeaders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The one way a service consumes events (SYSTEM.md §5): exactly once in effect, in order per key, and a record it
 * cannot process goes to the dead-letter topic while consumption goes on.
 *
 * <p>{@link #handle} runs, in one new transaction: the {@code processed_event} insert keyed by {@code ce_id} (a
 * redelivery is skipped: the effect is not run again) and the subclass's {@link #apply}. When {@code apply} (or the
 * record itself: no {@code ce_id}) fails, the transaction is rolled back, so nothing of it stays, and the record is
 * written unchanged with its original headers to {@code <topic>.dlq.<consumer>} with the error in
 * {@code dead-letter-reason} (and {@code -cause}, {@code -exception-class-name}, {@code -topic}, {@code -partition},
 * {@code -offset}, {@code -consumer}); then {@code handle} returns normally and the next record is consumed. Only
 * when the dead letter cannot be written either does {@code handle} throw, so the record is not acknowledged.
 *
 * <p>For order by version per key, {@code apply} calls {@link #isCurrent} with the event's key and version:
 * false means an older version than the one already applied (a replay, a re-sent outbox row) — return without
 * effect; the event still counts as processed.
 *
 * <p>How a service declares a consumer (SmallRye Reactive Messaging for the Kafka connection, this class for the
 * rest):
 * <pre>{@code
 * @ApplicationScoped
 * public class PositionEventConsumer extends IdempotentConsumer {
 *     public PositionEventConsumer() {
 *         super("merit-service.positions", "merit-service"); // processed-event name, dead-letter name
 *     }
 *
 *     @Incoming("org-events")
 *     @Blocking                          // io.smallrye.common.annotation: a worker thread, records in order
 *     public void consume(ConsumerRecord<String, String> record) {
 *         handle(record);
 *     }
 *
 *     @Override
 *     protected void apply(ConsumerRecord<String, String> record) throws Exception {
 *         JsonNode data = json.readTree(record.value());             // throw on anything malformed
 *         if (!isCurrent(record.key(), data.path("version").asLong())) {
 *             return;
 *         }
 *         ... the effect, in the transaction handle() opened ...
 *     }
 * }
 * }</pre>
 * with, in {@code application.properties} (the DLQ is written by this class, not by the connector, so no
 * {@code failure-strategy} is set: the default {@code fail} only applies when even the dead letter cannot be written,
 * and then the consumer stops, health goes DOWN and nothing is lost):
 * <pre>
 * mp.messaging.incoming.org-events.connector=smallrye-kafka
 * mp.messaging.incoming.org-events.topic=asn.org.v1
 * mp.messaging.incoming.org-events.group.id=merit-service
 * mp.messaging.incoming.org-events.auto.offset.reset=earliest
 * mp.messaging.incoming.org-events.key.deserializer=org.apache.kafka.common.serialization.StringDeserializer
 * mp.messaging.incoming.org-events.value.deserializer=org.apache.kafka.common.serialization.StringDeserializer
 * </pre>
 * A consumer with no SmallRye (a plain {@code KafkaConsumer} poll loop) calls {@link #handle} per record the same
 * way and commits the offsets after it returned.
 */
public abstract class IdempotentConsumer {
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    @Inject
    protected ProcessedEvents processed;
    @Inject
    protected AppliedVersions versions;
    @Inject
    protected DeadLetterQueue deadLetters;

    private final String name;
    private final String deadLetterName;

    /**
     * @param name           this consumer in {@code processed_event} and {@code consumer_key_version}, e.g.
     *                       {@code training-service.employee-replica}
     * @param deadLetterName the {@code <consumer>} of {@code <topic>.dlq.<consumer>}, e.g. {@code training-service}
     */
    protected IdempotentConsumer(String name, String deadLetterName) {
        this.name = name;
        this.deadLetterName = deadLetterName;
    }

    protected IdempotentConsumer(String name) {
        this(name, name);
    }

    public String name() {
        return name;
    }

    /** {@code <topic>.dlq.<consumer>} for records of topic. */
    public String deadLetterTopic(String topic) {
        return DeadLetterQueue.topicFor(topic, deadLetterName);
    }

    /**
     * The effect of one record, inside the transaction {@link #handle} opened; throw for a record that cannot be
     * processed (it goes to the dead-letter topic and nothing of the effect stays).
     */
    protected abstract void apply(ConsumerRecord<String, String> record) throws Exception;

    /**
     * @return true when this record was processed now or before (applied, or skipped as a redelivery); false when it
     *         went to the dead-letter topic
     */
    public boolean handle(ConsumerRecord<String, String> record) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (!processed.firstDelivery(name, record)) {
                        LOG.debugf("%s: skipping redelivered event %s", name, CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID));
                        return;
                    }
                    try {
                        apply(record);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new UnprocessableRecord(e);
                    }
                });
                return true;
            } catch (RuntimeException e) {
                Throwable error = e instanceof UnprocessableRecord ? e.getCause() : e;
                String sqlState = sqlState(error);
                if (sqlState != null && sqlState.startsWith("40") && attempt < 3) {
                    // a deadlock or serialisation failure says nothing about the record: run it again
                    continue;
                }
                if (sqlState != null && sqlState.startsWith("08")) {
                    // the database is gone, not the record: do not dead-letter a good event, let it be redelivered
                    throw e;
                }
                LOG.warnf("%s: %s@%d:%d cannot be processed, sent to %s: %s", name, record.topic(), record.partition(),
                        record.offset(), deadLetterTopic(record.topic()), error.toString());
                deadLetters.send(record, deadLetterName, error);
                return false;
            }
        }
    }

    private static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * Order by version per key: true when version is at least the newest applied for key by this consumer (and now
     * recorded as applied), false when older (skip the event). Call it from {@link #apply}.
     */
    protected boolean isCurrent(String key, long version) {
        return versions.advance(name, key, version);
    }

    /** A checked exception of {@link #apply}, carried through the transaction. */
    private static final class UnprocessableRecord extends RuntimeException {
        UnprocessableRecord(Exception cause) {
            super(cause);
        }
    }
}
