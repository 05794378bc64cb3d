package id.asn.merit.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) run as a child process. */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static Path jar(Path repoRoot, String module) {
        return repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static ServiceProcess start(Path repoRoot, String module, int port, Map<String, String> env, Path logDir) {
        return start(repoRoot, module, port, env, logDir, List.of());
    }

    /**
     * As above, with extra JVM options placed before {@code -jar} (the local run's start-time flags, see
     * {@link Suite}); the tests and the benches pass none, so they run the JVM as production does.
     */
    public static ServiceProcess start(Path repoRoot, String module, int port, Map<String, String> env, Path logDir,
            List<String> jvmOptions) {
        Path jar = jar(repoRoot, module);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(module + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xms64m");
            command.add("-Xmx" + env.getOrDefault("ASN_SERVICE_XMX", System.getenv().getOrDefault("ASN_SERVICE_XMX", "384m")));
            command.add("-XX:+UseSerialGC");
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(repoRoot.resolve(module).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            return new ServiceProcess(module, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** Waits until {@code /q/health/ready} answers 200, or fails with the tail of the log. */
    public void awaitReady(Duration timeout) {
        await("/q/health/ready", timeout);
    }

    /** Waits until {@code /q/health/live} answers 200: up, whether or not what it depends on is. */
    public void awaitLive(Duration timeout) {
        await("/q/health/live", timeout);
    }

    private void await(String healthPath, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log + "\n" + tail());
            }
            if (answers200(port, healthPath)) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not answering " + healthPath + " within " + timeout + "; see " + log + "\n" + tail());
    }

    public static boolean isReady(int port) {
        return answers200(port, "/q/health/ready");
    }

    private static boolean answers200(int port, String path) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            // a service stops in a second or two; one writing its class-data archive (the local run, once per build) takes
            // longer on a busy machine, and is killed only if it hangs
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
