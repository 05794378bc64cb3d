package id.asn.merit.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The local run behind {@code ./suite}: a real PostgreSQL and a real Kafka broker in this JVM, the five
 * services as child processes, all stopped together on Ctrl-C / SIGTERM.
 */
public final class Suite {
    /** module name → default port, in start order (the gateway last). */
    public static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("employee-service", 8081);
        SERVICES.put("competency-service", 8082);
        SERVICES.put("training-service", 8083);
        SERVICES.put("merit-service", 8084);
        SERVICES.put("gateway", 8080);
    }

    public static final List<String> ROLES = List.of("ADMIN", "HR_OFFICER", "UNIT_HEAD", "ASSESSOR", "EMPLOYEE", "INTEGRATOR");

    private Suite() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("asn.root", ".")).toAbsolutePath().normalize();
        // ASN_SUITE_HOME moves data, keys, logs and archives elsewhere (the start bench runs its own suites there)
        String homeEnv = System.getenv("ASN_SUITE_HOME");
        Path home = homeEnv == null || homeEnv.isBlank() ? root.resolve(".suite") : Path.of(homeEnv).toAbsolutePath().normalize();
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        switch (command) {
            case "up" -> {
                demoAfterUp = rest.contains("--demo");
                up(root, home, rest.contains("--fresh"));
            }
            case "token" -> token(home, rest);
            case "status" -> status(home);
            case "demo" -> demo(home, rest);
            default -> {
                System.err.println("usage: suite up [--fresh] [--demo] | down | status | demo | token ROLE [--nip N] [--unit CODE]");
                System.exit(2);
            }
        }
    }

    static void up(Path root, Path home, boolean fresh) {
        long started = System.nanoTime();
        int pgPort = intEnv("ASN_PG_PORT", 15432);
        int kafkaPort = intEnv("ASN_KAFKA_PORT", 19092);
        int controllerPort = intEnv("ASN_KAFKA_CONTROLLER_PORT", 19093);
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach((name, port) -> ports.put(name, intEnv(envName(name) + "_PORT", port)));
        List<Integer> wanted = new ArrayList<>(ports.values());
        wanted.addAll(List.of(pgPort, kafkaPort, controllerPort));
        for (int port : wanted) {
            if (!FreePort.isFree(port)) {
                fail("port " + port + " is in use: is the suite already up (./suite status)? Set ASN_*_PORT to move it.");
            }
        }
        try {
            if (fresh) {
                deleteTree(home.resolve("data"));
            }
            Files.createDirectories(home.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path keys = DevJwt.ensureKeyPair(home.resolve("keys"));
        String clusterId = clusterId(home.resolve("data"));

        // stopped in reverse (services first, then Kafka, then PostgreSQL): PostgreSQL is always put first
        List<AutoCloseable> running = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(running, home), "suite-shutdown"));

        // Start time (issue 10): PostgreSQL and Kafka start in parallel, the gateway (which needs neither) at once,
        // and the four services as soon as PostgreSQL answers (their migrations need it; their Kafka clients connect
        // when the broker is up, and they are ready only then). Each service JVM runs with the local-run flags.
        say("starting PostgreSQL on " + pgPort + " and Kafka on " + kafkaPort + " (data in " + shown(root, home.resolve("data")) + ")");
        Timeline timeline = new Timeline(started);
        CompletableFuture<PostgresServer> pgFuture = CompletableFuture.supplyAsync(() -> {
            PostgresServer pg = PostgresServer.start(pgPort, home.resolve("data/postgres"), false);
            running.add(0, pg);
            timeline.mark("postgresql");
            return pg;
        });
        KafkaBroker kafka = new KafkaBroker(kafkaPort, controllerPort, home.resolve("data/kafka"), clusterId);
        CompletableFuture<KafkaBroker> kafkaFuture = CompletableFuture.supplyAsync(() -> {
            kafka.start();
            running.add(kafka);
            timeline.mark("kafka");
            return kafka;
        });
        java.util.function.Function<String, List<String>> jvm = module -> localJvmOptions(root, home, module);
        Path publicKey = keys.resolve(DevJwt.PUBLIC_KEY_FILE);
        Path logs = home.resolve("logs");
        Map<String, Integer> gatewayOnly = new LinkedHashMap<>();
        Map<String, Integer> backends = new LinkedHashMap<>(ports);
        gatewayOnly.put("gateway", backends.remove("gateway"));
        List<ServiceProcess> services = new ArrayList<>();
        try {
            services.addAll(startServices(root, null, kafka, publicKey, gatewayOnly, ports, logs, name -> name, running, jvm));
            PostgresServer postgres = pgFuture.join();
            services.addAll(0, startServices(root, postgres, kafka, publicKey, backends, ports, logs,
                    name -> name.replace("-service", ""), running, jvm));
            timeline.mark("services launched");
            kafkaFuture.join();
        } catch (java.util.concurrent.CompletionException e) {
            fail((e.getCause() != null ? e.getCause() : e).toString());
        }
        writeState(home, ports, pgPort, kafka.bootstrapServers(), services);
        try {
            services.parallelStream().forEach(s -> {
                s.awaitReady(Duration.ofSeconds(300)); // a generous guard: a busy machine is slow, not broken
                timeline.mark(s.name());
            });
        } catch (IllegalStateException e) {
            fail(e.getMessage());
        }
        if (Boolean.parseBoolean(System.getenv().getOrDefault("ASN_SUITE_TIMELINE", "false"))) {
            say("start timeline: " + timeline);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int gw = ports.get("gateway");
        say(String.format(java.util.Locale.ROOT, "all five services are healthy after %.1f s", seconds));
        System.out.println();
        System.out.println("  Gateway     http://localhost:" + gw);
        System.out.println("  Swagger UI  http://localhost:" + gw + "/q/swagger-ui");
        System.out.println("  OpenAPI     http://localhost:" + gw + "/q/openapi");
        System.out.println("  Health      http://localhost:" + gw + "/q/health");
        System.out.println();
        System.out.println("  A token per role (" + String.join(", ", ROLES) + "):");
        System.out.println("    TOKEN=$(./suite token HR_OFFICER)");
        System.out.println("    curl -H \"Authorization: Bearer $TOKEN\" http://localhost:" + gw + "/api/v1/employees");
        System.out.println("    ./suite token EMPLOYEE --nip 198503152010011001    ./suite token UNIT_HEAD --unit PMPTSP");
        System.out.println();
        System.out.println("  Logs in " + shown(root, logs) + ". Ctrl-C or ./suite down stops everything.");
        if (demoAfterUp) {
            runDemo(home, "http://localhost:" + gw);
        }
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the given services (module → port) as child processes wired to this PostgreSQL, Kafka and key; the
     * gateway gets the URLs of the others. Each started process is added to {@code running} at once, so a failure
     * half-way still stops what was started.
     */
    public static List<ServiceProcess> startServices(Path root, PostgresServer postgres, KafkaBroker kafka, Path publicKey,
            Map<String, Integer> ports, Path logDir, java.util.function.UnaryOperator<String> databaseFor,
            List<AutoCloseable> running) {
        return startServices(root, postgres, kafka, publicKey, ports, ports, logDir, databaseFor, running);
    }

    /**
     * As above, with the URLs of {@code peers} (module → port) given to every started service as
     * {@code <SERVICE>_URL}: the gateway routes to them, and a service that calls another (merit-service asks
     * competency-service for the JPM against a target) finds it; a restart of one service passes all peers.
     */
    public static List<ServiceProcess> startServices(Path root, PostgresServer postgres, KafkaBroker kafka, Path publicKey,
            Map<String, Integer> ports, Map<String, Integer> peers, Path logDir, java.util.function.UnaryOperator<String> databaseFor,
            List<AutoCloseable> running) {
        return startServices(root, postgres, kafka, publicKey, ports, peers, logDir, databaseFor, running, module -> List.of());
    }

    /**
     * As above, with extra JVM options per module ({@code ./suite up} passes {@link #localJvmOptions}); the gateway
     * needs no {@code postgres} (it may be null when only the gateway is started).
     */
    public static List<ServiceProcess> startServices(Path root, PostgresServer postgres, KafkaBroker kafka, Path publicKey,
            Map<String, Integer> ports, Map<String, Integer> peers, Path logDir, java.util.function.UnaryOperator<String> databaseFor,
            List<AutoCloseable> running, java.util.function.Function<String, List<String>> jvmOptions) {
        List<ServiceProcess> services = new ArrayList<>();
        for (Map.Entry<String, Integer> e : ports.entrySet()) {
            String name = e.getKey();
            Map<String, String> env = new HashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toUri().toString());
            env.put("MP_JWT_VERIFY_ISSUER", DevJwt.ISSUER);
            peers.forEach((other, port) -> {
                if (!other.equals("gateway") && !other.equals(name)) {
                    env.put(envName(other) + "_URL", "http://localhost:" + port);
                }
            });
            if (name.equals("gateway")) {
                env.put("GATEWAY_PORT", Integer.toString(e.getValue()));
            } else {
                String db = databaseFor.apply(name);
                postgres.ensureDatabase(db);
                env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(db));
                env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
                env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
            }
            ServiceProcess process = ServiceProcess.start(root, name, e.getValue(), env, logDir, jvmOptions.apply(name));
            services.add(process);
            running.add(process);
        }
        return services;
    }

    /**
     * The JVM options of a service in the local run (not in the tests or benches, which run the JVM as production
     * does). {@code ASN_SUITE_JVM_OPTS} replaces the start-time flags ({@code ""} for none); the class-data archive
     * is per module in {@code .suite/cds}: written when the service stops after a run without one (or after a
     * rebuild, or another JDK), mapped at every start after that; {@code ASN_SUITE_CDS=off} turns it off.
     */
    static List<String> localJvmOptions(Path root, Path home, String module) {
        List<String> options = new ArrayList<>();
        String custom = System.getenv("ASN_SUITE_JVM_OPTS");
        if (custom != null) {
            options.addAll(Arrays.stream(custom.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList());
        } else {
            options.addAll(LOCAL_JVM_OPTIONS);
        }
        if (!"off".equalsIgnoreCase(System.getenv().getOrDefault("ASN_SUITE_CDS", "on"))) {
            options.addAll(ClassDataArchive.options(home.resolve("cds"), module, ServiceProcess.jar(root, module), options));
        }
        return options;
    }

    /** The start-time flags of the local run (issue 10), measured in docs/benchmarks.md. */
    static final List<String> LOCAL_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /** When each part of the start was done, in seconds since {@code ./suite up} began (ASN_SUITE_TIMELINE=true). */
    private static final class Timeline {
        private final long started;
        private final Map<String, Double> marks = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

        Timeline(long started) {
            this.started = started;
        }

        void mark(String what) {
            marks.put(what, (System.nanoTime() - started) / 1e9);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            synchronized (marks) {
                marks.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%.1f s", v)));
            }
            return b.toString();
        }
    }

    private static void stopAll(List<AutoCloseable> running, Path home) {
        List<AutoCloseable> reversed = new ArrayList<>(running);
        java.util.Collections.reverse(reversed);
        // services first, all at once (a thread each: a parallel stream ran two at a time on two cores, and each
        // service takes up to ~12 s to leave its consumer groups, so ./suite down ran past its 30 s), then Kafka, then
        // PostgreSQL
        List<Thread> stopping = new ArrayList<>();
        for (AutoCloseable r : reversed) {
            if (r instanceof ServiceProcess service) {
                Thread t = new Thread(() -> closeQuietly(service), "stop-" + service.name());
                t.start();
                stopping.add(t);
            }
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        reversed.stream().filter(r -> !(r instanceof ServiceProcess)).forEach(Suite::closeQuietly);
        try {
            Files.deleteIfExists(home.resolve("state.properties"));
        } catch (IOException ignored) {
            // nothing to clean
        }
        System.out.println("[suite] stopped");
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("[suite] while stopping: " + e);
        }
    }

    /** A directory as the user should read it: relative to the checkout when inside it (ASN_SUITE_HOME may be elsewhere). */
    static String shown(Path root, Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }

    private static void writeState(Path home, Map<String, Integer> ports, int pgPort, String kafka, List<ServiceProcess> services) {
        Properties state = new Properties();
        state.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        state.setProperty("postgres.port", Integer.toString(pgPort));
        state.setProperty("kafka.bootstrap", kafka);
        for (ServiceProcess s : services) {
            state.setProperty("service." + s.name() + ".port", Integer.toString(s.port()));
            state.setProperty("service." + s.name() + ".pid", Long.toString(s.pid()));
        }
        try (var out = Files.newOutputStream(home.resolve("state.properties"))) {
            state.store(out, "written by ./suite up; removed when it stops");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void status(Path home) {
        Path file = home.resolve("state.properties");
        if (!Files.exists(file)) {
            System.out.println("the suite is not running");
            return;
        }
        Properties state = new Properties();
        try (var in = Files.newInputStream(file)) {
            state.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long pid = Long.parseLong(state.getProperty("pid"));
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        System.out.printf("suite (pid %d): %s%n", pid, alive ? "running" : "not running (stale state)");
        System.out.printf("  %-20s localhost:%s%n", "postgresql", state.getProperty("postgres.port"));
        System.out.printf("  %-20s %s%n", "kafka", state.getProperty("kafka.bootstrap"));
        for (String name : SERVICES.keySet()) {
            String port = state.getProperty("service." + name + ".port");
            if (port != null) {
                boolean ready = ServiceProcess.isReady(Integer.parseInt(port));
                System.out.printf("  %-20s http://localhost:%s  pid %s  %s%n", name, port,
                        state.getProperty("service." + name + ".pid"), ready ? "UP" : "DOWN");
            }
        }
    }

    static void token(Path home, List<String> args) {
        if (args.isEmpty() || !ROLES.contains(args.get(0))) {
            fail("usage: suite token ROLE [--nip N] [--unit CODE]; ROLE is one of " + ROLES);
        }
        String role = args.get(0);
        String nip = option(args, "--nip");
        String unit = option(args, "--unit");
        Path keys = home.resolve("keys");
        if (!Files.exists(keys.resolve(DevJwt.PRIVATE_KEY_FILE))) {
            DevJwt.ensureKeyPair(keys);
        }
        String subject = nip != null ? nip : "dev-" + role.toLowerCase().replace('_', '-');
        System.out.println(DevJwt.sign(keys, subject, List.of(role), nip, unit, Duration.ofHours(8)));
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    /** A stable cluster id per data directory, so a restarted broker finds its own logs. */
    private static String clusterId(Path dataDir) {
        Path file = dataDir.resolve("kafka-cluster-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String id = org.apache.kafka.common.Uuid.randomUuid().toString();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- issue 11, the demo: ./suite up --demo and ./suite demo (the loader is id.asn.merit.devinfra.demo.DemoLoader)
    private static boolean demoAfterUp;

    /** ./suite demo [--gateway URL]: loads the demo into a suite that is already up (gateway from the state file or GATEWAY_PORT). */
    static void demo(Path home, List<String> args) {
        String url = option(args, "--gateway");
        if (url == null) {
            String port = null;
            Path file = home.resolve("state.properties");
            if (Files.exists(file)) {
                Properties state = new Properties();
                try (var in = Files.newInputStream(file)) {
                    state.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                port = state.getProperty("service.gateway.port");
            }
            if (port == null) {
                port = Integer.toString(intEnv("GATEWAY_PORT", SERVICES.get("gateway")));
            }
            url = "http://localhost:" + port;
        }
        if (!runDemo(home, url)) {
            System.exit(1);
        }
    }

    /** Runs the demo loader against the gateway at url with the local key pair; false (and why, printed) when it failed. */
    static boolean runDemo(Path home, String url) {
        Path keys = home.resolve("keys");
        if (!Files.exists(keys.resolve(DevJwt.PRIVATE_KEY_FILE))) {
            System.err.println("[demo] no development key in " + keys + ": start the suite with ./suite up first");
            return false;
        }
        try {
            new id.asn.merit.devinfra.demo.DemoLoader(url, keys, id.asn.merit.devinfra.demo.DemoLoader.demoYear(), System.out,
                    Duration.ofMinutes(5)).run();
            return true;
        } catch (RuntimeException e) {
            System.err.println("[demo] failed: " + e.getMessage() + " (the suite keeps running; ./suite demo tries again)");
            return false;
        }
    }

    static String envName(String module) {
        return module.toUpperCase().replace('-', '_');
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void say(String message) {
        System.out.println("[suite] " + message);
    }

    private static void fail(String message) {
        System.err.println("[suite] " + message);
        System.exit(1);
    }
}
