package id.asn.merit.platform.outbox;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The relay tests: a broker they may stop ({@link OwnBroker}), a transaction timeout shorter than the outages they
 * cause, and a fixed back-off long enough that "newer rows of the key went out while the failed one waited" shows.
 */
public class OwnBrokerProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.transaction-manager.default-transaction-timeout", "2s",
                "asn.outbox.initial-backoff", "10s",
                "asn.outbox.max-backoff", "10s",
                "asn.outbox.send-timeout", "7s",
                "asn.outbox.poll-interval", "0.2s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OwnBrokerResource.class, Map.of("database", "platform_relay")));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
