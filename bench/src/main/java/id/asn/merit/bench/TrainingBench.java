package id.asn.merit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.devinfra.ServiceProcess;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * training-service benchmarks of issue 8, JP compliance legs (a sketch: the import leg belongs to the import's
 * engineer):
 * <ol>
 * <li>a generated province (default 100 000 active employees, {@code PD01} holding 5 000 of them, 10 VERIFIED records
 * each over the year so far, one in ten a mentoring record that its cap cuts) COPYed into training-service's database,
 * then the ledger rebuilt by the service ({@code POST /jp-compliance/rebuild}, 202) and drained by its job (timed);</li>
 * <li>the whole-province compliance summary ({@code GET /jp-compliance?size=1}) against a raw SQL aggregate of the
 * same numbers on the same data (the ratio; target ≤ 2 s and ≤ 1.5×);</li>
 * <li>one unit of 5 000 people, first page plus summary, through the gateway (target p99 ≤ 200 ms);</li>
 * <li>the province as CSV, read as a stream: time, bytes and the service's peak RSS (bounded memory).</li>
 * </ol>
 * Usage: {@code bench/run training [employees]}. Results go to stdout and bench/results/.
 */
public final class TrainingBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String ROOT = "PROV";
    static final String BIG_UNIT = "PD01";
    static final int BIG_UNIT_PEOPLE = 5000;
    static final int UNITS = 40;

    final int employees;
    final int recordsPerPerson = Integer.getInteger("bench.recordsPerPerson", 10);
    final long seed = Long.getLong("bench.seed", 8L);
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    final int concurrency = Integer.getInteger("bench.unitConcurrency", 2);
    final Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup", 5L));
    final Duration slice = Duration.ofSeconds(Long.getLong("bench.seconds", 10L));
    final StringBuilder report = new StringBuilder();
    final LoadGenerator load = new LoadGenerator(Duration.ofSeconds(60));
    BenchSuite suite;
    String token;

    TrainingBench(int employees) {
        this.employees = employees;
    }

    public static void main(String[] args) {
        try {
            new TrainingBench(args.length > 0 ? Integer.parseInt(args[0]) : 100_000).run();
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    void run() throws Exception {
        Path root = Path.of(System.getProperty("asn.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(root.resolve("bench/results"));
        suite = BenchSuite.start(root, work, "bench_training", "training-service");
        ServiceProcess service = suite.service("training-service");
        token = BenchSuite.token("ADMIN");
        Map<String, String> bases = new LinkedHashMap<>();
        if (suite.hasGateway()) {
            bases.put("gateway", suite.gatewayUrl());
        }
        bases.put("direct", service.url());
        int year = today.getYear();
        report.append(String.format(Locale.ROOT, "## training-service, JP compliance, %d employees × %d records, %d cores, as of %s%n%n",
                employees, recordsPerPerson, Runtime.getRuntime().availableProcessors(), today));

        // 1. the province by COPY, then the ledger rebuilt by the service
        long l0 = System.nanoTime();
        try (Connection c = suite.connect()) {
            load(c, year);
            c.createStatement().execute("vacuum (analyze) employee_replica, org_unit_replica, training_record");
        }
        report.append(String.format(Locale.ROOT, "| measure | value |%n|---|---|%n| COPY of units, employees and %d records | %.1f s |%n",
                (long) employees * recordsPerPerson, (System.nanoTime() - l0) / 1e9));
        long r0 = System.nanoTime();
        HttpResponse<String> rebuilt = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/jp-compliance/rebuild"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        try (Connection c = suite.connect()) {
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (scalar(c, "select count(*) from jp_recompute_pending") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            c.createStatement().execute("vacuum (analyze) jp_person_year");
            report.append(String.format(Locale.ROOT, "| `POST /jp-compliance/rebuild` (HTTP %d, `%s`) and the drain of the queue | %.1f s, %d ledger rows |%n",
                    rebuilt.statusCode(), rebuilt.body(), (System.nanoTime() - r0) / 1e9, scalar(c, "select count(*) from jp_person_year")));
        }

        // 2. do the service and the raw SQL agree?
        String province = "/api/v1/jp-compliance?year=" + year + "&size=1";
        String unit = "/api/v1/jp-compliance?year=" + year + "&orgUnit=" + BIG_UNIT + "&subtree=true&size=50";
        long[] raw;
        try (Connection c = suite.connect()) {
            raw = rawSummary(c, year);
        }
        JsonNode s = JSON.readTree(get(service.url() + province)).path("summary");
        boolean agree = s.path("employees").asLong() == raw[0] && s.path("met").asLong() == raw[1] && s.path("atRisk").asLong() == raw[2]
                && s.path("totalJp").decimalValue().compareTo(BigDecimal.valueOf(raw[3], 2)) == 0;
        report.append(String.format(Locale.ROOT, "| service summary = raw SQL (employees, met, atRisk, totalJp) | %s (%s vs %d/%d/%d/%s) |%n",
                agree ? "yes" : "**no**", s, raw[0], raw[1], raw[2], BigDecimal.valueOf(raw[3], 2)));

        // 3. the legs
        for (Map.Entry<String, String> b : bases.entrySet()) {
            LoadGenerator.Result r = load.closedLoop("province " + b.getKey(), 1, warmUp, slice, 200,
                    load.http(token, seq -> b.getValue() + province)).result();
            report.append(row("whole-province summary (" + b.getKey() + ")", r, "≤ 2000 ms"));
        }
        LoadGenerator.Result rawRun = load.closedLoop("raw", 1, warmUp, slice, 200, () -> {
            Connection c = suite.connect();
            return new LoadGenerator.Worker() {
                public boolean call(int seq) throws Exception {
                    return rawSummary(c, year)[0] > 0;
                }

                public void close() throws Exception {
                    c.close();
                }
            };
        }).result();
        report.append(row("raw SQL aggregate of the same numbers", rawRun, "(the 1.5× reference)"));
        for (Map.Entry<String, String> b : bases.entrySet()) {
            LoadGenerator.Result r = load.closedLoop("unit " + b.getKey(), concurrency, warmUp, slice, 5000,
                    load.http(token, seq -> b.getValue() + unit)).result();
            report.append(row(BIG_UNIT + " (" + BIG_UNIT_PEOPLE + " people) first page + summary (" + b.getKey() + ")", r, "p99 ≤ 200 ms"));
        }

        // 4. the CSV of the province, streamed
        String csvBase = bases.values().iterator().next();
        long c0 = System.nanoTime();
        HttpResponse<InputStream> csv = HTTP.send(HttpRequest.newBuilder(URI.create(csvBase + "/api/v1/jp-compliance?year=" + year))
                .header("Authorization", "Bearer " + token).header("Accept", "text/csv").timeout(Duration.ofMinutes(10)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = csv.body()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        report.append(String.format(Locale.ROOT, "| province CSV (HTTP %d) | %.1f s, %d rows, %.1f MB; service peak RSS %.0f MB |%n%n",
                csv.statusCode(), (System.nanoTime() - c0) / 1e9, lines - 1, bytes / 1e6, EmployeeBench.peakRssKb(service.pid()) / 1024.0));

        System.out.println(report);
        Path out = work.resolve("training-" + today + ".md");
        Files.writeString(out, report.toString());
        System.out.println("report written to " + root.relativize(out));
    }

    /** {employees, met, atRisk, totalJp × 100}: the numbers of the service's summary, by hand. */
    long[] rawSummary(Connection c, int year) throws SQLException {
        long elapsed = today.getDayOfYear();
        int days = today.lengthOfYear();
        try (PreparedStatement ps = c.prepareStatement("""
                select count(*), count(*) filter (where coalesce(p.recognised_jp, 0) >= 20),
                       count(*) filter (where coalesce(p.recognised_jp, 0) < 20 and coalesce(p.recognised_jp, 0) * ? < 20 * ?),
                       coalesce(sum(p.recognised_jp), 0) * 100
                from employee_replica e left join jp_person_year p on p.nip = e.nip and p.year = ?
                where e.status = 'ACTIVE'""")) {
            ps.setInt(1, elapsed > 0 && elapsed < days ? days : 0);
            ps.setLong(2, elapsed > 0 && elapsed < days ? elapsed : 0);
            ps.setInt(3, year);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4).longValue()};
            }
        }
    }

    void load(Connection c, int year) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (Writer w = copy(c, "copy org_unit_replica (code, name, parent_code, path, status, last_event_id) from stdin")) {
            w.write(ROOT + "\tProvinsi\t\\N\t" + ROOT + "\tACTIVE\tbench\n");
            for (int u = 1; u <= UNITS; u++) {
                String code = String.format(Locale.ROOT, "PD%02d", u);
                w.write(code + "\tPerangkat Daerah " + u + "\t" + ROOT + "\t" + ROOT + "/" + code + "\tACTIVE\tbench\n");
            }
        }
        int span = Math.max(1, today.getDayOfYear() - 3);
        try (Writer e = copy(c, "copy employee_replica (nip, name, employment_type, position_code, position_type, org_unit_code, "
                + "org_unit_path, status, source_version, last_event_id, last_event_type) from stdin");
             Writer r = copy(c, "copy training_record (id, nip, title, method_code, organizer, start_date, end_date, year, jp, "
                     + "certificate_number, status, submitted_by, source) from stdin")) {
            for (int i = 0; i < employees; i++) {
                String nip = String.format(Locale.ROOT, "19%06d2015031%03d", i / 1000, i % 1000);
                int u = i < BIG_UNIT_PEOPLE ? 1 : 2 + (i % (UNITS - 1));
                String code = String.format(Locale.ROOT, "PD%02d", u);
                e.write(nip + "\tPegawai " + i + "\t" + (i % 10 == 0 ? "PPPK" : "PNS") + "\tPOS-" + (i % 500) + "\tPELAKSANA\t"
                        + code + "\t" + ROOT + "/" + code + "\tACTIVE\t1\tbench\tbench\n");
                for (int k = 0; k < recordsPerPerson; k++) {
                    LocalDate end = LocalDate.of(year, 1, 1).plusDays(rnd.nextInt(span));
                    boolean mentoring = rnd.nextInt(10) == 0;
                    int jp = mentoring ? 3 : 1 + rnd.nextInt(4);
                    r.write(UUID.randomUUID() + "\t" + nip + "\tTraining " + k + "\t" + (mentoring ? "NKL02" : "KL03") + "\tBench BPSDM\t"
                            + end.minusDays(rnd.nextInt(3)) + "\t" + end + "\t" + year + "\t" + jp + "\tCERT-" + i + "-" + k
                            + "\tVERIFIED\tbench\tIMPORT\n");
                }
            }
        }
    }

    String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String row(String what, LoadGenerator.Result r, String target) {
        return String.format(Locale.ROOT, "| %s | %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors; target %s |%n",
                what, r.requests(), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.errors(), target);
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Writer copy(Connection c, String sql) throws SQLException {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(c.unwrap(PGConnection.class), sql, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }
}
