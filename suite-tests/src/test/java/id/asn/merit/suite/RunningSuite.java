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
        List<AutoCloseable> running = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(RunningSuite::closeQuietly)));
        services = Suite.startServices(root, infra.postgres(), infra.kafka(),
                TestTokens.keyDir().resolve(DevJwt.PUBLIC_KEY_FILE), ports, root.resolve("suite-tests/target/suite-logs"),
                module -> {
                    String db = module.replace("-service", "") + "_" + run;
                    databases.put(module, db);
                    return db;
                }, running);
        services.parallelStream().forEach(s -> s.awaitReady(Duration.ofSeconds(180)));
    }

    static synchronized RunningSuite get() {
        if (instance == null) {
            instance = new RunningSuite();
        }
        return instance;
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
