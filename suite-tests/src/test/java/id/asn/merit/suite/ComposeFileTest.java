package id.asn.merit.suite;

import id.asn.merit.devinfra.DevJwt;
import id.asn.merit.devinfra.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No Docker engine runs where the suite is built, so this checks docker-compose.yml instead of running it: it parses
 * and names every service; each service is built from its own module with a Dockerfile whose port is the one compose
 * and {@code ./suite} use; every environment variable it sets is one the service really reads; start-up is
 * health-gated; the gateway, the databases, Kafka and the JWT key are wired where they should be.
 * Plain JUnit: it reads files only (repository root from {@code -Dasn.root}, set by surefire; {@code ..} otherwise).
 */
class ComposeFileTest {
    static final Path ROOT = Path.of(System.getProperty("asn.root", "..")).toAbsolutePath().normalize();
    static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";
    static final String PUBLIC_KEY_SOURCE = "./.suite/keys/" + DevJwt.PUBLIC_KEY_FILE;

    /**
     * Variables a service honours without naming them in its application.properties, each with the reason.
     * Keep this short: anything else must be read by the application (a ${VAR} placeholder or a property key).
     */
    static final Map<String, String> WELL_KNOWN = Map.of(
            // Quarkus' own HTTP port; ./suite sets it for every module, gateway included
            "QUARKUS_HTTP_PORT", "the env form of quarkus.http.port, which every Quarkus application honours",
            // not read by the application at all, but by the shell entrypoint of Dockerfile.jvm
            "JAVA_OPTS_APPEND", "JVM options read by the Dockerfile.jvm entrypoint");

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}\\s]+)[:}]");
    static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)\\s*$");
    static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^/:]+):(\\d+)/([A-Za-z0-9_]+)(\\?.*)?");
    static final Pattern CREATE_DATABASE = Pattern.compile("(?i)create\\s+database\\s+\"?(\\w+)\"?(?:\\s+owner\\s+\"?(\\w+)\"?)?");
    static final Pattern CREATE_ROLE = Pattern.compile("(?i)create\\s+(?:role|user)\\s+\"?(\\w+)\"?[^;]*?\\bpassword\\s+'([^']*)'");

    static Map<String, Object> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        Path file = ROOT.resolve("docker-compose.yml");
        assertTrue(Files.exists(file), "no docker-compose.yml in " + ROOT + " (set -Dasn.root to the repository root)");
        try (Reader in = Files.newBufferedReader(file)) {
            Object document = new Yaml().load(in);
            assertTrue(document instanceof Map, "docker-compose.yml is a YAML mapping");
            services = map(((Map<?, ?>) document).get("services"), "services");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void everyPartOfTheSuiteIsAComposeService() {
        Set<String> expected = new TreeSet<>(Suite.SERVICES.keySet());
        expected.addAll(List.of("postgres", "kafka"));
        assertEquals(expected, new TreeSet<>(services.keySet()), "the services of docker-compose.yml");
        assertEquals(Set.of("employee-service", "competency-service", "training-service", "merit-service", "gateway"),
                Suite.SERVICES.keySet(), "dev-infra's Suite.SERVICES names the five modules");
    }

    @Test
    void eachModuleIsBuiltFromItsOwnDirectoryWithItsDockerfile() throws IOException {
        for (String module : Suite.SERVICES.keySet()) {
            Map<String, Object> build = map(service(module).get("build"), module + ".build");
            Path context = ROOT.resolve(string(build.get("context"), module + ".build.context")).normalize();
            assertEquals(ROOT.resolve(module), context, module + " is built with its module directory as the context");
            assertTrue(Files.isDirectory(context), context + " exists");
            assertEquals(DOCKERFILE, build.get("dockerfile"), module + ".build.dockerfile");
            Path dockerfile = context.resolve(DOCKERFILE);
            assertTrue(Files.isRegularFile(dockerfile), dockerfile + " exists");
            String text = Files.readString(dockerfile);
            for (String part : List.of("lib/", "*.jar", "app/", "quarkus/")) {
                assertTrue(text.contains("COPY --chown=185 target/quarkus-app/" + part + " "),
                        dockerfile + " copies target/quarkus-app/" + part + " (the fast-jar, relative to the module)");
            }
            assertTrue(text.contains("quarkus-run.jar"), dockerfile + " runs quarkus-run.jar");
            assertFalse(service(module).containsKey("image"), module + " is built, not pulled");
        }
    }

    @Test
    void eachServiceListensWhereComposeAndTheLocalRunSayItDoes() throws IOException {
        for (Map.Entry<String, Integer> s : Suite.SERVICES.entrySet()) {
            String module = s.getKey();
            int suitePort = s.getValue();
            Map<String, Object> service = service(module);

            Matcher expose = EXPOSE.matcher(Files.readString(ROOT.resolve(module).resolve(DOCKERFILE)));
            assertTrue(expose.find(), module + "'s Dockerfile has an EXPOSE line");
            int exposed = Integer.parseInt(expose.group(1));
            assertFalse(expose.find(), module + "'s Dockerfile exposes one port only");
            assertEquals(suitePort, exposed, module + ": Dockerfile EXPOSE = Suite.SERVICES port");

            Map<String, String> env = environment(module);
            String portVariable = module.equals("gateway") ? "GATEWAY_PORT" : "QUARKUS_HTTP_PORT";
            assertEquals(String.valueOf(suitePort), env.get(portVariable), module + ": " + portVariable);

            assertTrue(containerPorts(service).contains(suitePort),
                    module + " publishes its container port " + suitePort + ": " + service.get("ports"));
            String healthcheck = healthcheckTest(module);
            assertTrue(healthcheck.contains("localhost:" + suitePort + "/q/health/ready"),
                    module + "'s healthcheck asks its own port's readiness: " + healthcheck);
        }
    }

    @Test
    void theFiveDockerfilesDifferOnlyInTheirPort() throws IOException {
        Map<String, String> normalised = new LinkedHashMap<>();
        for (String module : Suite.SERVICES.keySet()) {
            String text = Files.readString(ROOT.resolve(module).resolve(DOCKERFILE));
            normalised.put(module, EXPOSE.matcher(text).replaceAll("EXPOSE <port>"));
        }
        String first = normalised.values().iterator().next();
        normalised.forEach((module, text) -> assertEquals(first, text,
                module + "'s Dockerfile.jvm differs from " + normalised.keySet().iterator().next() + "'s beyond EXPOSE"));
    }

    @Test
    void everyEnvironmentVariableIsOneTheServiceReads() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String module : Suite.SERVICES.keySet()) {
            Path file = ROOT.resolve(module).resolve("src/main/resources/application.properties");
            if (!Files.isRegularFile(file)) {
                problems.add(module + ": no " + ROOT.relativize(file) + ", so it reads none of " + environment(module).keySet());
                continue;
            }
            Set<String> read = variablesRead(Files.readString(file));
            for (String variable : environment(module).keySet()) {
                if (!read.contains(variable) && !WELL_KNOWN.containsKey(variable)) {
                    problems.add(module + " sets " + variable + ", which " + ROOT.relativize(file)
                            + " neither reads as ${" + variable + "} nor has as a property key");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void startUpIsHealthGated() {
        for (Map.Entry<String, Object> s : services.entrySet()) {
            String name = s.getKey();
            Map<String, Object> healthcheck = map(map(s.getValue(), name).get("healthcheck"), name + ".healthcheck");
            assertFalse(healthcheckTest(name).isBlank(), name + " has a healthcheck test");
            assertFalse(Boolean.TRUE.equals(healthcheck.get("disable")), name + "'s healthcheck is not disabled");
            Object dependsOn = map(s.getValue(), name).get("depends_on");
            if (dependsOn == null) {
                continue;
            }
            assertTrue(dependsOn instanceof Map, name + ".depends_on is the long form (needed for a condition)");
            for (Map.Entry<String, Object> d : map(dependsOn, name + ".depends_on").entrySet()) {
                assertTrue(services.containsKey(d.getKey()), name + " depends on " + d.getKey() + ", which is no service");
                assertEquals("service_healthy", map(d.getValue(), name + ".depends_on." + d.getKey()).get("condition"),
                        name + " waits until " + d.getKey() + " is healthy");
            }
        }
        for (String module : Suite.SERVICES.keySet()) {
            if (!module.equals("gateway")) {
                assertTrue(dependsOn(module).containsAll(List.of("postgres", "kafka")), module + " waits for PostgreSQL and Kafka");
            }
        }
        assertEquals(Suite.SERVICES.keySet().stream().filter(m -> !m.equals("gateway")).collect(java.util.stream.Collectors.toSet()),
                dependsOn("gateway"), "the gateway waits for the four services");
    }

    @Test
    void theHealthchecksUseToolsTheirImagesHave() throws IOException {
        for (String module : Suite.SERVICES.keySet()) {
            if (healthcheckTest(module).contains("curl")) {
                String dockerfile = Files.readString(ROOT.resolve(module).resolve(DOCKERFILE));
                assertTrue(dockerfile.contains("command -v curl") || dockerfile.matches("(?s).*install[^\\n]*curl.*"),
                        module + "'s healthcheck calls curl, so its Dockerfile makes sure curl is there");
            }
        }
        assertTrue(healthcheckTest("postgres").contains("pg_isready"), "postgres is checked with pg_isready");
        assertTrue(healthcheckTest("kafka").contains("kafka-broker-api-versions"), "kafka is checked with a broker API call");
    }

    @Test
    void theGatewayFindsEachServiceByItsComposeNameAndPort() {
        Map<String, String> env = environment("gateway");
        for (Map.Entry<String, Integer> s : Suite.SERVICES.entrySet()) {
            if (s.getKey().equals("gateway")) {
                continue;
            }
            String variable = s.getKey().toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
            assertEquals("http://" + s.getKey() + ":" + s.getValue(), env.get(variable), "gateway " + variable);
            assertEquals(String.valueOf(s.getValue()), environment(s.getKey()).get("QUARKUS_HTTP_PORT"),
                    variable + " names the port " + s.getKey() + " listens on");
        }
        List<String> urls = env.keySet().stream().filter(v -> v.endsWith("_SERVICE_URL")).sorted().toList();
        assertEquals(List.of("COMPETENCY_SERVICE_URL", "EMPLOYEE_SERVICE_URL", "MERIT_SERVICE_URL", "TRAINING_SERVICE_URL"),
                urls, "the gateway's service URLs");
    }

    @Test
    void eachServiceHasItsOwnDatabaseCreatedByTheInitScript() throws IOException {
        Map<String, Object> postgres = service("postgres");
        assertTrue(volumes(postgres).stream().anyMatch(v -> v.target().equals("/docker-entrypoint-initdb.d")
                        && ROOT.resolve(v.source()).normalize().equals(ROOT.resolve("docker/postgres-init"))),
                "docker/postgres-init is mounted at /docker-entrypoint-initdb.d: " + postgres.get("volumes"));
        String init = initScripts();
        Map<String, String> owners = new LinkedHashMap<>();
        Matcher databases = CREATE_DATABASE.matcher(init);
        while (databases.find()) {
            owners.put(databases.group(1).toLowerCase(Locale.ROOT), databases.group(2));
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        Matcher roles = CREATE_ROLE.matcher(init);
        while (roles.find()) {
            passwords.put(roles.group(1).toLowerCase(Locale.ROOT), roles.group(2));
        }
        String superuser = environment("postgres").getOrDefault("POSTGRES_USER", "postgres");
        passwords.put(superuser, environment("postgres").get("POSTGRES_PASSWORD"));

        Set<String> used = new HashSet<>();
        for (String module : Suite.SERVICES.keySet()) {
            if (module.equals("gateway")) {
                assertFalse(environment(module).containsKey("QUARKUS_DATASOURCE_JDBC_URL"), "the gateway has no database");
                continue;
            }
            Map<String, String> env = environment(module);
            String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
            assertNotNull(url, module + " sets QUARKUS_DATASOURCE_JDBC_URL");
            Matcher jdbc = JDBC.matcher(url);
            assertTrue(jdbc.matches(), module + ": " + url + " is a PostgreSQL JDBC URL");
            assertEquals("postgres", jdbc.group(1), module + " connects to the compose service postgres");
            assertEquals("5432", jdbc.group(2), module + " connects to PostgreSQL's container port");
            String database = jdbc.group(3);
            assertEquals(module.replace("-service", ""), database, module + "'s database (the name ./suite gives it too)");
            assertTrue(used.add(database), database + " is used by one service only");
            assertTrue(owners.containsKey(database), "docker/postgres-init creates database " + database);

            String user = env.get("QUARKUS_DATASOURCE_USERNAME");
            assertNotNull(user, module + " sets QUARKUS_DATASOURCE_USERNAME");
            assertTrue(passwords.containsKey(user), "docker/postgres-init creates the role " + user + " that " + module + " logs in as");
            assertEquals(passwords.get(user), env.get("QUARKUS_DATASOURCE_PASSWORD"), module + "'s password for " + user);
            if (!user.equals(superuser)) {
                assertEquals(user, owners.get(database), database + " is owned by " + module + "'s role, so Flyway can migrate it");
            }
            String localDefault = applicationProperties(module).getProperty("quarkus.datasource.jdbc.url");
            if (localDefault != null && JDBC.matcher(localDefault).matches()) {
                Matcher m = JDBC.matcher(localDefault);
                assertTrue(m.matches());
                assertEquals(database, m.group(3), module + ": the same database name as its local default " + localDefault);
            }
        }
        assertEquals(used, owners.keySet(), "the init script creates exactly the services' databases");
    }

    @Test
    void servicesReachKafkaOnItsInternalListener() {
        String advertised = environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
        assertNotNull(advertised, "kafka advertises its listeners");
        assertEquals("broker,controller", environment("kafka").get("KAFKA_PROCESS_ROLES"), "one KRaft node, broker and controller");
        assertEquals("1", environment("kafka").get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"), "a single node holds one replica");
        for (String module : Suite.SERVICES.keySet()) {
            if (module.equals("gateway")) {
                continue;
            }
            String bootstrap = environment(module).get("KAFKA_BOOTSTRAP_SERVERS");
            assertNotNull(bootstrap, module + " sets KAFKA_BOOTSTRAP_SERVERS");
            assertTrue(bootstrap.startsWith("kafka:"), module + " reaches Kafka by its compose name: " + bootstrap);
            assertTrue(List.of(advertised.split(",")).stream().anyMatch(l -> l.endsWith("://" + bootstrap)),
                    module + "'s " + bootstrap + " is a listener Kafka advertises (" + advertised + ")");
        }
    }

    @Test
    void everyServiceTrustsTheMountedDevelopmentPublicKeyOnly() {
        for (String module : Suite.SERVICES.keySet()) {
            Map<String, String> env = environment(module);
            String location = env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            assertNotNull(location, module + " sets MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            assertEquals(DevJwt.ISSUER, env.get("MP_JWT_VERIFY_ISSUER"), module + ": the issuer of ./suite token");
            String path = location.replaceFirst("^file:", "");
            List<Volume> volumes = volumes(service(module));
            Volume key = volumes.stream().filter(v -> v.target().equals(path)).findFirst().orElse(null);
            assertNotNull(key, module + " mounts a file at " + path + ": " + service(module).get("volumes"));
            assertEquals(ROOT.resolve(PUBLIC_KEY_SOURCE).normalize(), ROOT.resolve(key.source()).normalize(),
                    module + " mounts the public key that ./suite token writes");
            assertTrue(key.readOnly(), module + " mounts the key read-only");
            for (Volume v : volumes) {
                assertFalse(v.source().contains(DevJwt.PRIVATE_KEY_FILE) || ROOT.resolve(v.source()).normalize()
                                .equals(ROOT.resolve(".suite/keys")), module + " never sees the private key: " + v.source());
            }
        }
    }

    // --- what the application reads ---------------------------------------------------------------------------------

    /**
     * The environment variables an application.properties reads: every ${VAR} or ${VAR:default} placeholder, and the
     * environment form of every property key (Quarkus/MicroProfile: non-alphanumerics to '_', upper case), which
     * overrides the key. Profile keys count for the prod profile only ({@code %prod.a.b} is read as {@code a.b}).
     */
    static Set<String> variablesRead(String properties) throws IOException {
        Set<String> read = new HashSet<>();
        Matcher placeholders = PLACEHOLDER.matcher(properties);
        while (placeholders.find()) {
            read.add(placeholders.group(1));
        }
        Properties parsed = new Properties();
        parsed.load(new StringReader(properties));
        for (String key : parsed.stringPropertyNames()) {
            if (key.startsWith("%")) {
                if (!key.startsWith("%prod.")) {
                    continue;
                }
                key = key.substring("%prod.".length());
            }
            read.add(environmentForm(key));
        }
        return read;
    }

    static String environmentForm(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static Properties applicationProperties(String module) throws IOException {
        Properties p = new Properties();
        Path file = ROOT.resolve(module).resolve("src/main/resources/application.properties");
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p;
    }

    static String initScripts() throws IOException {
        Path dir = ROOT.resolve("docker/postgres-init");
        assertTrue(Files.isDirectory(dir), dir + " exists");
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                // drop "-- comments" so a commented-out statement does not count
                all.append(Files.readString(f).replaceAll("--[^\\n]*", "")).append('\n');
            }
        }
        assertFalse(all.isEmpty(), dir + " holds an .sql init script");
        return all.toString();
    }

    // --- reading the compose file: both the short and the long syntax ---------------------------------------------

    static Map<String, Object> service(String name) {
        return map(services.get(name), "services." + name);
    }

    /** The environment, whether written as a mapping or as a list of KEY=value (merge keys already applied). */
    static Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (environment instanceof List<?> l) {
            for (Object entry : l) {
                String s = String.valueOf(entry);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return env;
    }

    static Set<String> dependsOn(String name) {
        Object d = service(name).get("depends_on");
        if (d instanceof Map<?, ?> m) {
            Set<String> names = new HashSet<>();
            m.keySet().forEach(k -> names.add(String.valueOf(k)));
            return names;
        }
        return d instanceof List<?> l ? new HashSet<>(l.stream().map(String::valueOf).toList()) : Set.of();
    }

    static String healthcheckTest(String name) {
        Object healthcheck = service(name).get("healthcheck");
        Object test = healthcheck instanceof Map<?, ?> m ? m.get("test") : null;
        return test instanceof List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList())
                : test == null ? "" : String.valueOf(test);
    }

    /** Container ports of "host:container", "ip:host:container", "container" or {target: n}. */
    static Set<Integer> containerPorts(Map<String, Object> service) {
        Set<Integer> ports = new HashSet<>();
        Object list = service.get("ports");
        if (list instanceof List<?> l) {
            for (Object p : l) {
                if (p instanceof Map<?, ?> m) {
                    ports.add(Integer.parseInt(String.valueOf(m.get("target"))));
                } else {
                    String s = String.valueOf(p).replaceFirst("/(tcp|udp)$", "");
                    ports.add(Integer.parseInt(s.substring(s.lastIndexOf(':') + 1)));
                }
            }
        }
        return ports;
    }

    record Volume(String source, String target, boolean readOnly) {
    }

    static List<Volume> volumes(Map<String, Object> service) {
        List<Volume> volumes = new ArrayList<>();
        Object list = service.get("volumes");
        if (list instanceof List<?> l) {
            for (Object v : l) {
                if (v instanceof Map<?, ?> m) {
                    volumes.add(new Volume(String.valueOf(m.get("source")), String.valueOf(m.get("target")),
                            Boolean.TRUE.equals(m.get("read_only"))));
                } else {
                    String[] parts = String.valueOf(v).split(":");
                    boolean ro = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
                    volumes.add(new Volume(parts[0], parts.length > 1 ? parts[1] : parts[0], ro));
                }
            }
        }
        return volumes;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String what) {
        assertTrue(o instanceof Map, what + " is a mapping in docker-compose.yml");
        return (Map<String, Object>) o;
    }

    static String string(Object o, String what) {
        assertTrue(o instanceof String, what + " is a string in docker-compose.yml");
        return (String) o;
    }
}
