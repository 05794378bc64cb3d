package id.asn.merit.bench;

import id.asn.merit.devinfra.FreePort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Issue 10, whole-suite start: runs {@code ./suite up} from the packaged build {@code runs} times (default 3), each
 * on free ports and in its own suite home under {@code bench/results/start-home} (so a suite you have up is not
 * touched), and measures
 * <ul>
 * <li>the time from launching {@code ./suite up} until the gateway's {@code /q/health} answers {@code UP} (the gateway
 * is ready only when the four services are), for the first start (empty data directory: initdb, every migration, no
 * class-data archive yet) and the later ones (the data and the archives of the runs before);</li>
 * <li>the CPU seconds each part had used by then (user + system, from {@code /proc/<pid>/stat}; the measure that does
 * not depend on what else the machine is doing);</li>
 * <li>the resident memory after {@code bench.idleSeconds} (default 15) idle: VmRSS summed over the launcher JVM (with
 * PostgreSQL's client side and the Kafka broker in it), PostgreSQL's processes and the five service JVMs. PostgreSQL's
 * shared buffers count once per process that touched them, so the sum is an upper bound.</li>
 * </ul>
 * Usage: {@code bench/run start [runs]}. Results go to stdout and bench/results/.
 */
public final class StartBench {
    static final double START_LIMIT_SECONDS = 15;
    static final double RSS_LIMIT_MB = 2048;
    static final List<String> PARTS = List.of("launcher", "postgresql", "employee-service", "competency-service",
            "training-service", "merit-service", "gateway");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private StartBench() {
    }

    public static void main(String[] args) {
        try {
            Path root = Path.of(System.getProperty("asn.root", ".")).toAbsolutePath().normalize();
            int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
            String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
            List<Run> all = new ArrayList<>();
            List<String[]> rows = measure(root, runs, all);
            StringBuilder report = new StringBuilder();
            report.append(String.format(Locale.ROOT, "## whole-suite start, run of %s, %d starts, %d cores%n%n", started, runs,
                    Runtime.getRuntime().availableProcessors()));
            report.append("| measure | measured | limit | ratio | target | met |\n|---|---|---|---|---|---|\n");
            rows.forEach(r -> report.append("| ").append(String.join(" | ", r)).append(" |\n"));
            report.append("\n| start | seconds to gateway UP | load average at start | ");
            PARTS.forEach(p -> report.append(p).append(" CPU s / RSS MB | "));
            report.append("total CPU s | total RSS MB | timeline |\n|");
            report.append("---|".repeat(PARTS.size() + 6)).append('\n');
            for (Run r : all) {
                report.append(String.format(Locale.ROOT, "| %d%s | %.1f | %s | ", r.index + 1, r.index == 0 ? " (empty data)" : "",
                        r.seconds, r.load));
                for (String p : PARTS) {
                    report.append(String.format(Locale.ROOT, "%.1f / %d | ", r.cpuSeconds.getOrDefault(p, 0.0),
                            r.rssMb.getOrDefault(p, 0L)));
                }
                report.append(String.format(Locale.ROOT, "%.1f | %d | %s |%n", r.totalCpu(), r.totalRss(), r.timeline));
            }
            System.out.println();
            System.out.println(report);
            Path out = Files.createDirectories(root.resolve("bench/results"))
                    .resolve("start-" + started.replace(' ', '_').replace(":", "") + ".md");
            Files.writeString(out, report.toString());
            System.out.println("[bench] written to " + root.relativize(out));
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    /** The table rows (measure, measured, limit, ratio, target, met) for the province bench. */
    static List<String[]> measure(Path root, int runs) throws IOException, InterruptedException {
        return measure(root, runs, new ArrayList<>());
    }

    static List<String[]> measure(Path root, int runs, List<Run> all) throws IOException, InterruptedException {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1");
        }
        Path home = root.resolve("bench/results/start-home");
        deleteTree(home);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try {
                Run r = once(root, home, i);
                all.add(r);
                say(String.format(Locale.ROOT, "start %d: %.1f s to gateway UP, %.1f CPU s, %d MB RSS idle (load %s)", i + 1,
                        r.seconds, r.totalCpu(), r.totalRss(), r.load));
            } catch (IllegalStateException e) {
                failures.add("start " + (i + 1));
                say("start " + (i + 1) + " failed: " + e.getMessage().lines().limit(3).toList());
            }
        }
        List<String[]> rows = new ArrayList<>();
        if (!failures.isEmpty()) {
            rows.add(new String[] {"starts that failed", String.join(", ", failures), "", "", "none", "**not met**"});
        }
        if (all.isEmpty()) {
            return rows;
        }
        Run first = all.get(0);
        if (first.index == 0) {
            rows.add(startRow("whole suite start after the build, first (empty data directory)", first.seconds));
        }
        List<Run> later = all.stream().filter(r -> r.index > 0).toList();
        if (!later.isEmpty()) {
            rows.add(startRow("whole suite start after the build, later (median of " + later.size() + ")",
                    median(later.stream().map(r -> r.seconds).toList())));
        }
        double rss = median(all.stream().map(r -> (double) r.totalRss()).toList());
        rows.add(new String[] {"total RSS, five services idle (median of " + all.size() + ")",
                String.format(Locale.ROOT, "%.0f MB", rss), String.format(Locale.ROOT, "%.0f MB", RSS_LIMIT_MB),
                String.format(Locale.ROOT, "%.2f", rss / RSS_LIMIT_MB), "≤ 2 GB", rss <= RSS_LIMIT_MB ? "met" : "**not met**"});
        return rows;
    }

    private static String[] startRow(String measure, double seconds) {
        return new String[] {measure, String.format(Locale.ROOT, "%.1f s", seconds),
                String.format(Locale.ROOT, "%.0f s", START_LIMIT_SECONDS), String.format(Locale.ROOT, "%.2f", seconds / START_LIMIT_SECONDS),
                "≤ 15 s", seconds <= START_LIMIT_SECONDS ? "met" : "**not met**"};
    }

    /** One start: launch, wait for the gateway, read CPU, idle, read RSS, stop. */
    private static Run once(Path root, Path home, int index) throws IOException, InterruptedException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : List.of("ASN_PG_PORT", "ASN_KAFKA_PORT", "ASN_KAFKA_CONTROLLER_PORT", "EMPLOYEE_SERVICE_PORT",
                "COMPETENCY_SERVICE_PORT", "TRAINING_SERVICE_PORT", "MERIT_SERVICE_PORT", "GATEWAY_PORT")) {
            int port;
            do {
                port = FreePort.find();
            } while (ports.containsValue(port));
            ports.put(name, port);
        }
        Files.createDirectories(home);
        Path log = home.resolve("up-" + (index + 1) + ".out");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("suite").toString(), "up")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        ports.forEach((k, v) -> builder.environment().put(k, Integer.toString(v)));
        builder.environment().put("ASN_SUITE_HOME", home.toString());
        builder.environment().put("ASN_SUITE_TIMELINE", "true");
        Run run = new Run(index);
        run.load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        long t0 = System.nanoTime();
        Process launcher = builder.start();
        URI health = URI.create("http://127.0.0.1:" + ports.get("GATEWAY_PORT") + "/q/health");
        try {
            long deadline = t0 + TimeUnit.SECONDS.toNanos(Long.getLong("bench.startTimeoutSeconds", 300));
            while (!up(health)) {
                if (!launcher.isAlive()) {
                    throw new IllegalStateException("./suite up exited with " + launcher.exitValue() + ": " + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("gateway not UP in time: " + Files.readString(log));
                }
                Thread.sleep(50);
            }
            run.seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, List<Long>> parts = parts(launcher.pid(), ports.get("ASN_PG_PORT"));
            parts.forEach((part, pids) -> run.cpuSeconds.put(part, pids.stream().mapToDouble(StartBench::cpuSeconds).sum()));
            Thread.sleep(TimeUnit.SECONDS.toMillis(Long.getLong("bench.idleSeconds", 15)));
            parts = parts(launcher.pid(), ports.get("ASN_PG_PORT"));
            parts.forEach((part, pids) -> run.rssMb.put(part, pids.stream().mapToLong(StartBench::rssKb).sum() / 1024));
        } finally {
            launcher.destroy(); // SIGTERM: the launcher stops the services (they write their class-data archives), Kafka, PostgreSQL
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
        }
        String out = Files.readString(log);
        int at = out.indexOf("start timeline: ");
        run.timeline = at < 0 ? "" : out.substring(at + "start timeline: ".length()).lines().findFirst().orElse("");
        return run;
    }

    private static boolean up(URI health) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** part → its pids: the launcher JVM, each service JVM (its child), PostgreSQL's postmaster (daemonised) and its children. */
    private static Map<String, List<Long>> parts(long launcherPid, int pgPort) {
        Map<String, List<Long>> parts = new TreeMap<>(Comparator.comparingInt(PARTS::indexOf));
        parts.put("launcher", new ArrayList<>(List.of(launcherPid)));
        ProcessHandle.of(launcherPid).ifPresent(l -> l.descendants().forEach(p -> {
            String cmd = p.info().commandLine().orElse("");
            String part = PARTS.stream().filter(s -> cmd.contains("/" + s + "/target/quarkus-app")).findFirst()
                    .orElse(cmd.contains("postgres") ? "postgresql" : "launcher");
            parts.computeIfAbsent(part, k -> new ArrayList<>()).add(p.pid());
        }));
        String portArg = "-p " + pgPort;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("bin/postgres") && c.contains(portArg)).orElse(false))
                .forEach(pm -> {
                    List<Long> pg = parts.computeIfAbsent("postgresql", k -> new ArrayList<>());
                    if (!pg.contains(pm.pid())) {
                        pg.add(pm.pid());
                    }
                    pm.descendants().map(ProcessHandle::pid).filter(pid -> !pg.contains(pid)).forEach(pg::add);
                });
        return parts;
    }

    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime, stime, cutime, cstime (fields 14-17): the children it waited for (initdb, pg_ctl) count too
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }

    static final class Run {
        final int index;
        double seconds;
        String load = "";
        String timeline = "";
        final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        final Map<String, Long> rssMb = new LinkedHashMap<>();

        Run(int index) {
            this.index = index;
        }

        double totalCpu() {
            return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        long totalRss() {
            return rssMb.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
