package id.asn.merit.merit.messaging;

import java.util.List;

/** The names merit-service's read-model consumers go by (processed_event, consumer_key_version, dead letters). */
public final class MeritConsumers {
    /** {@code <topic>.dlq.merit-service} for every topic merit-service reads. */
    public static final String DEAD_LETTER_NAME = "merit-service";

    /** Every consumer whose processed_event / consumer_key_version rows a rebuild of the read model clears. */
    public static final List<String> ALL = List.of(EmployeeEventConsumer.CONSUMER, OrgEventConsumer.CONSUMER,
            CompetencyEventConsumer.CONSUMER, TrainingEventConsumer.CONSUMER);

    private MeritConsumers() {
    }
}
