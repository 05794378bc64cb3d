package id.asn.merit.merit.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The service's calendar (Asia/Jakarta by default, {@code asn.merit.zone}): the current merit year, and the day a
 * profile of a year speaks for — the year's last day once it is over, today while it runs.
 */
@ApplicationScoped
public class MeritClock {
    private final Clock clock;

    public MeritClock(@ConfigProperty(name = "asn.merit.zone", defaultValue = "Asia/Jakarta") String zone) {
        this.clock = Clock.system(ZoneId.of(zone));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public int currentYear() {
        return today().getYear();
    }

    /** The day a profile (or ranking, report) of {@code year} is computed as of. */
    public LocalDate asOf(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = today();
        return today.isBefore(end) ? today : end;
    }
}
