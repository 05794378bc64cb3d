package id.asn.merit.bench;

import id.asn.merit.devinfra.DevJwt;
import id.asn.merit.devinfra.FreePort;
import id.asn.merit.devinfra.PostgresServer;
import id.asn.merit.devinfra.ServiceProcess;
import id.asn.merit.devinfra.Suite;
import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.devinfra.TestTokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every bench starts: dev-infra's PostgreSQL and Kafka in this JVM, the packaged services it names as child
 * processes on free ports (each on its own database), and the gateway in front of them when it is built. The
 * gateway waits for all four services before it is ready, so a bench that runs fewer waits for its liveness only.
 * Everything stops when the JVM exits.
 */
final class BenchSuite {
    private final TestInfra infra;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final String database;
    /** module → its database when each service has its own ({@link #startEach}) */
    private final Map<String, String> databases = new LinkedHashMap<>();

    private BenchSuite(TestInfra infra, String database) {
        this.infra = infra;
        this.database = database;
    }

    /**
     * @param modules  the services to run, e.g. {@code employee-service}; the gateway is added when built
     * @param database one database for them (the benches run one service each)
     */
    static BenchSuite start(Path root, Path work, String database, String... modules) {
        return start(root, work, database, m -> database, modules);
    }

    /**
     * As {@link #start}, but each service on its own database {@code prefix_<service>} (as the suite runs them): for a
     * bench of several services, whose migrations would collide in one database. {@link #connect()} is the first one's.
     */
    static BenchSuite startEach(Path root, Path work, String prefix, String... modules) {
        Map<String, String> dbs = new LinkedHashMap<>();
        for (String m : modules) {
            dbs.put(m, prefix + "_" + m.replace("-service", ""));
        }
        BenchSuite suite = start(root, work, dbs.get(modules[0]), dbs::get, modules);
        suite.databases.putAll(dbs);
        return suite;
    }

    private static BenchSuite start(Path root, Path work, String database, java.util.function.UnaryOperator<String> databaseFor,
            String... modules) {
        TestInfra infra = TestInfra.get();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String module : modules) {
            ports.put(module, FreePort.find());
        }
        if (Files.exists(root.resolve("gateway/target/quarkus-app/quarkus-run.jar"))) {
            ports.put("gateway", FreePort.find());
        }
        List<AutoCloseable> running = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(c -> {
            try {
                c.close();
            } catch (Exception ignored) {
                // stopping
            }
        })));
        BenchSuite suite = new BenchSuite(infra, database);
        List<ServiceProcess> started = Suite.startServices(root, infra.postgres(), infra.kafka(),
                TestTokens.keyDir().resolve(DevJwt.PUBLIC_KEY_FILE), ports, work.resolve("logs"), databaseFor, running);
        started.forEach(s -> s.awaitLive(Duration.ofSeconds(180)));
        for (ServiceProcess s : started) {
            if (!s.name().equals("gateway")) {
                s.awaitReady(Duration.ofSeconds(180)); // migrations ran, broker reachable
            }
            suite.services.put(s.name(), s);
        }
        return suite;
    }

    ServiceProcess service(String module) {
        ServiceProcess s = services.get(module);
        if (s == null) {
            throw new IllegalArgumentException(module + " was not started");
        }
        return s;
    }

    boolean hasGateway() {
        return services.containsKey("gateway");
    }

    String gatewayUrl() {
        return service("gateway").url();
    }

    PostgresServer postgres() {
        return infra.postgres();
    }

    String jdbcUrl() {
        return infra.postgres().jdbcUrl(database);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** A connection to one service's database (after {@link #startEach}; else the one database). */
    Connection connect(String module) throws SQLException {
        return DriverManager.getConnection(infra.postgres().jdbcUrl(databases.getOrDefault(module, database)), PostgresServer.USER,
                PostgresServer.PASSWORD);
    }

    /** The broker's bootstrap servers (a bench that produces events or reads consumer lag). */
    String kafkaBootstrap() {
        return infra.kafka().bootstrapServers();
    }

    /** One worker's call on its own JDBC connection (a raw leg). */
    interface JdbcCall {
        LoadGenerator.Call on(Connection c) throws Exception;
    }

    /** Workers that each hold a connection to the bench database, closed after the run. */
    LoadGenerator.WorkerFactory jdbcWorkers(JdbcCall call) {
        return () -> {
            Connection c = connect();
            LoadGenerator.Call body = call.on(c);
            return new LoadGenerator.Worker() {
                @Override
                public boolean call(int seq) throws Exception {
                    return body.call(seq);
                }

                @Override
                public void close() throws Exception {
                    c.close();
                }
            };
        };
    }

    /** Every started process by module (services and the gateway), in start order. */
    Map<String, ServiceProcess> services() {
        return services;
    }

    /** The modules started with their own database ({@link #startEach}), in start order. */
    java.util.Set<String> modules() {
        return databases.isEmpty() ? java.util.Set.of() : databases.keySet();
    }

    /** The PostgreSQL server's postmaster pid: the parent of this connection's backend (its tree holds every backend). */
    long postgresPid() {
        try (Connection c = connect(); var rs = c.createStatement().executeQuery("select pg_backend_pid()")) {
            rs.next();
            return ProcCpu.parent(rs.getLong(1));
        } catch (SQLException e) {
            return -1;
        }
    }

    /**
     * Starts another gateway process on a free port, wired as the first one but with some service URLs replaced
     * (e.g. {@code EMPLOYEE_SERVICE_URL} → a stub), logging to {@code logs/<label>.log}; it stops with the JVM.
     * Waits for its liveness only (its readiness asks the services behind it).
     */
    ServiceProcess startGateway(Path root, Path work, String label, Map<String, String> urlOverrides) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.keyDir().resolve(DevJwt.PUBLIC_KEY_FILE).toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevJwt.ISSUER);
        services.forEach((name, s) -> {
            if (!name.equals("gateway")) {
                env.put(name.toUpperCase().replace('-', '_') + "_URL", s.url());
            }
        });
        env.putAll(urlOverrides);
        int port = FreePort.find();
        env.put("GATEWAY_PORT", Integer.toString(port));
        ServiceProcess p = ServiceProcess.start(root, "gateway", port, env, work.resolve("logs").resolve(label));
        Runtime.getRuntime().addShutdownHook(new Thread(p::close));
        p.awaitLive(Duration.ofSeconds(120));
        return p;
    }

    /** A token of the suite's development key pair (the one the services were started to trust). */
    static String token(String role) {
        return TestTokens.token(role);
    }
}
