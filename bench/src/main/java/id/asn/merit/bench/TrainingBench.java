package id.asn.merit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.devinfra.ServiceProcess;

import java.io.BufferedWriter;
import java.io.InputStream;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * training-service benchmarks of issue 8, in one run on one machine so the figures compare:
 * <ol>
 * <li>the province's people ({@link ProvinceGenerator#people()}: 100 000 employees in the same tree as the competency
 * bench) COPYed into training-service's employee, unit and position replicas;</li>
 * <li>1 000 000 VERIFIED training records over the year, generated deterministically, written once as the CSV the
 * import takes; the same rows COPYed into {@code training_record} (rolled back: the limit) and then imported through
 * {@code POST /api/v1/training-imports} (the measure), ratio import ÷ COPY;</li>
 * <li>the outbox backlog the import wrote (recorded and threshold events) drained by the relay before any read leg,
 * with its rate;</li>
 * <li>the whole-province compliance summary and the 5 000-person unit's first page + summary, through the gateway and
 * direct, alternated in rounds, next to raw SQL computing the same numbers (from the ledger, and the naive sum of
 * the verified records without caps);</li>
 * <li>the province CSV: time to first byte, total time, size, and the service's resident memory before and after.</li>
 * </ol>
 * Usage: {@code bench/run training [employees] [records]}. Results go to stdout and bench/results/.
 */
