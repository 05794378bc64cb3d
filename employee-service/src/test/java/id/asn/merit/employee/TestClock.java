package id.asn.merit.employee;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The service's clock in @QuarkusTests: the real time, moved by whole days when a test travels (reset it after).
 * Replaces the production Clock bean, so every "today" of the service moves with it.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    private static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
    private static volatile Duration offset = Duration.ZERO;

    public static void travelDays(long days) {
        offset = Duration.ofDays(days);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
