package id.asn.merit.employee.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The employee list's settings ({@code asn.employee.list.*}). */
@ConfigMapping(prefix = "asn.employee.list")
public interface EmployeeListConfig {
    /**
     * The longest a list's counted total (and first match) is reused, in seconds. It is reused only while no employee,
     * unit or position was written since it was counted; this bound covers a write whose transaction was still open
     * when the count was taken. 0 counts every request.
     */
    @WithDefault("5")
    @Min(0)
    @Max(300)
    int countReuseSeconds();

    /** How many filters' counts one instance keeps at most. */
    @WithDefault("10000")
    @Min(1)
    @Max(1000000)
    int countedFilters();

    /**
     * A filter that matches at most this many people has its matches' NIPs kept, in list order, with its total: its
     * pages are then read by NIP, not looked for again. 0 keeps none (every page is looked for).
     */
    @WithDefault("20000")
    @Min(0)
    @Max(1000000)
    int keptMatches();

    /**
     * How many matches one instance keeps in all (8 bytes each), over every kept filter; when reached, it starts over
     * like when {@link #countedFilters()} is reached.
     */
    @WithDefault("2000000")
    @Min(0)
    @Max(100000000)
    long keptMatchesInAll();
}
