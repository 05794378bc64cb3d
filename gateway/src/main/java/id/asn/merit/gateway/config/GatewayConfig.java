package id.asn.merit.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code asn.gateway.*}: the routing table (SYSTEM.md §3) and the gateway's limits. */
@ConfigMapping(prefix = "asn.gateway")
public interface GatewayConfig {
    /** Service name (e.g. {@code employee-service}) → where it runs and which path prefixes it owns. */
    Map<String, Service> services();

    /** How long a backend may stay silent before the gateway answers 504. */
    @WithDefault("30s")
    Duration timeout();

    /** How long connecting to a backend may take before the gateway answers 502. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Largest number of pooled connections per backend. */
    @WithDefault("100")
    int maxConnectionsPerService();

    RateLimit rateLimit();

    Health health();

    OpenApi openapi();

    interface Service {
        /** Base URL, e.g. {@code http://localhost:8081}. */
        String url();

        /** Path prefixes owned by the service; one matches a path equal to it or followed by '/'. */
        List<String> prefixes();

        /** Prefix of this service's component names in the merged OpenAPI document ({@code Employee.Problem}). */
        String schemaPrefix();
    }

    interface RateLimit {
        @WithDefault("100")
        double requestsPerSecond();

        @WithDefault("200")
        int burst();

        /** Buckets kept at most; beyond this, full (idle) buckets are dropped first, then the oldest. */
        @WithDefault("100000")
        int maxClients();

        /**
         * The bucket per client address, applied before any token work (so a flood of junk tokens from one address
         * is cut without verifying a signature); the per-subject bucket above applies after verification.
         */
        @WithDefault("400")
        double addressRequestsPerSecond();

        @WithDefault("800")
        int addressBurst();
    }

    interface Health {
        /** How long each service's readiness may take before it counts as DOWN. */
        @WithDefault("2s")
        Duration timeout();
    }

    interface OpenApi {
        /** How long the merged document is reused before the services are asked again. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How long fetching one service's document may take. */
        @WithDefault("5s")
        Duration fetchTimeout();
    }

    // --- issue 10, proxy hardening (H1): body limits, deadline, bounded wait for a connection ---

    /** Largest request body per route; over it: 413 (up front on Content-Length, else while it streams). */
    BodyLimit bodyLimit();

    /** Longest a whole exchange may take, upload and answer together; over it: 408 (upload unfinished) or 504. */
    @WithDefault("10m")
    Duration requestDeadline();

    /** Requests that may wait for a pooled connection to a service; beyond: 503 with Retry-After. -1: no bound. */
    @WithDefault("200")
    int maxWaitQueue();

    /** Seconds a 503 for a busy pool asks the caller to wait (Retry-After). */
    @WithDefault("1")
    int busyRetryAfter();

    interface BodyLimit {
        /** For every route but the large ones. */
        @WithDefault("1M")
        io.quarkus.runtime.configuration.MemorySize standard();

        /** For the prefixes in {@code large-prefixes} (the imports). */
        @WithDefault("50M")
        io.quarkus.runtime.configuration.MemorySize large();

        @WithDefault("/api/v1/employee-imports,/api/v1/training-imports")
        List<String> largePrefixes();
    }

    /** Verified tokens kept until their expiry, so a repeated token costs a map lookup, not an RS256 check. */
    @WithDefault("10000")
    int tokenCacheSize();
}
