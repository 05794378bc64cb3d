package id.asn.merit.suite;

import id.asn.merit.devinfra.FreePort;
import id.asn.merit.devinfra.ServiceProcess;
import id.asn.merit.devinfra.Suite;
import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.devinfra.TestTokens;
import id.asn.merit.devinfra.DevJwt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged suite (the same launcher as {@code ./suite up}), once per test JVM: the JVM's real PostgreSQL and
 * Kafka from dev-infra, and the five services as child processes on free ports, each with a fresh database.
 */
final class RunningSuite {
    private static RunningSuite instance;

    final Path root;
    final Map<String, Integer> ports = new LinkedHashMap<>();
    final Map<String, String> databases = new LinkedHashMap<>();
    final List<ServiceProcess> services;
    private final List<AutoCloseable> running = new java.util.concurrent.CopyOnWriteArrayList<>();

    private RunningSuite() {
        root = Path.of(System.getProperty("asn.root", "..")).toAbsolutePath().normalize();
        TestInfra infra = TestInfra.get();
        // -Dasn.suite.modules=a,b runs a subset (for working on one part); the default is the whole suite
        String only = System.getProperty("asn.suite.modules", "");
        for (String module : Suite.SERVICES.keySet()) {
            if (only.isBlank() || List.of(only.split(",")).contains(module)) {
                ports.put(module, FreePort.find());
            }
        }
        String run = UUID.randomUUID().toString().substring(0, 6);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(RunningSuite::closeQuietly)));
        services = new java.util.concurrent.CopyOnWriteArrayList<>(Suite.startServices(root, infra.postgres(), infra.kafka(),
                TestTokens.keyDir().resolve(DevJwt.PUBLIC_KEY_FILE), ports, root.resolve("suite-tests/target/suite-logs"),
                module -> {
                    String db = module.replace("-service", "") + "_" + run;
                    databases.put(module, db);
                    return db;
                }, running));
        services.parallelStream().forEach(s -> s.awaitReady(Duration.ofSeconds(180)));
    }

    static synchronized RunningSuite get() {
        if (instance == null) {
            instance = new RunningSuite();
        }
        return instance;
    }

    /**
     * Stops one service and starts it again on the same port and database, as an operator's restart: nothing in its
     * memory survives, everything in its database does. Waits until it is ready again.
     */
    synchronized void restart(String module) {
        stop(module);
        start(module);
    }

    /**
     * Stops one service (an outage): its port stops answering, its database stays. {@link #start} brings it back on
     * the same port and database.
     */
    synchronized void stop(String module) {
        ServiceProcess old = services.stream().filter(p -> p.name().equals(module)).findFirst().orElseThrow();
        old.close();
        running.remove(old);
        services.remove(old);
    }

    /** Starts a stopped service again on its port and database, and waits until it is ready. */
    synchronized void start(String module) {
        if (services.stream().anyMatch(p -> p.name().equals(module))) {
            throw new IllegalStateException(module + " is running");
        }
        TestInfra infra = TestInfra.get();
        // a service that calls a peer (merit-service → competency-service) gets its peers' URLs again
        List<ServiceProcess> started = Suite.startServices(root, infra.postgres(), infra.kafka(),
                TestTokens.keyDir().resolve(DevJwt.PUBLIC_KEY_FILE), Map.of(module, ports.get(module)), ports,
                root.resolve("suite-tests/target/suite-logs"), databases::get, running);
        started.forEach(p -> p.awaitReady(Duration.ofSeconds(180)));
        services.addAll(started);
    }

    String url(String module) {
        return "http://localhost:" + ports.get(module);
    }

    String jdbcUrl(String module) {
        return TestInfra.get().postgres().jdbcUrl(databases.get(module));
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }
}
