package id.asn.merit.bench;

import id.asn.merit.devinfra.ServiceProcess;
import id.asn.merit.employee.imports.EmployeeCsv;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A quick probe of the filtered employee list of issue 10 (not the full employee bench): a province tree (root
 * {@code PROV}, 40 perangkat daerah, 4 bidang each, 3 seksi per bidang) and N employees (default 100 000) written
 * straight into employee-service's tables with COPY, then the list measured direct, closed loop:
 * the whole province ({@code orgUnit=PROV&subtree=true}) and one perangkat daerah, each with {@code q} matching
 * 1 in 9 ("Pegawai 1".."Pegawai 9"), pages 0-2, 50 a page. Prints the plans of the list and count queries too.
 * Usage: {@code bench/run list [rows]}; {@code -Dbench.concurrency=16 -Dbench.seconds=15}.
 */
public final class ListProbe {

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int concurrency = Integer.parseInt(System.getProperty("bench.concurrency", "16"));
        Duration measure = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "15")));
        Path root = Path.of(System.getProperty("asn.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(root.resolve("bench/results"));

        BenchSuite suite = BenchSuite.start(root, work, "probe_list", "employee-service");
        ServiceProcess employee = suite.service("employee-service");
        String direct = employee.url();
        String token = BenchSuite.token("ADMIN");

        List<String> seksi = new ArrayList<>();
        long s0 = System.nanoTime();
        try (Connection c = suite.connect()) {
            c.setAutoCommit(false);
            try (Writer w = copy(c, "copy org_unit (code, name, parent_code, level, path, depth) from stdin with (format csv)")) {
                w.write("PROV,Provinsi,,INSTANSI,PROV,1\n");
                for (int d = 1; d <= 40; d++) {
                    String pd = String.format(Locale.ROOT, "PD%02d", d);
                    w.write(pd + ",Dinas " + d + ",PROV,PERANGKAT_DAERAH,PROV/" + pd + ",2\n");
                    for (int b = 1; b <= 4; b++) {
                        String bidang = pd + "-B" + b;
                        w.write(bidang + ",Bidang " + b + "," + pd + ",BIDANG,PROV/" + pd + "/" + bidang + ",3\n");
                        for (int s = 1; s <= 3; s++) {
                            String code = bidang + "-S" + s;
                            seksi.add(code);
                            w.write(code + ",Seksi " + s + "," + bidang + ",SEKSI,PROV/" + pd + "/" + bidang + "/" + code + ",4\n");
                        }
                    }
                }
            }
            String[] units = seksi.toArray(String[]::new);
            try (Writer w = copy(c, "copy employee (nip, name, gender, birth_date, employment_type, rank, org_unit_code,"
                    + " education_level, education_field, status) from stdin with (format csv)")) {
                for (int i = 0; i < rows; i++) {
                    w.write(EmployeeCsv.row(i, units, ""));
                    w.write(",ACTIVE\n");
                }
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute(Boolean.getBoolean("probe.vacuum") ? "vacuum analyze" : "analyze");
            }
            System.out.printf(Locale.ROOT, "seeded %d units and %d employees in %.1f s%n", 1 + 40 + 160 + 480, rows, (System.nanoTime() - s0) / 1e9);
            boolean v7 = exists(c, "select 1 from pg_class where relname = 'employee_name_nip'");
            if (v7) { // the queries EmployeeRepository sends (V7 and after): a page walked from the first match, the count once
                String pd07 = "(select code from org_unit where path like 'PROV/PD07%')";
                for (String where : new String[] {"lower(e.name) like '%pegawai 1%'", "lower(e.name) like '%pegawai 9%'",
                        "e.org_unit_code = any(array" + pd07 + ") and lower(e.name) like '%pegawai 5%'"}) {
                    String first;
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select min(e.name) from employee e where " + where)) {
                        rs.next();
                        first = rs.getString(1).replace("'", "''");
                    }
                    explain(c, "select e.* from (select e.nip, e.name from employee e where " + where + " and e.name >= '" + first
                            + "' order by e.name, e.nip limit 50 offset 100) p join employee e on e.nip = p.nip order by p.name, p.nip");
                    explain(c, "select count(*), min(e.name) from employee e where " + where);
                }
            } else {
                explain(c, "select e.nip from employee e where e.org_unit_code in (select u.code from org_unit u where u.path = 'PROV' or u.path like 'PROV/%')"
                        + " and lower(e.name) like '%pegawai 1%' order by e.name, e.nip limit 50 offset 100");
                explain(c, "select count(*) from employee e where e.org_unit_code in (select u.code from org_unit u where u.path = 'PROV' or u.path like 'PROV/%')"
                        + " and lower(e.name) like '%pegawai 1%'");
            }
        }
        if (Boolean.getBoolean("probe.hold")) { // keep the seeded database up to look at plans from another process
            System.out.println("holding: " + suite.jdbcUrl() + " service " + direct);
            Thread.sleep(Long.MAX_VALUE);
        }

        LoadGenerator load = new LoadGenerator();
        List<LoadGenerator.Result> results = new ArrayList<>();
        List<double[]> cpu = new ArrayList<>();
        java.util.function.Consumer<Object[]> leg = spec -> {
            String name = (String) spec[0];
            @SuppressWarnings("unchecked")
            java.util.function.IntFunction<String> url = (java.util.function.IntFunction<String>) spec[1];
            try {
                load.run(name, concurrency, Duration.ZERO, Duration.ofSeconds(5), 5_000_000, token, url); // warm-up
                long[] before = cpuTicks(employee.pid());
                LoadGenerator.Result r = load.run(name, concurrency, Duration.ZERO, measure, 5_000_000, token, url);
                long[] after = cpuTicks(employee.pid());
                results.add(r);
                // ticks of 10 ms: CPU milliseconds per request of the service and of the database's backends
                cpu.add(new double[] {(after[0] - before[0]) * 10.0 / r.requests(), (after[1] - before[1]) * 10.0 / r.requests()});
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        List<String> someNips = new ArrayList<>();
        for (int i = 0; i < rows; i += Math.max(1, rows / 2000)) {
            someNips.add(EmployeeCsv.row(i, seksi.toArray(String[]::new), "").substring(0, 18));
        }
        leg.accept(new Object[] {"reference: GET /employees/{nip}", (java.util.function.IntFunction<String>) i -> direct + "/api/v1/employees/"
                + someNips.get(i % someNips.size())});
        for (String unit : new String[] {"PROV", "PD07"}) {
            leg.accept(new Object[] {"orgUnit=" + unit + "&subtree=true&q=Pegawai N (1 in 9), pages 0-2", (java.util.function.IntFunction<String>) i ->
                    direct + "/api/v1/employees?orgUnit=" + unit + "&subtree=true&q=Pegawai%20" + (1 + i % 9) + "&size=50&page=" + (i / 9 % 3)});
        }
        leg.accept(new Object[] {"orgUnit=PROV&subtree=true&q=Pegawai NN (1 in 90, varied), page 0", (java.util.function.IntFunction<String>) i ->
                direct + "/api/v1/employees?orgUnit=PROV&subtree=true&q=Pegawai%20" + (10 + i % 90) + "&size=50"});

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "## list probe, %s, %d employees, %d cores (shared machine), concurrency %d, %d s per run, direct%n%n",
                LocalDate.now(), rows, Runtime.getRuntime().availableProcessors(), concurrency, measure.toSeconds()));
        report.append(String.format(Locale.ROOT, "load average before the runs: %s%n%n", Files.readString(Path.of("/proc/loadavg")).trim()));
        report.append("| load | requests/s | p50 ms | p99 ms | errors | service CPU ms/req | PostgreSQL CPU ms/req |\n|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < results.size(); i++) {
            LoadGenerator.Result r = results.get(i);
            report.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %d | %.2f | %.2f |%n", r.name(), r.rps(), r.p50Millis(),
                    r.p99Millis(), r.errors(), cpu.get(i)[0], cpu.get(i)[1]));
        }
        System.out.println(report);
    }

    /** utime + stime ticks of the process, and of the database backends serving probe_list. */
    static long[] cpuTicks(long servicePid) throws java.io.IOException {
        long service = ticks(Path.of("/proc/" + servicePid + "/stat"));
        long db = 0;
        try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), java.nio.charset.StandardCharsets.UTF_8);
                    if (cmd.startsWith("postgres: postgres probe_list")) {
                        db += ticks(p.resolve("stat"));
                    }
                } catch (java.io.IOException gone) {
                    // the process ended
                }
            }
        }
        return new long[] {service, db};
    }

    static long ticks(Path stat) throws java.io.IOException {
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static Writer copy(Connection c, String sql) throws java.sql.SQLException {
        return new java.io.BufferedWriter(new java.io.OutputStreamWriter(new org.postgresql.copy.PGCopyOutputStream(
                c.unwrap(org.postgresql.PGConnection.class), sql, 1 << 16), java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
    }

    static boolean exists(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    static void explain(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("explain (analyze, buffers) " + sql)) {
            System.out.println("-- " + sql);
            while (rs.next()) {
                System.out.println(rs.getString(1));
            }
        }
    }
}
