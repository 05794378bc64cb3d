package id.asn.merit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.devinfra.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.postgresql.PGConnection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
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
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Issue 10's fair harness: the province of SYSTEM.md §9 ({@link ProvinceData}: 100 000 employees, 300 000
 * assessments, 1 000 000 training records by default) loaded through the APIs of the four services and the gateway
 * (each service on its own database, as the suite runs them), every outbox drained, then every benchmark of the issue
 * in one run, printed as ONE table {@code | measure | measured | limit | ratio | target | met |} on stdout and in
 * {@code bench/results/province-<date>.md}, followed by the details (rounds, CPU per process).
 * <p>
 * Usage: {@code bench/run province [employees] [assessments] [records]}; options as system properties (BENCH_OPTS),
 * see {@code bench/README.md}.
 */
public final class ProvinceBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static final String EMPLOYEE = "employee-service";
    static final String COMPETENCY = "competency-service";
    static final String TRAINING = "training-service";
    static final String MERIT = "merit-service";

    /**
     * HOOK for the benches of the other helpers of issue 10 (outbox drain, suite start): each adds its rows to the
     * one table, after the read legs, with what this bench started. The lead wires one in with one line in
     * {@link #extraLegs()}, e.g. {@code legs.add(OutboxDrainBench::provinceRows);}.
     */
    interface ExtraLeg {
        void run(ProvinceBench bench, Table table) throws Exception;
    }

    static List<ExtraLeg> extraLegs() {
        List<ExtraLeg> legs = new ArrayList<>();
        // the outbox drain proper: a backlog committed at once into employee-service's outbox after the read phase, as
        // bench/run drain does (-Dbench.drainEvents, 0 leaves it out); the import's own events are only bounded by the
        // import (drainAndProducer)
        int drainEvents = Integer.getInteger("bench.drainEvents", 100_000);
        if (drainEvents > 0) {
            legs.add((bench, table) -> bench.backlogDrain(drainEvents, table));
        }
        // the suite start runs last, as bench/run start does, in its own suite home and on free ports
        // (-Dbench.startRuns, 0 leaves it out)
        int startRuns = Integer.getInteger("bench.startRuns", 3);
        if (startRuns > 0) {
            legs.add((bench, table) -> {
                System.out.println("[bench] whole-suite start, " + startRuns + " runs of ./suite up (the province suite idles meanwhile)");
                List<StartBench.Run> runs = new ArrayList<>();
                for (String[] row : StartBench.measure(bench.root, startRuns, runs)) {
                    table.raw(row);
                }
            });
        }
        return legs;
    }

    /** The one table of the run. {@code met} null: informational (no target). */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        void row(String measure, String measured, String limit, double ratio, String target, Boolean met) {
            rows.add(new String[] {measure, measured, limit, Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio), target,
                    met == null ? "" : met ? "met" : "**not met**"});
        }

        /** A row another bench made, already formatted as {measure, measured, limit, ratio, target, met}. */
        void raw(String[] row) {
            rows.add(row);
        }

        void write(StringBuilder out) {
            out.append("| measure | measured | limit | ratio | target | met |\n|---|---|---|---|---|---|\n");
            for (String[] r : rows) {
                out.append("| ").append(String.join(" | ", r)).append(" |\n");
            }
        }
    }

    final int employees;
    final long assessments;
    final long records;
    final long seed = Long.getLong("bench.seed", 7L);
    final LocalDate asOf = LocalDate.parse(System.getProperty("bench.asOf", LocalDate.now(ZoneId.of("Asia/Jakarta")).toString()));
    final int concurrency = Integer.getInteger("bench.concurrency", 16);
    final int rounds = Integer.getInteger("bench.rounds", 3);
    final Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup", 5L));
    final Duration slice = Duration.ofSeconds(Long.getLong("bench.seconds", 10L));
    final int rate = Integer.getInteger("bench.rate", 500);
    final Duration openSeconds = Duration.ofSeconds(Long.getLong("bench.openSeconds", 20L));
    final int openConnections = Integer.getInteger("bench.openConnections", 64);
    final int loadConcurrency = Integer.getInteger("bench.loadConcurrency", 8);
    final long assessmentsApi;
    /** the API share of the assessments also stops after this long (the rest go by COPY) */
    final Duration assessmentsApiSeconds = Duration.ofSeconds(Long.getLong("bench.assessmentsApiSeconds", 180L));
    final int memoryRows = Integer.getInteger("bench.memoryRows", 0);
    final String meritMode = System.getProperty("bench.merit", "stop");
    final Duration settle = Duration.ofMinutes(Long.getLong("bench.settleMinutes", 5L));
    /** the bound on every wait of the loading phase (outbox drained, replica complete) */
    final Duration loadTimeout = Duration.ofMinutes(Long.getLong("bench.loadTimeoutMinutes", 30L));

    final Table table = new Table();
    final StringBuilder details = new StringBuilder();
    final LoadGenerator load = new LoadGenerator(Duration.ofSeconds(30));
    final long benchPid = ProcessHandle.current().pid();
    Path root;
    Path work;
    BenchSuite suite;
    String token;
    ProvinceData.Files5 data;
    List<String> nips;
    long postgresPid;

    ProvinceBench(int employees, long assessments, long records) {
        this.employees = employees;
        this.assessments = assessments;
        this.records = records;
        this.assessmentsApi = Math.min(assessments, Long.getLong("bench.assessmentsApi", 20_000L));
    }

    public static void main(String[] args) {
        try {
            int employees = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
            long assessments = args.length > 1 ? Long.parseLong(args[1]) : 3L * employees;
            long records = args.length > 2 ? Long.parseLong(args[2]) : 10L * employees;
            new ProvinceBench(employees, assessments, records).run();
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1); // the in-process broker and database threads would otherwise keep the JVM alive
        }
    }

    void run() throws Exception {
        long runStart = System.nanoTime();
        root = Path.of(System.getProperty("asn.root", ".")).toAbsolutePath().normalize();
        work = Files.createDirectories(root.resolve("bench/results"));
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String loadAtStart = Files.readString(Path.of("/proc/loadavg")).trim();

        // 1. the data set, as files
        data = new ProvinceData(employees, assessments, records, seed, asOf,
                root.resolve("bench/target/province/" + employees + "-" + assessments + "-" + records + "-" + seed)).write();
        say(String.format(Locale.ROOT, "data set %s in %.1f s: %d units, %d positions, %d employees, %d assessments, %d training records",
                data.reused() ? "reused" : "written", data.seconds(), data.unitCount(), data.positionCount(), data.employeeCount(),
                data.assessmentCount(), data.recordCount()));
        nips = readNips(data.employees());

        // 2. the suite
        long s0 = System.nanoTime();
        suite = BenchSuite.startEach(root, work, "province", EMPLOYEE, COMPETENCY, TRAINING, MERIT);
        if (!suite.hasGateway()) {
            throw new IllegalStateException("the gateway is not built (gateway/target/quarkus-app): the province bench measures through it");
        }
        token = BenchSuite.token("ADMIN");
        postgresPid = suite.postgresPid();
        say(String.format(Locale.ROOT, "suite up in %.1f s: %s; postgres pid %d", (System.nanoTime() - s0) / 1e9,
                suite.services().values().stream().map(s -> s.name() + " " + s.url() + " pid " + s.pid()).toList(), postgresPid));
        String employeeUrl = suite.service(EMPLOYEE).url();
        String gatewayUrl = suite.gatewayUrl();

        // 3. loading
        details.append("### Loading (what went through which API)\n\n");
        loadOrg(employeeUrl);
        ImportResult imported = importEmployees(gatewayUrl);
        copyLimit(imported);
        drainAndProducer(imported);
        awaitReplicas();
        loadAssessments();
        importTraining();
        settle();

        // 4. the read phase
        try (Connection c = suite.connect(EMPLOYEE); Statement st = c.createStatement()) {
            st.execute("vacuum (analyze) employee, org_unit, position");
        }
        clientCheck(employeeUrl);
        filteredLists(employeeUrl, gatewayUrl);
        getByNip(employeeUrl, gatewayUrl);
        stubLeg();
        wrkLeg(employeeUrl, gatewayUrl);
        if (memoryRows > 0) {
            memoryImport(employeeUrl);
        }
        for (ExtraLeg leg : extraLegs()) {
            leg.run(this, table);
        }

        // 5. the report
        double minutes = (System.nanoTime() - runStart) / 60e9;
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "## Province bench, run of %s (%.1f min in all)%n%n", started, minutes));
        report.append(String.format(Locale.ROOT, "`bench/run province %d %d %d`%s — %d employees, %d assessments (%d through the API), %d training"
                        + " records, seed %d, as of %s; %d cores (shared with other work: load average at the start %s); closed loops at"
                        + " concurrency %d, %d rounds of %d s warm-up + %d s measured per leg, alternated; open loops at %d/s for %d s over %d"
                        + " connections; load client: raw-socket HTTP/1.1 (`Http11`), one keep-alive connection per worker.%n%n",
                employees, assessments, records, System.getenv().getOrDefault("BENCH_OPTS", "").isBlank() ? "" : " with BENCH_OPTS=`" + System.getenv("BENCH_OPTS") + "`",
                data.employeeCount(), assessments, assessmentsApi, records, seed, asOf, Runtime.getRuntime().availableProcessors(), loadAtStart,
                concurrency, rounds, warmUp.toSeconds(), slice.toSeconds(), rate, openSeconds.toSeconds(), openConnections));
        table.write(report);
        report.append('\n').append(details);
        System.out.println(report);
        Path out = work.resolve("province-" + asOf + ".md");
        Files.writeString(out, report.toString());
        say("report written to " + root.relativize(out) + String.format(Locale.ROOT, " (%.1f min)", minutes));
    }

    // ---------------------------------------------------------------- loading

    void loadOrg(String base) throws Exception {
        List<String> units = Files.readAllLines(data.units());
        long t = System.nanoTime();
        int ok = 0;
        String failure = null;
        for (String level : List.of("\"INSTANSI\"", "\"PERANGKAT_DAERAH\"", "\"BIDANG\"", "\"SEKSI\"")) {
            Posted p = postAll(base, "/api/v1/org-units", units.stream().filter(u -> u.contains("\"level\":" + level)).toList(), loadConcurrency);
            ok += p.ok;
            failure = failure == null ? p.firstFailure : failure;
        }
        double unitSeconds = (System.nanoTime() - t) / 1e9;
        List<String> positions = Files.readAllLines(data.positions());
        Posted p = postAll(base, "/api/v1/positions", positions, loadConcurrency);
        failure = failure == null ? p.firstFailure : failure;
        say(String.format(Locale.ROOT, "units %d/%d in %.1f s, positions %d/%d in %.1f s%s", ok, units.size(), unitSeconds, p.ok, positions.size(),
                p.seconds, failure == null ? "" : "; first failure: " + failure));
        if (ok < units.size() || p.ok < positions.size()) {
            throw new IllegalStateException("the org tree did not load: " + failure);
        }
        table.row("load: " + units.size() + " org units + " + positions.size() + " positions (`POST`, direct, " + loadConcurrency + " at a time)",
                String.format(Locale.ROOT, "%.1f s + %.1f s (%.0f + %.0f req/s)", unitSeconds, p.seconds, units.size() / unitSeconds,
                        positions.size() / p.seconds), "", Double.NaN, "", null);
    }

    record Posted(int ok, int failed, double seconds, String firstFailure) {
    }

    /** POSTs every body with {@code concurrency} keep-alive connections; 201/200 is a success. */
    Posted postAll(String base, String path, List<String> bodies, int concurrency) throws Exception {
        return postAll(base, path, bodies, concurrency, Long.MAX_VALUE);
    }

    /** As above, but no new request after {@code deadlineNanos}: {@link Posted#ok()} + failed say how many went. */
    Posted postAll(String base, String path, List<String> bodies, int concurrency, long deadlineNanos) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        String[] first = new String[1];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long t = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            fs.add(pool.submit(() -> {
                try (Http11 http = new Http11(base, 60_000)) {
                    int i;
                    while (System.nanoTime() < deadlineNanos && (i = next.getAndIncrement()) < bodies.size()) {
                        Http11.Response r = http.post(path, token, "application/json", bodies.get(i).getBytes(StandardCharsets.UTF_8));
                        if (r.status() == 201 || r.status() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            synchronized (first) {
                                if (first[0] == null) {
                                    first[0] = r.status() + " " + CompetencyBench.abbreviate(r.text(), 300) + " for " + bodies.get(i);
                                }
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return new Posted(ok.get(), failed.get(), (System.nanoTime() - t) / 1e9, first[0]);
    }

    record ImportResult(double seconds, long outboxSeqBefore, String job, long peakKb, long sampledMaxKb, long rows, double finishedNanos) {
    }

    /** The employee import through the gateway, as a new user would send it: one CSV, then polling the job. */
    ImportResult importEmployees(String gateway) throws Exception {
        ServiceProcess employee = suite.service(EMPLOYEE);
        long seqBefore;
        try (Connection c = suite.connect(EMPLOYEE)) {
            seqBefore = TrainingBench.scalar(c, "select coalesce(max(seq), 0) from outbox_event");
        }
        boolean reset = ProcCpu.resetPeak(employee.pid());
        RssSampler sampler = new RssSampler(employee.pid());
        sampler.start();
        long t = System.nanoTime();
        String job = runImport(gateway, "/api/v1/employee-imports", data.employees(), "employee import");
        double seconds = (System.nanoTime() - t) / 1e9;
        double finished = System.nanoTime();
        sampler.stop();
        long peak = ProcCpu.peakRssKb(employee.pid());
        JsonNode j = JSON.readTree(job);
        details.append(String.format(Locale.ROOT, "- Employee import through the gateway: %s, %d rows, created %d, failed %d, %.1f s; errors `%s`. Peak RSS"
                        + " (VmHWM%s) %.0f MB, sampled every 100 ms max %.0f MB, RSS before %.0f MB.%n", j.path("status").asText(), j.path("total").asLong(),
                j.path("created").asLong(), j.path("failed").asLong(), seconds, CompetencyBench.abbreviate(j.path("errors").toString(), 300),
                reset ? ", reset before the import" : ", since the service started", peak / 1024.0, sampler.max / 1024.0, sampler.first / 1024.0));
        if (!"COMPLETED".equals(j.path("status").asText()) || j.path("created").asLong() != data.employeeCount()) {
            throw new IllegalStateException("the employee import did not create every row: " + CompetencyBench.abbreviate(job, 1000));
        }
        table.row(String.format(Locale.ROOT, "employee-service peak RSS during the import of %d rows (heap cap %s)", data.employeeCount(),
                        System.getenv().getOrDefault("ASN_SERVICE_XMX", "384m")),
                String.format(Locale.ROOT, "%.0f MB (VmHWM); sampled max %.0f MB", peak / 1024.0, sampler.max / 1024.0), "512 MB",
                peak / 1024.0 / 512, "< 512 MB", peak > 0 && peak < 512 * 1024);
        return new ImportResult(seconds, seqBefore, job, peak, sampler.max, data.employeeCount(), finished);
    }

    /** POSTs a CSV file and polls the job to its end; answers the job's last state (JSON). */
    String runImport(String base, String path, Path csv, String label) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv").timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofFile(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException(label + " not accepted: " + r.statusCode() + " " + CompetencyBench.abbreviate(r.body(), 500));
        }
        String jobPath = URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
        long lastSay = 0;
        try (Http11 http = new Http11(base)) {
            while (true) {
                Thread.sleep(200);
                Http11.Response s = http.get(jobPath, token);
                String body = s.text();
                JsonNode j = JSON.readTree(body);
                String status = j.path("status").asText();
                if (status.equals("COMPLETED") || status.equals("FAILED")) {
                    return body;
                }
                if (System.nanoTime() - lastSay > 5e9) {
                    say(label + ": " + status + " " + j.path("processed").asLong() + "/" + j.path("total").asLong());
                    lastSay = System.nanoTime();
                }
            }
        }
    }

    /** Samples VmRSS of a process every 100 ms on a daemon thread. */
    static final class RssSampler {
        final long pid;
        volatile long max;
        volatile long first = -1;
        private volatile boolean running = true;
        private Thread thread;

        RssSampler(long pid) {
            this.pid = pid;
        }

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    long r = ProcCpu.rssKb(pid);
                    if (first < 0) {
                        first = r;
                    }
                    max = Math.max(max, r);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    /** COPY of the same CSV into {@code like employee including all} (its indexes, defaults, constraints; no FKs). */
    void copyLimit(ImportResult imported) throws Exception {
        double copySeconds;
        try (Connection c = suite.connect(EMPLOYEE); Statement st = c.createStatement()) {
            st.execute("create table copy_target (like employee including all)");
            long indexes = TrainingBench.scalar(c, "select count(*) from pg_indexes where tablename = 'copy_target'");
            long t = System.nanoTime();
            try (Reader in = Files.newBufferedReader(data.employees())) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy copy_target (nip, name, gender, birth_date, employment_type, rank, position_code,"
                        + " org_unit_code, education_level, education_field, status, tmt_cpns) from stdin with (format csv, header true)", in);
            }
            copySeconds = (System.nanoTime() - t) / 1e9;
            st.execute("drop table copy_target");
            details.append(String.format(Locale.ROOT, "- COPY limit: the same CSV into `create table copy_target (like employee including all)` (%d indexes), %.2f s.%n",
                    indexes, copySeconds));
        }
        double ratio = copySeconds / imported.seconds;
        table.row(String.format(Locale.ROOT, "employee import of %d rows through the gateway ÷ COPY of the same rows", imported.rows),
                String.format(Locale.ROOT, "%.1f s, %.0f rows/s", imported.seconds, imported.rows / imported.seconds),
                String.format(Locale.ROOT, "COPY %.2f s, %.0f rows/s", copySeconds, imported.rows / copySeconds), ratio, "≥ 0.25", ratio >= 0.25);
    }

    /** Waits for the employee outbox to drain, then the rate of the import's events and a bare producer's in this run. */
    void drainAndProducer(ImportResult imported) throws Exception {
        long t = System.nanoTime();
        awaitOutbox(EMPLOYEE, loadTimeout);
        double afterImport = (System.nanoTime() - imported.finishedNanos) / 1e9;
        long count;
        double sentSpan;
        double writtenToSent;
        double avgPayload;
        double avgKey;
        String topic;
        try (Connection c = suite.connect(EMPLOYEE); PreparedStatement ps = c.prepareStatement("""
                select count(*), extract(epoch from max(sent_at) - min(sent_at)), extract(epoch from max(sent_at) - min(created_at)),
                       avg(octet_length(payload)), avg(octet_length(event_key)), min(topic)
                from outbox_event where seq > ?""")) {
            ps.setLong(1, imported.outboxSeqBefore);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
                sentSpan = rs.getDouble(2);
                writtenToSent = rs.getDouble(3);
                avgPayload = rs.getDouble(4);
                avgKey = rs.getDouble(5);
                topic = rs.getString(6);
            }
        }
        double relayRate = count / Math.max(sentSpan, 0.001);
        say(String.format(Locale.ROOT, "employee outbox drained %.1f s after the import ended: %d events, first to last sent %.1f s (%.0f events/s)",
                afterImport, count, sentSpan, relayRate));
        Producer p = bareProducer((int) count, (int) Math.round(avgPayload), (int) Math.round(avgKey), topic);
        double ratio = relayRate / p.rate;
        // bounded by the import that writes the events, so not the target's figure: that is the backlog drain below
        table.row(String.format(Locale.ROOT, "outbox of the import's %d events, first to last sent (bounded by the import) ÷ a bare KafkaProducer", count),
                String.format(Locale.ROOT, "%.0f events/s", relayRate),
                String.format(Locale.ROOT, "%.0f records/s", p.rate), ratio, "(see the backlog drain)", null);
        details.append(String.format(Locale.ROOT, "- Outbox of employee-service: the import's %d events (avg payload %.0f B) sent over %.1f s (first sent → last sent);"
                        + " %.1f s from the first written to the last sent; drained %.1f s after the import job completed (waited %.1f s).%n",
                count, avgPayload, sentSpan, writtenToSent, afterImport, (System.nanoTime() - t) / 1e9));
        details.append(String.format(Locale.ROOT, "- Bare KafkaProducer (acks=all, idempotent, otherwise defaults) in this JVM: %d records of %d B + key %d B + the"
                        + " seven CloudEvents headers to a fresh topic of %d partitions (as `%s`), %.2f s from the first send to the flush (%.0f records/s).%n",
                count, Math.round(avgPayload), Math.round(avgKey), p.partitions, topic, p.seconds, p.rate));
    }

    /**
     * The drain of a backlog: {@code n} outbox rows of an employee event's size and headers committed at once into
     * employee-service's outbox (a topic of their own, which no service consumes), the time until none is unsent, against
     * a bare producer with the relay's settings sending as many records, in this run (the methods of bench/run drain).
     */
    void backlogDrain(int n, Table table) throws Exception {
        say("outbox backlog drain: " + n + " events committed at once into employee-service's outbox, then a bare producer");
        OutboxDrainBench.Rates rates;
        try (Connection c = suite.connect(EMPLOYEE)) {
            rates = OutboxDrainBench.measure(suite.kafkaBootstrap(), c, n, loadTimeout);
        }
        double drain = rates.drain();
        double bare = rates.bare();
        double ratio = drain / bare;
        say(String.format(Locale.ROOT, "backlog of %d drained at %.0f events/s; bare producer %.0f records/s", n, drain, bare));
        table.row(String.format(Locale.ROOT, "outbox drain of a backlog of %d events (committed at once → none unsent) ÷ a bare KafkaProducer"
                        + " with the relay's settings (acks=all, idempotent, linger 10 ms, batch 256 KiB, lz4)", n),
                String.format(Locale.ROOT, "%.0f events/s", drain), String.format(Locale.ROOT, "%.0f records/s", bare), ratio, "≥ 0.5",
                ratio >= 0.5);
    }

    record Producer(double seconds, double rate, int partitions) {
    }

    Producer bareProducer(int count, int valueSize, int keySize, String likeTopic) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap());
        String topic = "bench.bare-producer." + System.currentTimeMillis();
        int partitions;
        try (Admin admin = Admin.create(props)) {
            partitions = likeTopic == null ? 1
                    : admin.describeTopics(List.of(likeTopic)).allTopicNames().get().get(likeTopic).partitions().size();
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        byte[] value = new byte[Math.max(1, valueSize)];
        Arrays.fill(value, (byte) 'x');
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            producer.partitionsFor(topic); // metadata before the clock
            for (int i = 0; i < 100; i++) { // the idempotent producer's id and the first batches before the clock, as a running relay has them
                producer.send(new ProducerRecord<>(topic, ("warm-" + i).getBytes(StandardCharsets.US_ASCII), value));
            }
            producer.flush();
            long t = System.nanoTime();
            AtomicLong failed = new AtomicLong();
            for (int i = 0; i < count; i++) {
                byte[] key = String.format("%0" + Math.max(1, keySize) + "d", i).getBytes(StandardCharsets.US_ASCII);
                ProducerRecord<byte[], byte[]> rec = new ProducerRecord<>(topic, key, value);
                rec.headers().add(new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)));
                rec.headers().add(new RecordHeader("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
                rec.headers().add(new RecordHeader("ce_type", "asn.employee.registered.v1".getBytes(StandardCharsets.UTF_8)));
                rec.headers().add(new RecordHeader("ce_source", "/employee-service".getBytes(StandardCharsets.UTF_8)));
                rec.headers().add(new RecordHeader("ce_subject", key));
                rec.headers().add(new RecordHeader("ce_time", "2026-12-03T05:00:00.000Z".getBytes(StandardCharsets.UTF_8)));
                rec.headers().add(new RecordHeader("content-type", "application/json".getBytes(StandardCharsets.UTF_8)));
                producer.send(rec, (m, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
            double s = (System.nanoTime() - t) / 1e9;
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " records of the bare producer failed");
            }
            return new Producer(s, count / s, partitions);
        }
    }

    void awaitOutbox(String module, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = suite.connect(module)) {
            long unsent;
            while ((unsent = TrainingBench.scalar(c, "select count(*) from outbox_event where sent_at is null")) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(module + ": " + unsent + " outbox events still unsent after " + timeout);
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * Waits until training-service holds every employee in its replica (from the events): its import skips unknown
     * NIPs. competency-service's replica is not needed for loading (assessments of unknown people are kept), so its
     * progress is only reported here; the settle before the read phase waits for it.
     */
    void awaitReplicas() throws Exception {
        long t = System.nanoTime();
        long deadline = t + loadTimeout.toNanos();
        try (Connection c = suite.connect(TRAINING)) {
            long n;
            while ((n = TrainingBench.scalar(c, "select count(*) from employee_replica")) < data.employeeCount()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(TRAINING + " has " + n + " of " + data.employeeCount() + " employees after " + loadTimeout);
                }
                Thread.sleep(250);
            }
        }
        double training = (System.nanoTime() - t) / 1e9;
        long competency;
        try (Connection c = suite.connect(COMPETENCY)) {
            competency = TrainingBench.scalar(c, "select count(*) from employee_replica");
        }
        say(String.format(Locale.ROOT, "training-service replica complete %.1f s after the employee outbox drained; competency-service has %d of %d",
                training, competency, data.employeeCount()));
        details.append(String.format(Locale.ROOT, "- training-service's employee replica complete (from the events) %.1f s after the employee outbox"
                + " drained; competency-service had %d of %d then.%n", training, competency, data.employeeCount()));
    }

    /** The first {@link #assessmentsApi} through {@code POST /assessments} (direct), the rest with COPY (said in the report). */
    void loadAssessments() throws Exception {
        List<String> bodies = new ArrayList<>((int) assessments);
        try (BufferedReader r = Files.newBufferedReader(data.assessments())) {
            String l;
            while ((l = r.readLine()) != null) {
                bodies.add(l);
            }
        }
        Posted p = postAll(suite.service(COMPETENCY).url(), "/api/v1/assessments", bodies.subList(0, (int) assessmentsApi), loadConcurrency,
                System.nanoTime() + assessmentsApiSeconds.toNanos());
        List<String> viaApi = bodies.subList(0, p.ok + p.failed);
        say(String.format(Locale.ROOT, "assessments through the API: %d ok, %d failed in %.1f s (%.0f/s)%s", p.ok, p.failed, p.seconds, p.ok / p.seconds,
                p.firstFailure == null ? "" : "; first failure " + p.firstFailure));
        double copySeconds = 0;
        long copied = 0;
        if (bodies.size() > viaApi.size()) {
            long t = System.nanoTime();
            try (Connection c = suite.connect(COMPETENCY)) {
                c.setAutoCommit(false);
                List<UUID> ids = new ArrayList<>();
                try (Writer w = ProvinceGenerator.copyWriter(c, "copy assessment (id, nip, assessed_on, method, purpose, assessor, recorded_by) from stdin")) {
                    for (String b : bodies.subList(viaApi.size(), bodies.size())) {
                        JsonNode a = JSON.readTree(b);
                        UUID id = UUID.nameUUIDFromBytes(b.getBytes(StandardCharsets.UTF_8));
                        ids.add(id);
                        w.write(id + "\t" + a.path("nip").asText() + "\t" + a.path("assessedOn").asText() + "\t" + a.path("method").asText() + "\t"
                                + a.path("purpose").asText() + "\t" + a.path("assessor").asText() + "\tbench-copy\n");
                        copied++;
                    }
                }
                try (Writer w = ProvinceGenerator.copyWriter(c, "copy assessment_score (assessment_id, competency_code, level) from stdin")) {
                    int k = 0;
                    for (String b : bodies.subList(viaApi.size(), bodies.size())) {
                        UUID id = ids.get(k++);
                        for (JsonNode s : JSON.readTree(b).path("scores")) {
                            w.write(id + "\t" + s.path("competencyCode").asText() + "\t" + s.path("level").asText() + "\n");
                        }
                    }
                }
                c.commit();
            }
            copySeconds = (System.nanoTime() - t) / 1e9;
        }
        table.row(String.format(Locale.ROOT, "load: %d assessments — %d through `POST /assessments` (direct, %d at a time), %d by COPY", assessments,
                        viaApi.size(), loadConcurrency, copied),
                String.format(Locale.ROOT, "API %.0f req/s (%d failed); COPY %.1f s", p.ok / p.seconds, p.failed, copySeconds), "", Double.NaN, "", null);
        details.append(String.format(Locale.ROOT, "- Assessments: the first %d of the file POSTed to competency-service directly (%d at a time, %.1f s, %d failed%s);"
                        + " the other %d COPYed into `assessment` / `assessment_score` (no events, no audit: %.1f s): one POST each would have taken about"
                        + " %.0f s more at the measured rate (the API share is bounded by bench.assessmentsApi and bench.assessmentsApiSeconds).%n", viaApi.size(), loadConcurrency, p.seconds, p.failed,
                p.firstFailure == null ? "" : ", first: `" + CompetencyBench.abbreviate(p.firstFailure, 200) + "`", copied, copySeconds,
                copied / Math.max(1, p.ok / p.seconds)));
        awaitOutbox(COMPETENCY, loadTimeout);
    }

    /** The training records through {@code POST /training-imports}, direct (a bulk load; the file may exceed a body limit of the gateway). */
    void importTraining() throws Exception {
        long t = System.nanoTime();
        String job = runImport(suite.service(TRAINING).url(), "/api/v1/training-imports", data.training(), "training import");
        double s = (System.nanoTime() - t) / 1e9;
        JsonNode j = JSON.readTree(job);
        table.row(String.format(Locale.ROOT, "load: %d training records (`POST /training-imports`, direct, %.0f MB)", records, Files.size(data.training()) / 1e6),
                String.format(Locale.ROOT, "%.1f s, %.0f rows/s; %s, %d failed", s, records / s, j.path("status").asText(), j.path("failed").asLong()),
                "", Double.NaN, "", null);
        details.append(String.format(Locale.ROOT, "- Training import (direct): %s, processed %d, failed %d, %.1f s; errors `%s`.%n", j.path("status").asText(),
                j.path("processed").asLong(), j.path("failed").asLong(), s, CompetencyBench.abbreviate(j.path("errors").toString(), 200)));
    }

    /**
     * Every outbox drained and the consumer groups at lag 0, within {@link #settle}. A service whose consumers are
     * still behind then (merit-service always, unless {@code -Dbench.merit=wait|keep}) is stopped before the read
     * phase, so its catching up does not run through the measurements on two cores; the report says so.
     */
    void settle() throws Exception {
        long t = System.nanoTime();
        long deadline = System.nanoTime() + settle.toNanos();
        List<String> waitFor = new ArrayList<>(List.of(EMPLOYEE, COMPETENCY, TRAINING));
        if (meritMode.equals("wait")) {
            waitFor.add(MERIT);
        }
        Map<String, Long> unsent = new LinkedHashMap<>();
        Map<String, Long> lag;
        long lastSay = 0;
        while (true) {
            unsent.clear();
            for (String m : waitFor) {
                try (Connection c = suite.connect(m)) {
                    unsent.put(m, TrainingBench.scalar(c, "select count(*) from outbox_event where sent_at is null"));
                }
            }
            lag = lags();
            boolean done = unsent.values().stream().allMatch(v -> v == 0);
            for (String m : waitFor) {
                done &= lag.getOrDefault(m, 0L) == 0 || m.equals(EMPLOYEE);
            }
            if (done || System.nanoTime() > deadline) {
                break;
            }
            if (System.nanoTime() - lastSay > 10e9) {
                say("settling: unsent " + unsent + ", consumer lag " + lag);
                lastSay = System.nanoTime();
            }
            Thread.sleep(1000);
        }
        List<String> stopped = new ArrayList<>();
        for (String m : List.of(COMPETENCY, TRAINING, MERIT)) {
            boolean behind = lag.getOrDefault(m, 0L) > 0;
            if (m.equals(MERIT) ? !meritMode.equals("keep") && (behind || !meritMode.equals("wait")) : behind) {
                suite.service(m).close();
                stopped.add(m + " (lag " + lag.getOrDefault(m, 0L) + ")");
            }
        }
        String note = stopped.isEmpty() ? "" : " Stopped before the read phase, because still catching up (its work would run through the"
                + " measurements): " + String.join(", ", stopped) + ".";
        double s = (System.nanoTime() - t) / 1e9;
        say(String.format(Locale.ROOT, "settled in %.1f s: unsent %s, consumer lag %s.%s", s, unsent, lag, note));
        details.append(String.format(Locale.ROOT, "- Settle before the read phase (bounded by %d min): %.1f s; unsent outbox events %s, consumer lag by group %s.%s%n%n",
                settle.toMinutes(), s, unsent, lag, note));
        table.row("settle before the read phase: outboxes empty, consumers caught up", String.format(Locale.ROOT, "%.0f s; lag %s", s, lag),
                "", Double.NaN, "", null);
    }

    /** Consumer lag per group (sum over partitions of end offset − committed offset). */
    Map<String, Long> lags() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap());
        Map<String, Long> out = new LinkedHashMap<>();
        try (Admin admin = Admin.create(props)) {
            for (ConsumerGroupListing g : admin.listConsumerGroups().all().get()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.groupId()).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                long lag = 0;
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null && ends.containsKey(e.getKey())) {
                        lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
                out.put(g.groupId(), lag);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- read legs

    /** CPU of the processes of one comparison, summed over the rounds of each leg. */
    final class CpuLegs {
        final ProcCpu cpu;
        final Map<String, Map<String, Double>> millis = new LinkedHashMap<>();
        final Map<String, Long> requests = new LinkedHashMap<>();

        CpuLegs(ProcCpu cpu) {
            this.cpu = cpu;
        }

        ProvinceBench outer() {
            return ProvinceBench.this;
        }

        LoadGenerator.Run closed(String leg, int workers, LoadGenerator.WorkerFactory f) throws Exception {
            load.closedLoop(leg, workers, Duration.ZERO, warmUp, 2_000_000, f); // equal warm-up for every leg, not measured
            Map<String, Long> before = cpu.sample();
            LoadGenerator.Run run = load.closedLoop(leg, workers, Duration.ZERO, slice, 2_000_000, f);
            add(leg, before, run);
            return run;
        }

        LoadGenerator.Run open(String leg, LoadGenerator.WorkerFactory f) throws Exception {
            load.openLoopRaw(leg, rate, Duration.ZERO, warmUp, openConnections, f);
            Map<String, Long> before = cpu.sample();
            LoadGenerator.Run run = load.openLoopRaw(leg, rate, Duration.ZERO, openSeconds, openConnections, f);
            add(leg, before, run);
            return run;
        }

        private void add(String leg, Map<String, Long> before, LoadGenerator.Run run) {
            Map<String, Double> ms = ProcCpu.millis(before, cpu.sample());
            Map<String, Double> sum = millis.computeIfAbsent(leg, x -> new LinkedHashMap<>());
            ms.forEach((k, v) -> sum.merge(k, v, Double::sum));
            requests.merge(leg, run.result().requests(), Long::sum);
        }

        String perRequest(String leg) {
            StringBuilder b = new StringBuilder();
            long n = Math.max(1, requests.getOrDefault(leg, 1L));
            millis.getOrDefault(leg, Map.of()).forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k)
                    .append(String.format(Locale.ROOT, " %.3f", v / n)));
            return b.toString();
        }

        double total(String leg) {
            long n = Math.max(1, requests.getOrDefault(leg, 1L));
            return millis.getOrDefault(leg, Map.of()).values().stream().mapToDouble(Double::doubleValue).sum() / n;
        }

        void write(String title) {
            details.append("#### CPU ms per request, ").append(title).append(" (utime+stime from /proc, ").append(String.format(Locale.ROOT, "%.0f", ProcCpu.TICK_MILLIS))
                    .append(" ms ticks; PostgreSQL = the postmaster's process tree; the bench JVM also runs Kafka)\n\n| leg | requests | ");
            List<String> names = cpu.targets().stream().map(ProcCpu.Target::name).toList();
            details.append(String.join(" | ", names)).append(" | sum |\n|---|---|").append("---|".repeat(names.size() + 1)).append('\n');
            millis.forEach((leg, ms) -> {
                long n = Math.max(1, requests.get(leg));
                details.append("| ").append(leg).append(" | ").append(requests.get(leg));
                for (String name : names) {
                    details.append(String.format(Locale.ROOT, " | %.3f", ms.getOrDefault(name, 0.0) / n));
                }
                details.append(String.format(Locale.ROOT, " | %.3f |%n", total(leg)));
            });
            details.append('\n');
        }
    }

    ProcCpu serviceCpu() {
        return new ProcCpu().add("gateway", suite.service("gateway").pid(), false).add("employee-service", suite.service(EMPLOYEE).pid(), false)
                .add("postgresql", postgresPid, true).add("bench JVM", benchPid, false);
    }

    /** Does the JDK client pinned to HTTP/1.1 keep one connection per worker? Counted from this process's sockets. */
    void clientCheck(String base) throws Exception {
        int port = URI.create(base).getPort();
        Map<String, LoadGenerator.WorkerFactory> clients = new LinkedHashMap<>();
        clients.put("JDK HttpClient (HTTP/1.1)", load.http(token, seq -> base + "/api/v1/employees/" + nips.get(seq % nips.size())));
        clients.put("Http11 (raw socket)", LoadGenerator.raw(base, token, seq -> "/api/v1/employees/" + nips.get(seq % nips.size())));
        StringBuilder b = new StringBuilder();
        Duration measured = Duration.ofSeconds(Math.max(3, slice.toSeconds() / 2));
        for (var e : clients.entrySet()) {
            load.closedLoop(e.getKey(), concurrency, Duration.ZERO, Duration.ofSeconds(2), 2_000_000, e.getValue()); // warm-up
            AtomicInteger max = new AtomicInteger();
            Thread counter = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    max.accumulateAndGet(ProcCpu.connectionsTo(benchPid, port), Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            });
            counter.setDaemon(true);
            long ticks = ProcCpu.ticks(benchPid);
            counter.start();
            LoadGenerator.Run run = load.closedLoop(e.getKey(), concurrency, Duration.ZERO, measured, 2_000_000, e.getValue());
            counter.interrupt();
            counter.join();
            double cpu = (ProcCpu.ticks(benchPid) - ticks) * ProcCpu.TICK_MILLIS / Math.max(1, run.result().requests());
            b.append(String.format(Locale.ROOT, "%s: %d connections, %.0f req/s, bench JVM %.3f CPU ms/request; ", e.getKey(), max.get(),
                    run.result().rps(), cpu));
        }
        say("client check: " + b);
        details.append("- Load client check, `GET /employees/{nip}` direct at " + concurrency + " workers, most established connections of this JVM to"
                + " the service seen (sampled every 200 ms): " + b + "the table's legs use Http11.\n\n");
    }

    void filteredLists(String direct, String gateway) throws Exception {
        String pd = ProvinceGenerator.BIG_UNIT;
        for (String unit : List.of(pd, ProvinceGenerator.ROOT)) {
            IntFunction<String> path = seq -> "/api/v1/employees?orgUnit=" + unit + "&subtree=true&q=" + ProvinceData.FAMILY[seq % 9]
                    + "&size=50&page=" + (seq / 9) % 3;
            // what one page says: the match is 1 in 9 of the subtree
            String first;
            try (Http11 http = new Http11(direct)) {
                Http11.Response r = http.get(path.apply(0), token);
                JsonNode j = JSON.readTree(r.text());
                first = String.format(Locale.ROOT, "HTTP %d, total %s, %d items", r.status(), j.path("total").asText(), j.path("items").size());
            }
            String label = unit.equals(pd) ? pd + " subtree (" + data.bigUnitPeople() + " people)" : "the whole province (" + data.employeeCount() + ")";
            say("filtered list " + label + ": " + first);
            CpuLegs legs = new CpuLegs(serviceCpu());
            LoadGenerator.Run open = legs.open("open loop " + rate + "/s, gateway", LoadGenerator.raw(gateway, token, path));
            long late = load.lateStarts;
            LoadGenerator.Run closedG = legs.closed("closed loop, gateway", concurrency, LoadGenerator.raw(gateway, token, path));
            LoadGenerator.Run closedD = legs.closed("closed loop, direct", concurrency, LoadGenerator.raw(direct, token, path));
            LoadGenerator.Result o = open.result();
            table.row("filtered list `orgUnit=" + unit + "&subtree=true&q=<1 in 9>&size=50`, " + label + ", open loop " + rate + "/s via the gateway",
                    String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, %d errors of %d", o.p50Millis(), o.p99Millis(), o.errors(), o.requests()),
                    "100 ms", o.p99Millis() / 100, "p99 ≤ 100 ms", o.p99Millis() <= 100 && o.errors() == 0);
            LoadGenerator.Result g = closedG.result();
            table.row("… same, closed loop at concurrency " + concurrency + " via the gateway (direct: "
                            + String.format(Locale.ROOT, "%.0f req/s", closedD.result().rps()) + ")",
                    String.format(Locale.ROOT, "%.0f req/s, p99 %.1f ms, %d errors", g.rps(), g.p99Millis(), g.errors()), "500 req/s", g.rps() / 500,
                    "≥ 500 req/s", g.rps() >= 500 && g.errors() == 0);
            details.append(String.format(Locale.ROOT, "- Filtered list, %s: first page %s. Open loop: %d requests started more than 1 ms late (all %d connections"
                    + " busy); closed loop direct p50 %.1f ms p99 %.1f ms, via the gateway p50 %.1f ms.%n%n", label, first, late, openConnections,
                    closedD.result().p50Millis(), closedD.result().p99Millis(), g.p50Millis()));
            legs.write("filtered list, " + label);
        }
    }

    void getByNip(String direct, String gateway) throws Exception {
        IntFunction<String> path = seq -> "/api/v1/employees/" + nips.get(seq % nips.size());
        Map<String, LoadGenerator.WorkerFactory> legs = new LinkedHashMap<>();
        legs.put("direct", LoadGenerator.raw(direct, token, path));
        legs.put("gateway", LoadGenerator.raw(gateway, token, path));
        Alternated a = alternate(new CpuLegs(serviceCpu()), legs);
        double median = a.medianRatio("gateway", "direct");
        table.row("`GET /employees/{nip}` through the gateway ÷ direct (median of " + rounds + " alternated rounds)",
                String.format(Locale.ROOT, "gateway %.0f req/s (%s)", a.rps("gateway"), a.roundsText("gateway")),
                String.format(Locale.ROOT, "direct %.0f req/s (%s)", a.rps("direct"), a.roundsText("direct")), median, "≥ 0.85", median >= 0.85);
        table.row("… CPU ms per request (gateway, employee-service, postgresql, bench)",
                "gateway leg: " + a.cpu.perRequest("gateway"), "direct leg: " + a.cpu.perRequest("direct"),
                a.cpu.total("gateway") / a.cpu.total("direct"), "", null);
        a.write("GET /employees/{nip}, direct and through the gateway");
    }

    record Alternated(CpuLegs cpu, Map<String, List<LoadGenerator.Result>> results) {
        double rps(String leg) {
            return results.get(leg).stream().mapToLong(LoadGenerator.Result::requests).sum()
                    / results.get(leg).stream().mapToDouble(LoadGenerator.Result::seconds).sum();
        }

        String roundsText(String leg) {
            return String.join(", ", results.get(leg).stream().map(r -> String.format(Locale.ROOT, "%.0f", r.rps())).toList());
        }

        double medianRatio(String a, String b) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < results.get(a).size(); i++) {
                ratios.add(results.get(a).get(i).rps() / results.get(b).get(i).rps());
            }
            Collections.sort(ratios);
            return ratios.get(ratios.size() / 2);
        }

        void write(String title) {
            ProvinceBench outer = cpu.outer();
            outer.details.append("#### ").append(title).append(", per round\n\n| leg | round | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|\n");
            results.forEach((leg, rs) -> {
                for (int i = 0; i < rs.size(); i++) {
                    LoadGenerator.Result r = rs.get(i);
                    outer.details.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %d |%n", leg, i + 1, r.rps(), r.p50Millis(),
                            r.p99Millis(), r.errors()));
                }
            });
            outer.details.append('\n');
            cpu.write(title);
        }
    }

    /** Rounds of every leg, the order reversed every round (D G, G D, D G), each with the same warm-up. */
    Alternated alternate(CpuLegs cpu, Map<String, LoadGenerator.WorkerFactory> legs) throws Exception {
        Map<String, List<LoadGenerator.Result>> results = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(legs.keySet());
        legs.keySet().forEach(k -> results.put(k, new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            for (String leg : order) {
                LoadGenerator.Run run = cpu.closed(leg, concurrency, legs.get(leg));
                results.get(leg).add(run.result());
                say(String.format(Locale.ROOT, "  %s round %d: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors", leg, r + 1, run.result().rps(),
                        run.result().p50Millis(), run.result().p99Millis(), run.result().errors()));
            }
            Collections.reverse(order);
        }
        return new Alternated(cpu, results);
    }

    /** A second gateway in front of a stub process answering a real employee body: the gateway's own cost. */
    void stubLeg() throws Exception {
        String nip = nips.get(0);
        byte[] body;
        try (Http11 http = new Http11(suite.service(EMPLOYEE).url())) {
            Http11.Response r = http.get("/api/v1/employees/" + nip, token);
            body = Arrays.copyOf(r.body(), r.length());
        }
        Path bodyFile = work.resolve("logs/stub-body.json");
        Files.createDirectories(bodyFile.getParent());
        Files.write(bodyFile, body);
        int port = id.asn.merit.devinfra.FreePort.find();
        Process stub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms32m", "-Xmx64m", "-XX:+UseSerialGC",
                "-Dsun.net.httpserver.nodelay=true", // else Nagle + delayed ACK add ~40 ms to each answer
                "-cp", System.getProperty("java.class.path"), StubServer.class.getName(), Integer.toString(port), bodyFile.toString(), "8")
                .redirectErrorStream(true).redirectOutput(work.resolve("logs/stub.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(stub::destroyForcibly));
        ServiceProcess gateway2 = null;
        try {
            String stubUrl = "http://localhost:" + port;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (true) {
                try (Http11 http = new Http11(stubUrl, 2000)) {
                    if (http.get("/q/health", null).status() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    if (System.nanoTime() > deadline || !stub.isAlive()) {
                        throw new IllegalStateException("the stub did not start: see " + work.resolve("logs/stub.log"));
                    }
                    Thread.sleep(100);
                }
            }
            gateway2 = suite.startGateway(root, work, "gateway-stub", Map.of("EMPLOYEE_SERVICE_URL", stubUrl));
            IntFunction<String> path = seq -> "/api/v1/employees/" + nips.get(seq % nips.size());
            Map<String, LoadGenerator.WorkerFactory> legs = new LinkedHashMap<>();
            legs.put("stub direct", LoadGenerator.raw(stubUrl, token, path));
            legs.put("stub through the gateway", LoadGenerator.raw(gateway2.url(), token, path));
            ProcCpu cpu = new ProcCpu().add("gateway", gateway2.pid(), false).add("stub", stub.pid(), false).add("bench JVM", benchPid, false);
            Alternated a = alternate(new CpuLegs(cpu), legs);
            double median = a.medianRatio("stub through the gateway", "stub direct");
            table.row("gateway in front of a stub (" + body.length + " B JSON, second gateway process) ÷ the stub direct",
                    String.format(Locale.ROOT, "%.0f req/s; CPU ms/req %s", a.rps("stub through the gateway"), a.cpu.perRequest("stub through the gateway")),
                    String.format(Locale.ROOT, "%.0f req/s; CPU ms/req %s", a.rps("stub direct"), a.cpu.perRequest("stub direct")), median,
                    "(the gateway's own cost)", null);
            a.write("stub direct and through a second gateway");
        } finally {
            if (gateway2 != null) {
                gateway2.close();
            }
            stub.destroy();
        }
    }

    /** A cross-check with wrk when it is on PATH (not required by the project): one NIP, same concurrency. */
    void wrkLeg(String direct, String gateway) throws Exception {
        if (!onPath("wrk")) {
            details.append("- wrk not on PATH: no cross-check leg.\n\n");
            return;
        }
        String url = "/api/v1/employees/" + nips.get(0);
        Map<String, Double> rps = new LinkedHashMap<>();
        for (var e : Map.of("direct", direct, "gateway", gateway).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Process p = new ProcessBuilder("wrk", "-t2", "-c" + concurrency, "-d" + slice.toSeconds() + "s", "-H", "Authorization: Bearer " + token,
                    e.getValue() + url).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
            rps.put(e.getKey(), m.find() ? Double.parseDouble(m.group(1)) : Double.NaN);
        }
        table.row("cross-check with wrk (-t2 -c" + concurrency + ", one NIP): gateway ÷ direct",
                String.format(Locale.ROOT, "gateway %.0f req/s", rps.get("gateway")), String.format(Locale.ROOT, "direct %.0f req/s", rps.get("direct")),
                rps.get("gateway") / rps.get("direct"), "(≥ 0.85)", null);
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** -Dbench.memoryRows=N: a second import of N new people (direct), peak RSS of employee-service during it. */
    void memoryImport(String direct) throws Exception {
        Path csv = data.employees().resolveSibling("memory-" + memoryRows + ".csv");
        java.util.Set<String> taken = new java.util.HashSet<>(nips);
        List<String> seksi = Files.readAllLines(data.units()).stream().filter(u -> u.contains("\"SEKSI\""))
                .map(u -> u.substring(9, u.indexOf('"', 9))).toList();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed + 61);
        try (Writer w = Files.newBufferedWriter(csv)) {
            w.write(ProvinceData.EMPLOYEES_HEADER + "\n");
            for (int i = 0; i < memoryRows; i++) {
                String nip;
                LocalDate birth;
                do {
                    birth = LocalDate.of(1966, 1, 1).plusDays(rnd.nextInt(34 * 365));
                    nip = String.format(Locale.ROOT, "%04d%02d%02d%04d%02d%d%03d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(),
                            Math.min(2024, birth.getYear() + 20 + rnd.nextInt(12)), 1 + rnd.nextInt(12), 1 + rnd.nextInt(2), 1 + rnd.nextInt(999));
                } while (!taken.add(nip));
                w.write(nip + "," + ProvinceData.name(rnd) + "," + (nip.charAt(14) == '1' ? "M" : "F") + "," + birth + ",PNS,III/a,,"
                        + seksi.get(rnd.nextInt(seksi.size())) + ",S1,Administrasi,ACTIVE," + nip.substring(8, 12) + "-" + nip.substring(12, 14) + "-01\n");
            }
        }
        ServiceProcess employee = suite.service(EMPLOYEE);
        boolean reset = ProcCpu.resetPeak(employee.pid());
        RssSampler sampler = new RssSampler(employee.pid());
        sampler.start();
        long t = System.nanoTime();
        String job = runImport(direct, "/api/v1/employee-imports", csv, "memory import");
        double s = (System.nanoTime() - t) / 1e9;
        sampler.stop();
        long peak = ProcCpu.peakRssKb(employee.pid());
        JsonNode j = JSON.readTree(job);
        table.row(String.format(Locale.ROOT, "employee-service peak RSS, a second import of %d rows (direct, %.0f MB CSV)", memoryRows, Files.size(csv) / 1e6),
                String.format(Locale.ROOT, "%.0f MB (VmHWM%s); sampled max %.0f MB; %s %d created in %.0f s", peak / 1024.0, reset ? "" : " since start",
                        sampler.max / 1024.0, j.path("status").asText(), j.path("created").asLong(), s),
                "512 MB", peak / 1024.0 / 512, "< 512 MB", peak > 0 && peak < 512 * 1024 && "COMPLETED".equals(j.path("status").asText()));
        Files.deleteIfExists(csv);
    }

    // ---------------------------------------------------------------- helpers

    static List<String> readNips(Path employeesCsv) throws IOException {
        List<String> all = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(employeesCsv)) {
            r.readLine();
            String l;
            while ((l = r.readLine()) != null) {
                all.add(l.substring(0, 18));
            }
        }
        // a spread sample, shuffled deterministically so consecutive requests hit different pages
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i += Math.max(1, all.size() / 5000)) {
            sample.add(all.get(i));
        }
        Collections.shuffle(sample, new java.util.Random(1));
        return sample;
    }

    static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
