package id.asn.merit.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Today" for training-service (the not-in-the-future rule of records, whether POSTed or imported): the date in {@code asn.training.zone} (Asia/Jakarta,
 * where the instansi's day is), unless a test set a clock.
 */
@ApplicationScoped
public class TrainingClock {
    @ConfigProperty(name = "asn.training.zone", defaultValue = "Asia/Jakarta")
    String zone;
    private volatile Clock clock;

    public LocalDate today() {
        Clock c = clock;
        return c == null ? LocalDate.now(ZoneId.of(zone)) : LocalDate.now(c);
    }

    /** For tests: answer as of this clock (null: the system clock again). */
    public void set(Clock clock) {
        this.clock = clock;
    }
}
