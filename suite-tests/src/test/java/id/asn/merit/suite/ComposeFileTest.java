package id.asn.merit.suite;

import id.asn.merit.devinfra.Suite;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No Docker engine runs where the suite is built, so this checks docker-compose.yml instead of running it: it parses,
 * every service it builds exists with its Dockerfile and port, every environment variable it sets is one the service
 * reads, start-up is health-gated, and the gateway and the databases point where they should.
 */
class ComposeFileTest {
    static final Path ROOT = Path.of(System.getProperty("asn.root", "..")).toAbsolutePath().normalize();
    /** Runtime settings every Quarkus/JVM image honours without the app declaring them. */
    static final Set<String> WELL_KNOWN = Set.of("QUARKUS_HTTP_PORT", "JAVA_OPTS_APPEND");

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws IOException {
        try (Reader in = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> services() throws IOException {
        return (Map<String, Object>) compose().get("services");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void everySuiteServiceIsBuiltFromItsModuleOnItsPort() throws IOException {
        Map<String, Object> services = services();
        assertTrue(services.keySet().containsAll(List.of("postgres", "kafka")), services.keySet().toString());
        for (Map.Entry<String, Integer> s : Suite.SERVICES.entrySet()) {
            Map<String, Object> service = map(services.get(s.getKey()));
            assertTrue(service != null, s.getKey() + " is in docker-compose.yml");
            Map<String, Object> build = map(service.get("build"));
            Path context = ROOT.resolve((String) build.get("context")).normalize();
            Path dockerfile = context.resolve((String) build.get("dockerfile"));
            assertTrue(Files.exists(dockerfile), dockerfile + " exists");
            Matcher expose = Pattern.compile("(?m)^EXPOSE (\\d+)").matcher(Files.readString(dockerfile));
            assertTrue(expose.find(), dockerfile + " exposes a port");
            int port = Integer.parseInt(expose.group(1));
            assertEquals(s.getValue(), port, s.getKey() + ": Dockerfile port = ./suite port");
            List<String> ports = (List<String>) service.get("ports");
            assertTrue(ports.contains(port + ":" + port), s.getKey() + " publishes " + port);
            Object configuredPort = map(service.get("environment")).getOrDefault("QUARKUS_HTTP_PORT",
                    map(service.get("environment")).get("GATEWAY_PORT"));
            assertEquals(port, Integer.parseInt(String.valueOf(configuredPort)), s.getKey() + " listens where it is published");
        }
    }

    @Test
    void everyEnvironmentVariableIsOneTheServiceReads() throws IOException {
        for (String module : Suite.SERVICES.keySet()) {
            Map<String, Object> env = map(map(services().get(module)).get("environment"));
            String properties = Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.properties"));
            Set<String> read = new HashSet<>(WELL_KNOWN);
            Matcher placeholders = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]").matcher(properties);
            while (placeholders.find()) {
                read.add(placeholders.group(1));
            }
            for (String line : properties.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                    read.add(line.substring(0, line.indexOf('=')).trim().replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
                }
            }
            for (String variable : env.keySet()) {
                assertTrue(read.contains(variable), module + " does not read " + variable + " (not in its application.properties)");
            }
        }
    }

    @Test
    void startUpIsHealthGated() throws IOException {
        Map<String, Object> services = services();
        for (Map.Entry<String, Object> s : services.entrySet()) {
            Map<String, Object> service = map(s.getValue());
            assertTrue(service.containsKey("healthcheck"), s.getKey() + " has a healthcheck");
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                for (Map.Entry<String, Object> d : map(dependsOn).entrySet()) {
                    assertTrue(services.containsKey(d.getKey()), s.getKey() + " depends on an existing service " + d.getKey());
                    assertEquals("service_healthy", map(d.getValue()).get("condition"), s.getKey() + " waits for " + d.getKey());
                }
            }
        }
    }

    @Test
    void theGatewayAndTheDatabasesPointWhereTheyShould() throws IOException {
        Map<String, Object> gatewayEnv = map(map(services().get("gateway")).get("environment"));
        for (Map.Entry<String, Integer> s : Suite.SERVICES.entrySet()) {
            if (!s.getKey().equals("gateway")) {
                String variable = s.getKey().toUpperCase().replace('-', '_') + "_URL";
                assertEquals("http://" + s.getKey() + ":" + s.getValue(), gatewayEnv.get(variable), variable);
            }
        }
        String init = Files.readString(ROOT.resolve("docker/postgres-init/01-databases.sql"));
        for (String module : List.of("employee-service", "competency-service", "training-service", "merit-service")) {
            String url = (String) map(map(services().get(module)).get("environment")).get("QUARKUS_DATASOURCE_JDBC_URL");
            String database = url.substring(url.lastIndexOf('/') + 1);
            assertTrue(init.contains("create database " + database + ";"), "the init script creates " + database);
            assertTrue(url.startsWith("jdbc:postgresql://postgres:5432/"), url);
        }
    }
}