public final class TrainingBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String[] METHODS = {"KL03", "KL03", "KL03", "KL10", "KL10", "KL06", "KL07", "NKL03", "NKL03", "NKL02", "NKL09", "KL02"};
    static final String[] ORGANIZERS = {"BPSDM Provinsi", "LAN RI", "BKN", "Kemendagri", "Bapelkes", "Pusdiklat Kemenkeu",
            "Universitas Negeri", "Inspektorat Provinsi", "Diskominfo", "BPKAD"};
    static final String[] COMPETENCIES = ProvinceGenerator.MANAGERIAL;

    final int employees;
    final int records;
    final long seed = Long.getLong("bench.seed", 7L);
    final LocalDate asOf = LocalDate.parse(System.getProperty("bench.asOf", LocalDate.now(ZoneId.of("Asia/Jakarta")).toString()));
    final int year = asOf.getYear();
    final int unitConcurrency = Integer.getInteger("bench.unitConcurrency", 4);
    final int provinceConcurrency = Integer.getInteger("bench.provinceConcurrency", 1);
    final int rounds = Integer.getInteger("bench.rounds", 3);
    final Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup", 5L));
    final Duration slice = Duration.ofSeconds(Long.getLong("bench.seconds", 10L));

    final StringBuilder report = new StringBuilder();
    final LoadGenerator load = new LoadGenerator(Duration.ofSeconds(60));
    BenchSuite suite;
    String token;
    /** the import job's final state, written below the table (a line inside it would break the table) */
    String importNote = "";

    TrainingBench(int employees, int records) {
        this.employees = employees;
        this.records = records;
    }

    public static void main(String[] args) {
        try {
            int employees = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
            int records = args.length > 1 ? Integer.parseInt(args[1]) : 10 * employees;
            new TrainingBench(employees, records).run();
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    void run() throws Exception {
        Path root = Path.of(System.getProperty("asn.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(root.resolve("bench/results"));
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        suite = BenchSuite.start(root, work, "bench_training", "training-service");
        ServiceProcess service = suite.service("training-service");
        token = BenchSuite.token("ADMIN");
        Map<String, String> bases = new LinkedHashMap<>();
        if (suite.hasGateway()) {
            bases.put("gateway", suite.gatewayUrl());
        }
        bases.put("direct", service.url());
        say("training-service on " + service.url() + (suite.hasGateway() ? ", gateway on " + suite.gatewayUrl() : ", no gateway built"));

        // 1. the people
        ProvinceGenerator.People people = new ProvinceGenerator(employees, 2000, 0, seed, asOf).people();
        long t0 = System.nanoTime();
        try (Connection c = suite.connect()) {
            loadPeople(c, people);
        }
        say(String.format(Locale.ROOT, "%d employees in %d units loaded in %.1f s", people.people().size(), people.units().size(),
                (System.nanoTime() - t0) / 1e9));
        report.append(String.format(Locale.ROOT, "## training-service, run of %s, %d employees, %d records, %d cores, as of %s%n%n",
                started, people.people().size(), records, Runtime.getRuntime().availableProcessors(), asOf));

        // 2. the records: CSV once, COPY (rolled back), then the import
        Path csv = work.resolve("training-records-" + records + ".csv");
        long c0 = System.nanoTime();
        long bytes = writeCsv(csv, people);
        say(String.format(Locale.ROOT, "CSV of %d records (%d MB) written in %.1f s", records, bytes >> 20, (System.nanoTime() - c0) / 1e9));
        double copySeconds = copyRolledBack(people);
        say(String.format(Locale.ROOT, "COPY of the same rows into training_record: %.1f s (rolled back)", copySeconds));
        report.append("| measure | value | limit | ratio | target |\n|---|---|---|---|---|\n");
        double importSeconds = importCsv(service.url(), csv);
        boolean imported = importSeconds > 0;
        if (imported) {
            report.append(String.format(Locale.ROOT, "| import of %d records (`POST /training-imports`, direct) | %.1f s, %.0f rows/s | COPY %.1f s, %.0f rows/s | %.2f× COPY | ≥ 0.25× %s |%n",
                    records, importSeconds, records / importSeconds, copySeconds, records / copySeconds, copySeconds / importSeconds,
                    copySeconds / importSeconds >= 0.25 ? "met" : "**not met**"));
        } else {
            report.append("| import | failed (see above); records COPYed and the ledger rebuilt instead | | | **not met** |\n");
            copyCommitAndRebuild(service.url(), people);
        }
        report.append(String.format(Locale.ROOT, "| training-service peak RSS after the import (heap capped at %s) | %.0f MB | | | bounded |%n",
                System.getenv().getOrDefault("ASN_SERVICE_XMX", "384m"), EmployeeBench.peakRssKb(service.pid()) / 1024.0));

        // 3. the outbox backlog
        try (Connection c = suite.connect()) {
            long d0 = System.nanoTime();
            long events = scalar(c, "select count(*) from outbox_event");
            long unsentAtStart = scalar(c, "select count(*) from outbox_event where sent_at is null");
            long unsent;
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while ((unsent = scalar(c, "select count(*) from outbox_event where sent_at is null")) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
            double s = (System.nanoTime() - d0) / 1e9;
            report.append(String.format(Locale.ROOT, "| outbox: %d events, %d unsent when the import ended, drained before the read legs | %.1f s, %.0f events/s%s | | | |%n",
                    events, unsentAtStart, s, unsentAtStart / Math.max(s, 0.001), unsent > 0 ? " (" + unsent + " still unsent)" : ""));
            c.createStatement().execute("vacuum (analyze) training_record, jp_person_year, employee_replica, outbox_event");
            report.append(String.format(Locale.ROOT, "| rows: `training_record` / `jp_person_year` / `jp_threshold_reached` | %d / %d / %d | | | |%n%n",
                    scalar(c, "select count(*) from training_record"), scalar(c, "select count(*) from jp_person_year"),
                    scalar(c, "select count(*) from jp_threshold_reached")));
        }
        report.append(importNote);

        // 4. agreement, then the legs
        String unitPath = ProvinceGenerator.ROOT + "/" + ProvinceGenerator.BIG_UNIT;
        String province = "/api/v1/jp-compliance?year=" + year + "&orgUnit=" + ProvinceGenerator.ROOT + "&subtree=true&page=0&size=1";
        String unit = "/api/v1/jp-compliance?year=" + year + "&orgUnit=" + ProvinceGenerator.BIG_UNIT + "&subtree=true&page=0&size=50";
        report.append("### Do the service and the raw SQL agree?\n\n");
        check("province", service.url() + province, ProvinceGenerator.ROOT);
        check(ProvinceGenerator.BIG_UNIT, service.url() + unit, unitPath);
        report.append('\n');

        List<Leg> legs = new ArrayList<>();
        Leg p = new Leg("Compliance summary, whole province", provinceConcurrency, 2000);
        bases.forEach((k, base) -> p.add(k, load.http(token, seq -> base + province), false));
        p.add("raw SQL: summary from jp_person_year (the same numbers)", jdbc(c -> seq -> RawSummary.fromLedger(c, ProvinceGenerator.ROOT, year, asOf).employees() > 0), true);
        p.add("raw SQL: summary from training_record (verified JP summed, no caps)", jdbc(c -> seq -> RawSummary.fromRecords(c, ProvinceGenerator.ROOT, year, asOf).employees() > 0), true);
        legs.add(p);
        Leg u = new Leg("Compliance page 0 size 50 + summary, " + ProvinceGenerator.BIG_UNIT + " subtree (" + people.bigUnitPeople() + " people)", unitConcurrency, 200);
        bases.forEach((k, base) -> u.add(k, load.http(token, seq -> base + unit), false));
        u.add("raw SQL: summary + page from jp_person_year", jdbc(c -> seq -> RawSummary.fromLedger(c, unitPath, year, asOf).employees() > 0
                && RawSummary.page(c, unitPath, year, 50) > 0), true);
        legs.add(u);
        for (Leg leg : legs) {
            say("measuring " + leg.name);
            leg.measure();
        }
        report.append(String.format(Locale.ROOT, "Each leg: %d rounds of %d s warm-up + %d s measured, legs alternated (order reversed every round),"
                + " HTTP/1.1 with a persistent connection pool; raw legs on one JDBC connection per worker.%n%n", rounds, warmUp.toSeconds(), slice.toSeconds()));
        legs.forEach(l -> l.write(report));

        // 5. the province CSV
        report.append("### The province as CSV (`Accept: text/csv`)\n\n| via | first byte ms | total s | MB | lines | service RSS before → after MB |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, String> e : bases.entrySet()) {
            csvLeg(e.getKey(), e.getValue() + "/api/v1/jp-compliance?year=" + year + "&orgUnit=" + ProvinceGenerator.ROOT + "&subtree=true", service.pid());
        }
        report.append('\n');
        System.out.println(report);
        Path out = work.resolve("training-" + asOf + ".md");
        Files.writeString(out, report.toString());
        say("report written to " + root.relativize(out));
    }

    // ---- data ----

    void loadPeople(Connection c, ProvinceGenerator.People people) throws Exception {
        c.setAutoCommit(false);
        try (Writer w = ProvinceGenerator.copyWriter(c, "copy org_unit_replica (code, name, parent_code, path, level, status, last_event_id) from stdin")) {
            for (ProvinceGenerator.OrgUnit u : people.units()) {
                w.write(u.code() + "\tUnit " + u.code() + "\t" + (u.parent() == null ? "\\N" : u.parent()) + "\t" + u.path() + "\t" + u.level() + "\tACTIVE\tbench\n");
            }
        }
        try (Writer w = ProvinceGenerator.copyWriter(c, "copy position_replica (code, title, org_unit_code, type, functional_level, required_leadership_training, status, last_event_id) from stdin")) {
            for (ProvinceGenerator.Post p : people.positions()) {
                String lead = switch (p.type()) {
                    case "PENGAWAS" -> "PKP";
                    case "ADMINISTRATOR" -> "PKA";
                    case "JPT_PRATAMA" -> "PKN_II";
                    default -> "\\N";
                };
                w.write(p.code() + "\tJabatan " + p.code() + "\t" + p.unitCode() + "\t" + p.type() + "\t"
                        + (p.functionalLevel() == null ? "\\N" : p.functionalLevel()) + "\t" + lead + "\tACTIVE\tbench\n");
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed + 11);
        try (Writer w = ProvinceGenerator.copyWriter(c, "copy employee_replica (nip, name, employment_type, position_code, position_type, org_unit_code, org_unit_path, status, source_version, last_event_id, last_event_type) from stdin")) {
            int i = 0;
            for (ProvinceGenerator.Person p : people.people()) {
                int r = rnd.nextInt(100);
                String type = r < 85 ? "PNS" : r < 90 ? "CPNS" : "PPPK";
                w.write(p.nip() + "\tPegawai " + (i++) + "\t" + type + "\t" + p.positionCode() + "\t" + p.positionType() + "\t" + p.unitCode()
                        + "\t" + p.unitPath() + "\tACTIVE\t1\tbench\tbench\n");
            }
        }
        c.commit();
        c.setAutoCommit(true);
        c.createStatement().execute("vacuum (analyze) org_unit_replica, position_replica, employee_replica");
    }

    /** One generated record; the same stream for the CSV and for COPY. */
    record Rec(UUID id, String nip, String title, String method, String organizer, LocalDate start, LocalDate end, int jp,
               String certificate, String competency, long cost) {
    }

    interface RecSink {
        void accept(Rec r) throws Exception;
    }

    /** 92 % of the people have records, ~10 each on average; dates in the year up to asOf; methods with and without caps. */
    void generate(ProvinceGenerator.People people, RecSink sink) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed + 21);
        int withRecords = (int) (people.people().size() * 0.92);
        int days = asOf.getDayOfYear();
        for (int i = 0; i < records; i++) {
            String nip = people.people().get(rnd.nextInt(withRecords)).nip();
            String method = METHODS[rnd.nextInt(METHODS.length)];
            LocalDate start = LocalDate.of(year, 1, 1).plusDays(rnd.nextInt(days));
            LocalDate end = start.plusDays(rnd.nextInt(3));
            if (end.isAfter(asOf)) {
                end = asOf;
            }
            int jp = method.equals("NKL02") ? 1 + rnd.nextInt(3) : 2 + rnd.nextInt(7);
            String organizer = ORGANIZERS[rnd.nextInt(ORGANIZERS.length)];
            UUID id = new UUID((rnd.nextLong() & ~0xF000L) | 0x4000L, (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
            sink.accept(new Rec(id, nip, "Pelatihan " + method + " " + (i % 977), method, organizer, start, end, jp,
                    "STTP/" + year + "/" + i, COMPETENCIES[rnd.nextInt(COMPETENCIES.length)], 250_000L * (1 + rnd.nextInt(8))));
        }
    }

    long writeCsv(Path csv, ProvinceGenerator.People people) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("nip,title,methodCode,organizer,startDate,endDate,jp,certificateNumber,competencyCodes,cost,status\n");
            generate(people, r -> w.write(r.nip() + "," + r.title() + "," + r.method() + "," + r.organizer() + "," + r.start() + "," + r.end()
                    + "," + r.jp() + "," + r.certificate() + "," + r.competency() + "," + r.cost() + ",VERIFIED\n"));
        }
        return Files.size(csv);
    }

    private void copyRows(Connection c, ProvinceGenerator.People people) throws Exception {
        try (Writer w = ProvinceGenerator.copyWriter(c, "copy training_record (id, nip, title, method_code, organizer, start_date, end_date, year, jp,"
                + " certificate_number, competency_codes, cost, status, submitted_by, source) from stdin")) {
            generate(people, r -> w.write(r.id() + "\t" + r.nip() + "\t" + r.title() + "\t" + r.method() + "\t" + r.organizer() + "\t" + r.start()
                    + "\t" + r.end() + "\t" + r.end().getYear() + "\t" + r.jp() + "\t" + r.certificate() + "\t{" + r.competency() + "}\t" + r.cost()
                    + "\tVERIFIED\tbench\tIMPORT\n"));
        }
    }

    /** COPY of the same rows into the same table with its indexes, in a transaction rolled back: the limit. */
    double copyRolledBack(ProvinceGenerator.People people) throws Exception {
        try (Connection c = suite.connect()) {
            c.setAutoCommit(false);
            long t = System.nanoTime();
            copyRows(c, people);
            double s = (System.nanoTime() - t) / 1e9;
            c.rollback();
            return s;
        }
    }

    void copyCommitAndRebuild(String base, ProvinceGenerator.People people) throws Exception {
        try (Connection c = suite.connect()) {
            c.setAutoCommit(false);
            copyRows(c, people);
            c.commit();
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/jp-compliance/rebuild"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        say("rebuild: HTTP " + r.statusCode() + " " + r.body());
        try (Connection c = suite.connect()) {
            while (scalar(c, "select count(*) from jp_recompute_pending") > 0) {
                Thread.sleep(1000);
            }
        }
    }

    /** The import through the API, direct (it is a bulk upload): seconds from the POST to COMPLETED, or -1. */
    double importCsv(String base, Path csv) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/training-imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .header("Idempotency-Key", "bench-" + UUID.randomUUID()).timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            report.append("- import: HTTP " + r.statusCode() + " `" + CompetencyBench.abbreviate(r.body(), 300) + "`\n");
            say("import refused: " + r.statusCode() + " " + r.body());
            return -1;
        }
        String location = r.headers().firstValue("Location").orElseThrow();
        URI job = URI.create(base).resolve(URI.create(location).getPath());
        JsonNode state;
        do {
            Thread.sleep(1000);
            state = JSON.readTree(get(job.toString()).body());
            say("import: " + state.path("status").asText() + " " + state.path("processed").asLong() + "/" + state.path("total").asLong()
                    + ", failed " + state.path("failed").asLong());
        } while (!List.of("COMPLETED", "FAILED").contains(state.path("status").asText()));
        double s = (System.nanoTime() - t) / 1e9;
        importNote = (String.format(Locale.ROOT, "Import job: %s, processed %d, failed %d (first errors: `%s`).%n%n", state.path("status").asText(),
                state.path("processed").asLong(), state.path("failed").asLong(), CompetencyBench.abbreviate(state.path("errors").toString(), 200)));
        return state.path("status").asText().equals("COMPLETED") ? s : -1;
    }

    // ---- checks and legs ----

    void check(String label, String url, String path) throws Exception {
        HttpResponse<String> r = get(url);
        if (r.statusCode() != 200) {
            report.append("- " + label + ": HTTP " + r.statusCode() + " `" + CompetencyBench.abbreviate(r.body(), 200) + "`\n");
            return;
        }
        JsonNode s = JSON.readTree(r.body()).path("summary");
        RawSummary raw;
        RawSummary naive;
        try (Connection c = suite.connect()) {
            raw = RawSummary.fromLedger(c, path, year, asOf);
            naive = RawSummary.fromRecords(c, path, year, asOf);
        }
        boolean same = s.path("employees").asLong() == raw.employees() && s.path("met").asLong() == raw.met()
                && s.path("atRisk").asLong() == raw.atRisk() && s.path("notMet").asLong() == raw.notMet()
                && s.path("totalJp").decimalValue().compareTo(raw.totalJp()) == 0;
        report.append(String.format(Locale.ROOT, "- %s: service %s; raw SQL from the ledger %s: %s. The naive sum without caps: %s.%n", label,
                s, raw, same ? "the same" : "**different**", naive));
    }

    LoadGenerator.WorkerFactory jdbc(BenchSuite.JdbcCall call) {
        return suite.jdbcWorkers(call);
    }

    final class Leg {
        final String name;
        final int workers;
        final double targetP99;
        final Map<String, LoadGenerator.WorkerFactory> legs = new LinkedHashMap<>();
        final List<String> raw = new ArrayList<>();
        final Map<String, LoadGenerator.Result> results = new LinkedHashMap<>();

        Leg(String name, int workers, double targetP99) {
            this.name = name;
            this.workers = workers;
            this.targetP99 = targetP99;
        }

        void add(String leg, LoadGenerator.WorkerFactory f, boolean isRaw) {
            legs.put(leg, f);
            if (isRaw) {
                raw.add(leg);
            }
        }

        void measure() throws Exception {
            Map<String, List<LoadGenerator.Result>> byLeg = new LinkedHashMap<>();
            Map<String, List<long[]>> samples = new LinkedHashMap<>();
            List<String> order = new ArrayList<>(legs.keySet());
            for (int r = 0; r < rounds; r++) {
                for (String leg : order) {
                    LoadGenerator.Run run = load.closedLoop(leg, workers, warmUp, slice, 50_000_000, legs.get(leg));
                    byLeg.computeIfAbsent(leg, x -> new ArrayList<>()).add(run.result());
                    samples.computeIfAbsent(leg, x -> new ArrayList<>()).add(run.latencies());
                    say(String.format(Locale.ROOT, "  %s round %d: %.1f req/s, p50 %.1f ms, p99 %.1f ms, %d errors", leg, r + 1,
                            run.result().rps(), run.result().p50Millis(), run.result().p99Millis(), run.result().errors()));
                }
                Collections.reverse(order);
            }
            byLeg.forEach((leg, rs) -> results.put(leg, LoadGenerator.Result.merge(leg, rs, samples.get(leg))));
        }

        void write(StringBuilder out) {
            out.append(String.format(Locale.ROOT, "### %s (concurrency %d)%n%n", name, workers));
            out.append("| leg | requests | req/s | p50 ms | p99 ms | max ms | errors | target p99 ≤ " + (int) targetP99 + " ms |\n|---|---|---|---|---|---|---|---|\n");
            results.forEach((leg, r) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d | %s |%n", leg, r.requests(), r.rps(),
                    r.p50Millis(), r.p99Millis(), r.maxMillis(), r.errors(), raw.contains(leg) ? "(limit)"
                            : r.p99Millis() <= targetP99 && r.errors() == 0 ? "met" : "**not met**")));
            out.append("\nRatios (service ÷ raw, latency; > 1 means the service is slower):\n\n");
            for (String leg : results.keySet()) {
                if (raw.contains(leg)) {
                    continue;
                }
                for (String q : raw) {
                    out.append(String.format(Locale.ROOT, "- %s ÷ %s: p50 %.2f, p99 %.2f%n", leg, q.replace("raw SQL: ", "raw "),
                            results.get(leg).p50Millis() / results.get(q).p50Millis(), results.get(leg).p99Millis() / results.get(q).p99Millis()));
                }
            }
            if (results.containsKey("gateway") && results.containsKey("direct")) {
                out.append(String.format(Locale.ROOT, "- gateway ÷ direct: p50 %.2f, throughput %.2f%n",
                        results.get("gateway").p50Millis() / results.get("direct").p50Millis(), results.get("gateway").rps() / results.get("direct").rps()));
            }
            out.append('\n');
        }
    }

    void csvLeg(String via, String url, long pid) throws Exception {
        long rssBefore = currentRssKb(pid);
        long t = System.nanoTime();
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/csv").timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        double firstByte = -1;
        long peakDuring = rssBefore;
        try (InputStream in = r.body()) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (firstByte < 0) {
                    firstByte = (System.nanoTime() - t) / 1e6;
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                bytes += n;
                if ((bytes >> 20) % 2 == 0) {
                    peakDuring = Math.max(peakDuring, currentRssKb(pid));
                }
            }
        }
        double total = (System.nanoTime() - t) / 1e9;
        report.append(String.format(Locale.ROOT, "| %s (HTTP %d, %s) | %.0f | %.2f | %.1f | %d | %.0f → max %.0f |%n", via, r.statusCode(),
                r.headers().firstValue("Content-Length").map(l -> "Content-Length " + l).orElse("chunked"), firstByte, total, bytes / 1048576.0,
                lines, rssBefore / 1024.0, peakDuring / 1024.0));
    }

    static long currentRssKb(long pid) {
        try {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static long scalar(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }

    /** The compliance summary computed by hand in SQL (required 20 JP for every type, the default policy). */
    record RawSummary(long employees, long met, long atRisk, long notMet, java.math.BigDecimal totalJp) {
        static final String LEDGER = """
                select count(*), count(*) filter (where v >= 20),
                       count(*) filter (where v < 20 and ? and v * ? < 20 * ?), count(*) filter (where v < 20 and not (? and v * ? < 20 * ?)),
                       coalesce(sum(v), 0)
                from (select coalesce(j.recognised_jp, 0) v from employee_replica e
                      left join jp_person_year j on j.nip = e.nip and j.year = ?
                      where e.status = 'ACTIVE' and (e.org_unit_path = ? or e.org_unit_path like ?)) p""";
        static final String RECORDS = """
                select count(*), count(*) filter (where v >= 20),
                       count(*) filter (where v < 20 and ? and v * ? < 20 * ?), count(*) filter (where v < 20 and not (? and v * ? < 20 * ?)),
                       coalesce(sum(v), 0)
                from (select e.nip, coalesce(sum(r.jp), 0) v from employee_replica e
                      left join training_record r on r.nip = e.nip and r.year = ? and r.status = 'VERIFIED'
                      where e.status = 'ACTIVE' and (e.org_unit_path = ? or e.org_unit_path like ?) group by e.nip) p""";

        static RawSummary fromLedger(Connection c, String path, int year, LocalDate asOf) throws Exception {
            return run(c, LEDGER, path, year, asOf);
        }

        static RawSummary fromRecords(Connection c, String path, int year, LocalDate asOf) throws Exception {
            return run(c, RECORDS, path, year, asOf);
        }

        private static RawSummary run(Connection c, String sql, String path, int year, LocalDate asOf) throws Exception {
            int days = java.time.Year.of(year).length();
            long elapsed = asOf.getYear() > year ? days : asOf.getYear() < year ? 0 : asOf.getDayOfYear();
            boolean open = elapsed > 0 && elapsed < days;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int k = 0; k < 2; k++) {
                    ps.setBoolean(1 + 3 * k, open);
                    ps.setInt(2 + 3 * k, days);
                    ps.setLong(3 + 3 * k, elapsed);
                }
                ps.setInt(7, year);
                ps.setString(8, path);
                ps.setString(9, path + "/%");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new RawSummary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5));
                }
            }
        }

        static int page(Connection c, String path, int year, int size) throws Exception {
            try (PreparedStatement ps = c.prepareStatement("""
                    select e.nip, e.name, coalesce(j.recognised_jp, 0), coalesce(j.claimed_jp, 0) from employee_replica e
                    left join jp_person_year j on j.nip = e.nip and j.year = ?
                    where e.status = 'ACTIVE' and (e.org_unit_path = ? or e.org_unit_path like ?)
                    order by e.org_unit_path, e.nip limit ?""")) {
                ps.setInt(1, year);
                ps.setString(2, path);
                ps.setString(3, path + "/%");
                ps.setInt(4, size);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n++;
                    }
                }
                return n;
            }
        }
    }
}
