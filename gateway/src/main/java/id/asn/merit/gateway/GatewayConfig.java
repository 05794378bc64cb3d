package id.asn.merit.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code asn.gateway.*}: the routing table and the limits. */
@ConfigMapping(prefix = "asn.gateway")
public interface GatewayConfig {
    /** service name → where it is and which path prefixes it owns. */
    Map<String, Service> services();

    /** How long a backend may stay silent before the gateway answers 504. */
    @WithDefault("30s")
    Duration timeout();

    @WithDefault("2s")
    Duration connectTimeout();

    RateLimit rateLimit();

    interface Service {
        String url();

        List<String> prefixes();

        /** Prefix of this service's schema names in the merged OpenAPI document. */
        String schemaPrefix();
    }

    interface RateLimit {
        @WithDefault("100")
        double requestsPerSecond();

        @WithDefault("200")
        double burst();
    }
}
