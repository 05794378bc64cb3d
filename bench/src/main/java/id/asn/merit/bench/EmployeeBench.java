package id.asn.merit.bench;

import id.asn.merit.devinfra.ServiceProcess;
import id.asn.merit.employee.imports.EmployeeCsv;
import org.postgresql.PGConnection;

import java.io.BufferedWriter;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * employee-service benchmarks of issue 3, in one run on one machine so the figures compare:
 * <ol>
 * <li>import of N employees (default 100 000) through the API, in rows/s, against PostgreSQL's own COPY of the same
 * rows into a table of the same shape;</li>
 * <li>GET /employees/{nip} and a filtered list over those N employees, direct and through the gateway: requests/s and
 * p50/p99 latency.</li>
 * </ol>
 * Usage: {@code bench/run employee [rows]}. Results go to stdout and bench/results/.
 */
public final class EmployeeBench {
    static final String[] UNITS = {"B-D1-S1", "B-D1-S2", "B-D2-S1", "B-D2-S2", "B-D3-S1"};
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1); // the in-process broker and database threads would otherwise keep the JVM alive
        }
    }

    static void run(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int concurrency = Integer.parseInt(System.getProperty("bench.concurrency", "16"));
        Duration measure = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "20")));
        Path root = Path.of(System.getProperty("asn.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(root.resolve("bench/results"));

        String db = "bench_employee";
        BenchSuite suite = BenchSuite.start(root, work, db, "employee-service");
        boolean gateway = suite.hasGateway();
        ServiceProcess employee = suite.service("employee-service");
        String direct = employee.url();
        String token = BenchSuite.token("ADMIN");

        post(direct + "/api/v1/org-units", token, "{\"code\":\"B-ROOT\",\"name\":\"Bench\",\"level\":\"INSTANSI\"}");
        for (int d = 1; d <= 3; d++) {
            post(direct + "/api/v1/org-units", token, "{\"code\":\"B-D" + d + "\",\"name\":\"Dinas " + d + "\",\"level\":\"PERANGKAT_DAERAH\",\"parentCode\":\"B-ROOT\"}");
        }
        for (String unit : UNITS) {
            String parent = unit.substring(0, 4);
            post(direct + "/api/v1/org-units", token, "{\"code\":\"" + unit + "\",\"name\":\"Bidang " + unit + "\",\"level\":\"BIDANG\",\"parentCode\":\"" + parent + "\"}");
        }

        Path csv = work.resolve("employees-" + rows + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            EmployeeCsv.write(out, rows, UNITS, "");
        }
        long fileBytes = Files.size(csv);

        // 1. import through the API
        long rssBeforeKb = statusKb(employee.pid(), "VmRSS");
        long t0 = System.nanoTime();
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(direct + "/api/v1/employee-imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("import not accepted: " + accepted.statusCode() + " " + accepted.body());
        }
        String jobUrl = accepted.headers().firstValue("Location").orElseThrow();
        String job;
        do {
            Thread.sleep(250);
            job = get(jobUrl, token);
        } while (!job.contains("\"status\":\"COMPLETED\"") && !job.contains("\"status\":\"FAILED\""));
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        long peakRssKb = peakRssKb(employee.pid());
        if (!job.contains("\"created\":" + rows)) {
            throw new IllegalStateException("import did not create every row: " + job);
        }

        // 2. COPY of the same rows, same server, same run: into a table with the employee table's indexes (what the
        // import has to maintain too: primary key, org unit, status, the name trigram index, ...) and, for reference,
        // into a bare table of the same columns
        double copySeconds;
        double bareCopySeconds;
        try (Connection c = suite.connect()) {
            copySeconds = copy(c, csv, "create table copy_target (like employee including all)");
            bareCopySeconds = copy(c, csv, "create table copy_target (like employee including defaults)");
            // measure reads on fresh planner statistics, as a database that has settled after an import would have
            c.createStatement().execute("analyze");
        }
        boolean reads = Boolean.parseBoolean(System.getProperty("bench.reads", "true"));

        // 3. reads
        List<String> nips = new ArrayList<>();
        for (int i = 0; i < rows; i += Math.max(1, rows / 5000)) {
            nips.add(EmployeeCsv.row(i, UNITS, "").substring(0, 18));
        }
        LoadGenerator load = new LoadGenerator();
        List<LoadGenerator.Result> results = new ArrayList<>();
        Map<String, String> bases = new LinkedHashMap<>();
        bases.put("direct", direct);
        if (gateway) {
            bases.put("gateway", suite.gatewayUrl());
        }
        for (Map.Entry<String, String> base : reads ? bases.entrySet() : Map.<String, String>of().entrySet()) {
            results.add(load.run("GET /employees/{nip} (" + base.getKey() + ")", concurrency, Duration.ofSeconds(5), measure, 5_000_000, token,
                    i -> base.getValue() + "/api/v1/employees/" + nips.get(i % nips.size())));
            results.add(load.run("GET /employees?orgUnit=B-D1&subtree=true&q=Pegawai 1&size=50 (" + base.getKey() + ")", concurrency,
                    Duration.ofSeconds(5), measure, 5_000_000, token,
                    i -> base.getValue() + "/api/v1/employees?orgUnit=B-D1&subtree=true&q=Pegawai%20" + (1 + i % 9) + "&size=50&page=" + (i % 3)));
        }

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "## employee-service, %s, %d rows, %d cores, concurrency %d, %d s per load run%n%n",
                LocalDate.now(), rows, Runtime.getRuntime().availableProcessors(), concurrency, measure.toSeconds()));
        report.append("| measure | value |\n|---|---|\n");
        report.append(String.format(Locale.ROOT, "| import through the API (upload, validate, upsert, audit, outbox) | %.1f s, %.0f rows/s |%n",
                importSeconds, rows / importSeconds));
        report.append(String.format(Locale.ROOT, "| PostgreSQL COPY of the same CSV (%.1f MB) into a table with the employee table's indexes | %.2f s, %.0f rows/s |%n",
                fileBytes / 1e6, copySeconds, rows / copySeconds));
        report.append(String.format(Locale.ROOT, "| PostgreSQL COPY of the same CSV into a table of the same columns, no index | %.2f s, %.0f rows/s |%n",
                bareCopySeconds, rows / bareCopySeconds));
        report.append(String.format(Locale.ROOT, "| import ÷ COPY throughput (indexed table; unindexed) | %.3f; %.3f |%n",
                copySeconds / importSeconds, bareCopySeconds / importSeconds));
        report.append(String.format(Locale.ROOT, "| employee-service RSS before the import; peak RSS (VmHWM) at its end (heap capped at 384 MB) | %.0f MB; %.0f MB |%n%n",
                rssBeforeKb / 1024.0, peakRssKb / 1024.0));
        report.append("| load | requests/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|\n");
        for (LoadGenerator.Result r : results) {
            report.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %d |%n", r.name(), r.rps(), r.p50Millis(), r.p99Millis(), r.errors()));
        }
        if (gateway && reads) {
            report.append(String.format(Locale.ROOT, "%nGateway ÷ direct throughput: GET by NIP %.2f, filtered list %.2f.%n",
                    results.get(2).rps() / results.get(0).rps(), results.get(3).rps() / results.get(1).rps()));
        } else {
            report.append("\nThe gateway was not built, so no figures through it.\n");
        }
        System.out.println(report);
        Files.writeString(work.resolve("employee-" + LocalDate.now() + ".md"), report.toString());
        Files.deleteIfExists(csv);
    }

    /** COPY of the CSV into a fresh {@code copy_target} made by {@code create}, in seconds; the table is dropped after. */
    static double copy(Connection c, Path csv, String create) throws Exception {
        c.createStatement().execute(create);
        c.createStatement().execute("alter table copy_target alter column status set default 'ACTIVE'");
        long c0 = System.nanoTime();
        try (Reader in = Files.newBufferedReader(csv)) {
            ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI().copyIn(
                    "copy copy_target (nip, name, gender, birth_date, employment_type, rank, org_unit_code, education_level, education_field)"
                            + " from stdin with (format csv, header true)", in);
        }
        double seconds = (System.nanoTime() - c0) / 1e9;
        c.createStatement().execute("drop table copy_target");
        return seconds;
    }

    static void post(String url, String token, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
        }
    }

    static String get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static long peakRssKb(long pid) {
        return statusKb(pid, "VmHWM");
    }

    /** A line of /proc/<pid>/status in kB (VmRSS, VmHWM), -1 when unreadable. */
    static long statusKb(long pid, String field) {
        try {
            Matcher m = Pattern.compile(field + ":\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
