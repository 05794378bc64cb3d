package id.asn.merit.platform.outbox;

import id.asn.merit.devinfra.InfraTestResource;

import java.util.Map;

/** dev-infra's PostgreSQL (a fresh database) and the JWT key as for every platform test, but {@link OwnBroker} as the broker. */
public class OwnBrokerResource extends InfraTestResource {
    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(super.start());
        config.put("kafka.bootstrap.servers", OwnBroker.get().bootstrapServers());
        return config;
    }
}
