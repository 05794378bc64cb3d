package id.asn.merit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.devinfra.ServiceProcess;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * competency-service benchmarks of issue 7, in one run on one machine so the figures compare:
 * <ol>
 * <li>a generated province ({@link ProvinceGenerator}: 100 000 employees, 2 000 positions with standards, 300 000
 * assessments) COPYed into competency-service's database after its migration, then the stored gaps rebuilt by the
 * service ({@code POST /competency-gaps/snapshots/rebuild}, timed);</li>
 * <li>{@code GET /competency-gaps/{nip}} closed loop and open loop at a fixed arrival rate, the AKPK roll-up of the
 * province and of the 5 000-person unit, and a page of the gap list: through the gateway and direct, alternated in
 * rounds with equal warm-up;</li>
 * <li>raw SQL on the same database computing the same numbers ({@link RawQueries}), at the same concurrency, so each
 * measure is also reported as service ÷ raw; the service's answers are checked against the raw numbers first.</li>
 * </ol>
 * Usage: {@code bench/run competency [employees]}. Results go to stdout and bench/results/.
 */
public final class CompetencyBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // settings (system properties, see bench/run)
    final int employees;
    final int positions = Integer.getInteger("bench.positions", 2000);
    final long seed = Long.getLong("bench.seed", 7L);
    final LocalDate asOf = LocalDate.parse(System.getProperty("bench.asOf", LocalDate.now(ZoneOffset.UTC).toString()));
    final int year = Integer.getInteger("bench.year", 2026);
    final int validityYears = Integer.getInteger("bench.validityYears", 3);
    final int concurrency = Integer.getInteger("bench.concurrency", 16);
    final int unitConcurrency = Integer.getInteger("bench.unitConcurrency", 2);
    final int provinceConcurrency = Integer.getInteger("bench.provinceConcurrency", 1);
    final int rate = Integer.getInteger("bench.rate", 500);
    final int rounds = Integer.getInteger("bench.rounds", 2);
    final Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup", 5L));
    final Duration slice = Duration.ofSeconds(Long.getLong("bench.seconds", 10L));

    final StringBuilder report = new StringBuilder();
    final LoadGenerator load = new LoadGenerator(Duration.ofSeconds(30));
    BenchSuite suite;
    String token;
    List<String> nips;

    CompetencyBench(int employees) {
        this.employees = employees;
    }

    public static void main(String[] args) {
        try {
            new CompetencyBench(args.length > 0 ? Integer.parseInt(args[0]) : 100_000).run();
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1); // the in-process broker and database threads would otherwise keep the JVM alive
        }
    }

    void run() throws Exception {
        Path root = Path.of(System.getProperty("asn.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(root.resolve("bench/results"));
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));

        // 1. PostgreSQL + Kafka + competency-service + gateway; the service's Flyway migration has run when it is ready
        suite = BenchSuite.start(root, work, "bench_competency", "competency-service");
        ServiceProcess service = suite.service("competency-service");
        token = BenchSuite.token("ADMIN");
        Map<String, String> bases = new LinkedHashMap<>();
        if (suite.hasGateway()) {
            bases.put("gateway", suite.gatewayUrl());
        }
        bases.put("direct", service.url());
        say("competency-service on " + service.url() + (suite.hasGateway() ? ", gateway on " + suite.gatewayUrl() : ", no gateway built"));

        // 2. the province, by COPY
        ProvinceGenerator.Province p;
        try (Connection c = suite.connect()) {
            p = new ProvinceGenerator(employees, positions, 3L * employees, seed, asOf).load(c);
        }
        nips = p.nips();
        say(String.format(Locale.ROOT, "province loaded in %.1f s: %d units, %d positions, %d employees, %d standard items, %d assessments, %d scores",
                p.seconds(), p.units(), p.positions(), p.employees(), p.standardItems(), p.assessments(), p.scores()));
        String unitPath = ProvinceGenerator.ROOT + "/" + ProvinceGenerator.BIG_UNIT;

        report.append(String.format(Locale.ROOT, "## competency-service, run of %s, %d employees, %d cores, as of %s%n%n",
                started, employees, Runtime.getRuntime().availableProcessors(), asOf));
        report.append(String.format(Locale.ROOT, "Data (COPY after the migration, then VACUUM ANALYZE): %d org units, %d positions each with its own standard"
                        + " (%d items), %d active employees (%s holds %d), %d assessments with %d scores, dated %s..%s (validity %d years); loaded in %.1f s.%n%n",
                p.units(), p.positions(), p.standardItems(), p.employees(), ProvinceGenerator.BIG_UNIT, p.bigUnitPeople(), p.assessments(),
                p.scores(), asOf.minusYears(4), asOf, validityYears, p.seconds()));
        try (Connection c = suite.connect(); PreparedStatement ps = c.prepareStatement(
                "select count(distinct a.nip) filter (where a.assessed_on >= ?), count(*) filter (where a.assessed_on < ?) from assessment a")) {
            ps.setObject(1, asOf.minusYears(validityYears));
            ps.setObject(2, asOf.minusYears(validityYears));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                report.append(String.format(Locale.ROOT, "%d employees have a valid assessment; %d assessments are older than the window.%n%n",
                        rs.getLong(1), rs.getLong(2)));
            }
        }

        // 3. the stored gaps, computed by the service (direct: it may take a minute)
        long r0 = System.nanoTime();
        HttpResponse<String> rebuilt = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/competency-gaps/snapshots/rebuild"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        double rebuildSeconds = (System.nanoTime() - r0) / 1e9;
        long rss = EmployeeBench.peakRssKb(service.pid());
        report.append("| measure | value |\n|---|---|\n");
        report.append(String.format(Locale.ROOT, "| `POST /competency-gaps/snapshots/rebuild` (direct) | HTTP %d in %.1f s, answer `%s` |%n",
                rebuilt.statusCode(), rebuildSeconds, abbreviate(rebuilt.body(), 120)));
        report.append(String.format(Locale.ROOT, "| competency-service peak RSS after the rebuild (heap capped at %s) | %.0f MB |%n",
                System.getenv().getOrDefault("ASN_SERVICE_XMX", "384m"), rss / 1024.0));
        say("rebuild: " + rebuilt.statusCode() + " " + abbreviate(rebuilt.body(), 200) + String.format(Locale.ROOT, " in %.1f s", rebuildSeconds));
        // the rebuild wrote a gap-changed event per person to the outbox; let the relay publish them before measuring
        long d0 = System.nanoTime();
        long events;
        try (Connection c = suite.connect()) {
            events = count(c, "outbox_event");
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            long unsent;
            while ((unsent = scalar(c, "select count(*) from outbox_event where sent_at is null")) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
            report.append(String.format(Locale.ROOT, "| outbox events after the rebuild, published to Kafka by the relay before the legs | %d in %.1f s%s |%n",
                    events, (System.nanoTime() - d0) / 1e9, unsent > 0 ? " (" + unsent + " still unsent)" : ""));
        }
        say(String.format(Locale.ROOT, "outbox drained (%d events) in %.1f s", events, (System.nanoTime() - d0) / 1e9));
        try (Connection c = suite.connect()) {
            c.createStatement().execute("vacuum (analyze) gap_snapshot, gap_snapshot_item, outbox_event, gap_refresh_pending");
            report.append(String.format(Locale.ROOT, "| rows in `gap_snapshot` / `gap_snapshot_item` | %d / %d |%n%n",
                    count(c, "gap_snapshot"), count(c, "gap_snapshot_item")));
        }

        String gapUrl = "/api/v1/competency-gaps/";
        String akpkProvince = "/api/v1/development-needs?orgUnit=" + ProvinceGenerator.ROOT + "&subtree=true&year=" + year;
        String akpkUnit = "/api/v1/development-needs?orgUnit=" + ProvinceGenerator.BIG_UNIT + "&subtree=true&year=" + year;
        String gapList = "/api/v1/competency-gaps?orgUnit=" + ProvinceGenerator.BIG_UNIT + "&subtree=true&page=0&size=50";

        // the service's answers agree with the raw SQL before anything is timed
        report.append("### Do the service and the raw SQL agree?\n\n");
        boolean gapUp = checkGaps(service.url() + gapUrl, 200);
        boolean provinceUp = checkAkpk("province", service.url() + akpkProvince, ProvinceGenerator.ROOT);
        boolean unitUp = checkAkpk(ProvinceGenerator.BIG_UNIT, service.url() + akpkUnit, unitPath);
        boolean listUp = checkList(service.url() + gapList, unitPath);
        report.append('\n');

        if (Boolean.getBoolean("bench.hold")) { // keep everything up to look at it by hand; Ctrl-C stops it
            say("holding: " + suite.jdbcUrl() + " (user postgres), token " + token);
            Thread.sleep(Long.MAX_VALUE);
        }

        // 4 + 5. the legs
        List<Measure> measures = new ArrayList<>();
        IntFunction<String> randomNip = seq -> nips.get(new SplittableRandom(seed * 31 + seq).nextInt(nips.size()));

        Measure gap = new Measure("GET /competency-gaps/{nip}, random NIP, closed loop", concurrency, 500, 50);
        if (gapUp) {
            bases.forEach((k, base) -> gap.service(k, load.http(token, seq -> base + gapUrl + randomNip.apply(seq))));
        }
        gap.raw("raw SQL: gap items + JPM of one NIP", () -> jdbc(c -> seq -> !RawQueries.gapOf(c, randomNip.apply(seq), asOf, validityYears).items().isEmpty()));
        measures.add(gap);

        Measure province = new Measure("AKPK roll-up, whole province (" + p.employees() + " people)", provinceConcurrency, 0, 1000);
        if (provinceUp) {
            bases.forEach((k, base) -> province.service(k, load.http(token, seq -> base + akpkProvince)));
        }
        province.raw("raw SQL: AKPK per competency from the scores", () -> jdbc(c -> seq ->
                !RawQueries.akpkFromScores(c, ProvinceGenerator.ROOT, asOf, validityYears, true).isEmpty()));
        province.raw("raw SQL: AKPK per competency from gap_snapshot_item", () -> jdbc(c -> seq ->
                !RawQueries.akpkFromSnapshot(c, ProvinceGenerator.ROOT).isEmpty()));
        measures.add(province);

        Measure unit = new Measure("AKPK roll-up, " + ProvinceGenerator.BIG_UNIT + " subtree (" + p.bigUnitPeople() + " people)", unitConcurrency, 0, 150);
        if (unitUp) {
            bases.forEach((k, base) -> unit.service(k, load.http(token, seq -> base + akpkUnit)));
        }
        unit.raw("raw SQL: AKPK per competency from the scores", () -> jdbc(c -> seq -> !RawQueries.akpkFromScores(c, unitPath, asOf, validityYears, false).isEmpty()));
        unit.raw("raw SQL: AKPK per competency from gap_snapshot_item", () -> jdbc(c -> seq -> !RawQueries.akpkFromSnapshot(c, unitPath).isEmpty()));
        measures.add(unit);

        Measure list = new Measure("gap list page 0 size 50, " + ProvinceGenerator.BIG_UNIT + " subtree", unitConcurrency, 0, 300);
        if (listUp) {
            bases.forEach((k, base) -> list.service(k, load.http(token, seq -> base + gapList)));
        }
        list.raw("raw SQL: page of employee_replica ⟕ gap_snapshot with total", () -> jdbc(c -> seq -> RawQueries.gapListPage(c, unitPath, 0, 50)[0] > 0));
        measures.add(list);

        for (Measure m : measures) {
            say("measuring " + m.name);
            m.measure();
        }
        Map<String, LoadGenerator.Result> open = new LinkedHashMap<>();
        if (gapUp) {
            say("measuring the open loop at " + rate + " req/s");
            Map<String, List<LoadGenerator.Result>> roundsOf = new LinkedHashMap<>();
            Map<String, List<long[]>> samples = new LinkedHashMap<>();
            List<String> order = new ArrayList<>(bases.keySet());
            for (int r = 0; r < rounds; r++) {
                for (String k : order) {
                    String base = bases.get(k);
                    LoadGenerator.Run run = load.openLoop(k, rate, warmUp, slice, 128, token, seq -> base + gapUrl + randomNip.apply(seq));
                    roundsOf.computeIfAbsent(k, x -> new ArrayList<>()).add(run.result());
                    samples.computeIfAbsent(k, x -> new ArrayList<>()).add(run.latencies());
                }
                Collections.reverse(order);
            }
            roundsOf.forEach((k, rs) -> open.put(k, LoadGenerator.Result.merge(k, rs, samples.get(k))));
        }

        // 6. the report
        report.append(String.format(Locale.ROOT, "Each leg: %d rounds of %d s warm-up + %d s measured, legs alternated (order reversed every round);"
                + " HTTP/1.1 with a persistent connection pool (JDK HttpClient pinned to HTTP_1_1); raw legs on one JDBC connection per worker.%n%n",
                rounds, warmUp.toSeconds(), slice.toSeconds()));
        for (Measure m : measures) {
            m.write(report);
        }
        if (!open.isEmpty()) {
            report.append(String.format(Locale.ROOT, "### GET /competency-gaps/{nip}, open loop at %d req/s (latency from the intended send time)%n%n", rate));
            report.append("| leg | sent | achieved req/s | p50 ms | p99 ms | max ms | errors | target p99 ≤ 50 ms |\n|---|---|---|---|---|---|---|---|\n");
            open.forEach((k, r) -> report.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %d | %s |%n", k, r.requests(),
                    r.rps(), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.errors(), r.p99Millis() <= 50 && r.errors() == 0 ? "met" : "**not met**")));
            report.append('\n');
        }
        explainServiceStatements(unitPath);
        System.out.println(report);
        Path out = work.resolve("competency-" + asOf + ".md");
        Files.writeString(out, report.toString());
        say("report written to " + root.relativize(out));
    }

    /**
     * The plans of the statements the service runs for the roll-up and the gap list of the 5 000 unit, as written in
     * competency-service at the time of the run (DevelopmentNeedsReport, Gaps; the sampler above shows which of them
     * take the time), so a slow leg can be read without changing the service.
     */
    private void explainServiceStatements(String unitPath) throws Exception {
        String where = "e.status = 'ACTIVE' and (e.org_unit_path = ? or e.org_unit_path like ?)";
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("AKPK per competency (DevelopmentNeedsReport)", """
                select i.competency_code, count(*) filter (where i.gap < 0), sum(i.gap) filter (where i.gap < 0),
                       count(*) filter (where i.gap < 0 and i.importance = 'MUTLAK'), count(*) filter (where i.actual is null)
                from gap_snapshot_item i join employee_replica e on e.nip = i.nip
                where %s group by i.competency_code""".formatted(where));
        statements.put("AKPK people with a need (DevelopmentNeedsReport)", """
                select count(distinct i.nip) from gap_snapshot_item i join employee_replica e on e.nip = i.nip
                where i.gap < 0 and %s""".formatted(where));
        statements.put("gap list count (Gaps.list)", "select count(*) from employee_replica e left join gap_snapshot g on g.nip = e.nip where " + where);
        statements.put("gap list page (Gaps.rows)", """
                select e.nip, e.name, e.position_code, e.org_unit_code, g.jpm, g.category, g.coverage, g.standard_version,
                       g.standard_source, g.policy_version, g.computed_on
                from employee_replica e left join gap_snapshot g on g.nip = e.nip
                where %s order by g.jpm asc nulls last, e.nip offset 0 limit 50""".formatted(where));
        report.append("### Plans of the service's roll-up and list statements\n\n");
        try (Connection c = suite.connect()) {
            for (String path : List.of(unitPath, ProvinceGenerator.ROOT)) {
                for (Map.Entry<String, String> e : statements.entrySet()) {
                    if (path.equals(ProvinceGenerator.ROOT) && !e.getKey().startsWith("AKPK")) {
                        continue; // the list is measured on the unit only
                    }
                    String plan = RawQueries.explain(c, e.getValue(), path, path + "/%");
                    report.append(e.getKey()).append(", ").append(path).append(":\n\n```\n").append(plan).append("```\n\n");
                }
            }
        }
    }

    // ---- checks ----

    private boolean checkGaps(String base, int sample) throws Exception {
        int mismatches = 0;
        int checked = 0;
        String first = null;
        try (Connection c = suite.connect()) {
            for (int i = 0; i < sample; i++) {
                String nip = nips.get(new SplittableRandom(seed + 1000 + i).nextInt(nips.size()));
                HttpResponse<String> r = get(base + nip);
                if (r.statusCode() != 200) {
                    report.append("- `GET /competency-gaps/{nip}`: HTTP " + r.statusCode() + " for " + nip + ": `" + abbreviate(r.body(), 200) + "`; its service legs are skipped.\n");
                    return false;
                }
                JsonNode body = JSON.readTree(r.body());
                RawQueries.Gap raw = RawQueries.gapOf(c, nip, asOf, validityYears);
                checked++;
                boolean same = equal(body.path("jpm"), raw.jpm()) && equal(body.path("coverage"), raw.coverage())
                        && body.path("items").size() == raw.items().size();
                if (!same) {
                    mismatches++;
                    if (first == null) {
                        first = nip + ": service jpm " + body.path("jpm") + " coverage " + body.path("coverage") + " items " + body.path("items").size()
                                + ", raw jpm " + raw.jpm() + " coverage " + raw.coverage() + " items " + raw.items().size();
                    }
                }
            }
        }
        report.append(String.format(Locale.ROOT, "- `GET /competency-gaps/{nip}`: %d random NIPs, jpm, coverage and item count %s.%n", checked,
                mismatches == 0 ? "equal to the raw SQL for every one" : mismatches + " differ from the raw SQL (first: " + first + ")"));
        return true;
    }

    private boolean checkAkpk(String label, String url, String path) throws Exception {
        HttpResponse<String> r = get(url);
        if (r.statusCode() != 200) {
            report.append("- AKPK " + label + ": HTTP " + r.statusCode() + " `" + abbreviate(r.body(), 200) + "`; its service legs are skipped.\n");
            return false;
        }
        JsonNode body = JSON.readTree(r.body());
        List<JsonNode> rows = new ArrayList<>();
        findRows(body, "peopleBelow", rows);
        List<RawQueries.CompetencyNeed> raw;
        String formulations = "";
        try (Connection c = suite.connect()) {
            raw = RawQueries.akpkFromScores(c, path, asOf, validityYears, path.equals(ProvinceGenerator.ROOT));
            if (!path.equals(ProvinceGenerator.ROOT)) { // the province formulation gives the same numbers (checked where it is cheap)
                formulations = RawQueries.akpkFromScores(c, path, asOf, validityYears, true).equals(raw)
                        ? " The two raw formulations agree." : " **The two raw formulations differ.**";
            }
        }
        Map<String, JsonNode> byCode = new HashMap<>();
        rows.forEach(n -> byCode.put(n.path("competencyCode").asText(), n));
        int differ = 0;
        String first = null;
        for (RawQueries.CompetencyNeed need : raw) {
            JsonNode n = byCode.get(need.code());
            boolean same = n != null && n.path("peopleBelow").asLong() == need.below() && n.path("mutlakCount").asLong(-1) == need.mutlak()
                    && equal(n.path("averageGap"), need.averageGap());
            if (!same) {
                differ++;
                if (first == null) {
                    first = need + " vs service " + n;
                }
            }
        }
        report.append(String.format(Locale.ROOT, "- AKPK %s: %d competencies in the answer (%d KB), %d from the raw SQL; peopleBelow, averageGap, mutlakCount %s.%s%n",
                label, rows.size(), r.body().length() / 1024, raw.size(),
                differ == 0 && rows.size() == raw.size() ? "equal for every competency" : differ + " differ (first: " + abbreviate(first, 300) + ")", formulations));
        return true;
    }

    private boolean checkList(String url, String path) throws Exception {
        HttpResponse<String> r = get(url);
        if (r.statusCode() != 200) {
            report.append("- gap list: HTTP " + r.statusCode() + " `" + abbreviate(r.body(), 200) + "`; its service legs are skipped.\n");
            return false;
        }
        JsonNode body = JSON.readTree(r.body());
        Object[] raw;
        try (Connection c = suite.connect()) {
            raw = RawQueries.gapListPageFirst(c, path, 0, 50);
        }
        String firstNip = body.path("items").path(0).path("nip").asText();
        boolean same = body.path("total").asLong() == (long) raw[1] && body.path("items").size() == (long) raw[0] && firstNip.equals(raw[2]);
        report.append(String.format(Locale.ROOT, "- gap list: service total %s, %d items, first NIP %s; raw SQL total %d, %d rows, first NIP %s: %s.%n",
                body.path("total"), body.path("items").size(), firstNip, raw[1], raw[0], raw[2], same ? "the same" : "**different**"));
        return true;
    }

    private static void findRows(JsonNode node, String field, List<JsonNode> out) {
        if (node.isArray()) {
            for (JsonNode n : node) {
                if (n.isObject() && n.has(field) && n.has("competencyCode")) {
                    out.add(n);
                } else {
                    findRows(n, field, out);
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> findRows(e.getValue(), field, out));
        }
    }

    private static boolean equal(JsonNode service, BigDecimal raw) {
        if (raw == null || service.isMissingNode() || service.isNull()) {
            return raw == null && (service.isMissingNode() || service.isNull());
        }
        return service.decimalValue().subtract(raw).abs().compareTo(new BigDecimal("0.00005")) <= 0;
    }

    // ---- legs ----

    LoadGenerator.WorkerFactory jdbc(BenchSuite.JdbcCall call) {
        return suite.jdbcWorkers(call);
    }

    interface Factory {
        LoadGenerator.WorkerFactory get();
    }

    /** One measure: its service legs and raw legs, run alternated in rounds at one concurrency. */
    final class Measure {
        final String name;
        final int workers;
        final double targetRps;
        final double targetP99;
        final Map<String, Factory> legs = new LinkedHashMap<>();
        final List<String> rawLegs = new ArrayList<>();
        final Map<String, LoadGenerator.Result> results = new LinkedHashMap<>();
        final Map<String, Map<String, Integer>> sampled = new LinkedHashMap<>();
        /** leg → CPU seconds used by the competency-service and gateway processes during its measured slices */
        final Map<String, double[]> cpu = new LinkedHashMap<>();

        Measure(String name, int workers, double targetRps, double targetP99) {
            this.name = name;
            this.workers = workers;
            this.targetRps = targetRps;
            this.targetP99 = targetP99;
        }

        void service(String via, LoadGenerator.WorkerFactory f) {
            legs.put(via, () -> f);
        }

        void raw(String label, Factory f) {
            legs.put(label, f);
            rawLegs.add(label);
        }

        void measure() throws Exception {
            Map<String, List<LoadGenerator.Result>> byLeg = new LinkedHashMap<>();
            Map<String, List<long[]>> samples = new LinkedHashMap<>();
            List<String> order = new ArrayList<>(legs.keySet());
            for (int r = 0; r < rounds; r++) {
                for (String leg : order) {
                    LoadGenerator.Run run;
                    try (QuerySampler sampler = rawLegs.contains(leg) ? null : new QuerySampler(suite)) {
                        double[] before = processCpu();
                        run = load.closedLoop(leg, workers, warmUp, slice, 50_000_000, legs.get(leg).get());
                        double[] after = processCpu();
                        double[] used = cpu.computeIfAbsent(leg, x -> new double[2]);
                        for (int i = 0; i < 2; i++) {
                            used[i] += after[i] - before[i];
                        }
                        if (sampler != null) {
                            sampler.counts.forEach((q, n) -> sampled.computeIfAbsent(leg, x -> new ConcurrentHashMap<>()).merge(q, n, Integer::sum));
                        }
                    }
                    byLeg.computeIfAbsent(leg, x -> new ArrayList<>()).add(run.result());
                    samples.computeIfAbsent(leg, x -> new ArrayList<>()).add(run.latencies());
                    say(String.format(Locale.ROOT, "  %s round %d: %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors", leg, r + 1,
                            run.result().rps(), run.result().p50Millis(), run.result().p99Millis(), run.result().errors()));
                }
                Collections.reverse(order);
            }
            byLeg.forEach((leg, rs) -> results.put(leg, LoadGenerator.Result.merge(leg, rs, samples.get(leg))));
        }

        void write(StringBuilder out) {
            out.append(String.format(Locale.ROOT, "### %s (concurrency %d)%n%n", name, workers));
            String target = (targetRps > 0 ? "≥ " + (int) targetRps + " req/s, " : "") + "p99 ≤ " + (int) targetP99 + " ms";
            out.append("| leg | requests | req/s | p50 ms | p99 ms | max ms | errors | target " + target + " |\n|---|---|---|---|---|---|---|---|\n");
            results.forEach((leg, r) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d | %s |%n", leg, r.requests(), r.rps(),
                    r.p50Millis(), r.p99Millis(), r.maxMillis(), r.errors(), rawLegs.contains(leg) ? "(limit)"
                            : (r.rps() >= targetRps && r.p99Millis() <= targetP99 && r.errors() == 0 ? "met" : "**not met**"))));
            out.append("\nCPU per request (warm-up included, so an upper bound): ");
            List<String> perRequest = new ArrayList<>();
            results.forEach((leg, r) -> {
                double[] used = cpu.get(leg);
                // warm-up and measured slice both ran: count their requests as measured ones scaled by time
                double requests = r.requests() * (warmUp.toMillis() + slice.toMillis()) / (double) slice.toMillis();
                if (used != null && r.requests() > 0) {
                    perRequest.add(String.format(Locale.ROOT, "%s: competency-service %.1f ms, gateway %.1f ms", leg,
                            1000 * used[0] / requests, 1000 * used[1] / requests));
                }
            });
            out.append(perRequest.isEmpty() ? "not measured" : String.join("; ", perRequest)).append(".\n");
            List<String> ratios = new ArrayList<>();
            for (String leg : results.keySet()) {
                if (rawLegs.contains(leg)) {
                    continue;
                }
                LoadGenerator.Result s = results.get(leg);
                for (String raw : rawLegs) {
                    LoadGenerator.Result q = results.get(raw);
                    ratios.add(String.format(Locale.ROOT, "%s ÷ %s: p50 %.2f, p99 %.2f, throughput %.2f", leg, raw.replace("raw SQL: ", "raw "),
                            s.p50Millis() / q.p50Millis(), s.p99Millis() / q.p99Millis(), s.rps() / q.rps()));
                }
            }
            if (results.containsKey("gateway") && results.containsKey("direct")) {
                ratios.add(String.format(Locale.ROOT, "gateway ÷ direct: p50 %.2f, throughput %.2f",
                        results.get("gateway").p50Millis() / results.get("direct").p50Millis(), results.get("gateway").rps() / results.get("direct").rps()));
            }
            if (!ratios.isEmpty()) {
                out.append("\nRatios (service ÷ raw; latency > 1 and throughput < 1 mean the service is slower):\n\n");
                ratios.forEach(r -> out.append("- ").append(r).append('\n'));
            }
            sampled.forEach((leg, counts) -> {
                int total = counts.values().stream().mapToInt(Integer::intValue).sum();
                if (total == 0) {
                    return;
                }
                out.append(String.format(Locale.ROOT, "%nSQL the service was running during the %s leg (pg_stat_activity sampled every 20 ms, %d samples):%n%n", leg, total));
                counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3).forEach(e ->
                        out.append(String.format(Locale.ROOT, "- %.0f %%: `%s`%n", 100.0 * e.getValue() / total, e.getKey())));
            });
            out.append('\n');
        }
    }

    /**
     * Samples the statements competency-service is running (pg_stat_activity, every 20 ms) during a service leg, so a
     * slow endpoint can be traced to its query without changing the service.
     */
    static final class QuerySampler implements AutoCloseable {
        final Map<String, Integer> counts = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean stop;

        QuerySampler(BenchSuite suite) {
            thread = new Thread(() -> {
                try (Connection c = suite.connect(); PreparedStatement ps = c.prepareStatement(
                        "select query from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
                                + " and state = 'active' and application_name not like 'bench%'")) {
                    c.setClientInfo("ApplicationName", "bench-sampler");
                    while (!stop) {
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                String q = rs.getString(1).replaceAll("\\s+", " ").trim();
                                counts.merge(abbreviate(q, 220), 1, Integer::sum);
                            }
                        }
                        Thread.sleep(20);
                    }
                } catch (Exception e) {
                    // sampling is best effort
                }
            }, "query-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join(2000);
        }
    }

    // ---- helpers ----

    /** CPU seconds (user + system) of the competency-service and gateway processes so far, from /proc. */
    double[] processCpu() {
        double[] out = new double[2];
        String[] names = {"competency-service", "gateway"};
        for (int i = 0; i < 2; i++) {
            try {
                long pid = suite.service(names[i]).pid();
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                out[i] = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ 100)
            } catch (Exception e) {
                out[i] = 0;
            }
        }
        return out;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long scalar(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Connection c, String table) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ').replace("|", "\\|");
        return one.length() <= max ? one : one.substring(0, max) + "…";
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
