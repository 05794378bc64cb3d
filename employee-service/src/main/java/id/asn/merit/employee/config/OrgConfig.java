package id.asn.merit.employee.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The org tree's settings ({@code asn.org.*}). */
@ConfigMapping(prefix = "asn.org")
public interface OrgConfig {
    /** How deep the tree may go, the root being depth 1: 4 for a region, more for a ministry. */
    @WithDefault("6")
    @Min(1)
    @Max(30)
    int maxDepth();

    /** Units or employees per outbox batch when a moved subtree's events are written. */
    @WithDefault("1000")
    @Min(1)
    @Max(10000)
    int eventBatchSize();
}
