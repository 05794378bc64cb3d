package id.asn.merit.employee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The service's notion of "today" for effective-dated history: one {@link Clock} bean, so a test can move time.
 * Business dates (TMT, effective dates) are Indonesian dates, hence the zone (default Asia/Jakarta, WIB).
 */
@ApplicationScoped
public class ClockProducer {
    @ConfigProperty(name = "asn.history.zone", defaultValue = "Asia/Jakarta")
    String zone;

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZoneId.of(zone));
    }
}
