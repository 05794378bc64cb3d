package id.asn.merit.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A generated province written straight into competency-service's tables with COPY, after the service's Flyway
 * migration made them: the replicas its consumers would keep (org units, positions, employees), a standard of its
 * own for every position, and assessments with their scores. Deterministic for a seed and an as-of date.
 *
 * <ul>
 * <li>Units: root {@code PROV}; 40 perangkat daerah {@code PD01..PD40}, 3–5 bidang each ({@code PD01-B1}), 2–3 seksi
 * per bidang ({@code PD01-B1-S1}); paths are the codes root first joined by '/'. {@code PD01} holds
 * {@link #bigUnitPeople} (5 000 of 100 000) employees, the others share the rest unevenly.</li>
 * <li>Positions: a JPT_PRATAMA heading the root and each perangkat daerah, an ADMINISTRATOR per bidang, a PENGAWAS
 * per seksi, each held by one person; the rest of the 2 000 are PELAKSANA and FUNGSIONAL (with a functional level)
 * in the seksi, spread by head count, and hold everyone else of their perangkat daerah.</li>
 * <li>Standards: every position version 1 effective 2025-01-01 with M.1–M.8, SK.1 and 1–3 TEKNIS competencies from
 * its perangkat daerah's pool of four (40 TEKNIS in all, added to {@code competency} first); required levels 1–5
 * around the type's level; importance 30 % MUTLAK, 45 % PENTING, 25 % PERLU.</li>
 * <li>Assessments: 3 per employee on average, each to a random employee (so some have none), ASSESSMENT_CENTER
 * for MAPPING, dated within the 4 years before the as-of date (so about a quarter fall outside the 3-year window),
 * no two of one person on one date; each scores about 85 % of the person's standard, levels 1.0–5.0 in one-decimal
 * steps around the required level.</li>
 * </ul>
 */
final class ProvinceGenerator {
    static final String ROOT = "PROV";
    static final String BIG_UNIT = "PD01";
    static final LocalDate STANDARD_FROM = LocalDate.of(2025, 1, 1);
    static final String[] MANAGERIAL = {"M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"};
    static final String[] FUNCTIONAL_LEVELS = {"AHLI_UTAMA", "AHLI_MADYA", "AHLI_MUDA", "AHLI_PERTAMA", "PENYELIA", "MAHIR", "TERAMPIL", "PEMULA"};
    static final int[] FUNCTIONAL_BASE = {5, 4, 3, 2, 3, 2, 2, 1};
    static final int PERANGKAT_DAERAH = 40;
    static final int TEKNIS = 40;

    /** What the bench needs to know of the data it measures. */
    record Province(List<String> nips, int bigUnitPeople, int units, int positions, int employees, long assessments,
                    long scores, long standardItems, LocalDate asOf, double seconds) {
    }

    private record Unit(String code, String parent, String path, String level, int pd) {
    }

    private record Position(String code, String unit, String unitPath, String type, String functionalLevel, int pd,
                            String[] competencies, int[] required) {
    }

    private final int employees;
    private final int positionCount;
    private final long assessmentCount;
    private final long seed;
    private final LocalDate asOf;

    ProvinceGenerator(int employees, int positions, long assessments, long seed, LocalDate asOf) {
        this.employees = employees;
        this.positionCount = positions;
        this.assessmentCount = assessments;
        this.seed = seed;
        this.asOf = asOf;
    }

    Province load(Connection c) throws SQLException, IOException {
        long t0 = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(seed);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            // consistent by construction: skip the per-row foreign-key triggers while loading (superuser, this session only)
            st.execute("set session_replication_role = replica");
        }

        Shape shape = shape(rnd);
        List<Unit> units = shape.units();
        List<Position> positions = shape.positions();
        List<String> nips = shape.nips();
        List<Position> held = shape.held();
        String[] teknis = shape.teknis();
        int bigPeople = shape.bigPeople();

        long items = 0;
        try (Writer w = copy(c, "copy org_unit_replica (code, name, parent_code, path, level, status, source_version) from stdin")) {
            for (Unit u : units) {
                w.write(u.code + "\tUnit " + u.code + "\t" + (u.parent == null ? "\\N" : u.parent) + "\t" + u.path + "\t" + u.level + "\tACTIVE\t1\n");
            }
        }
        try (Writer w = copy(c, "copy competency (code, grp, name, definition) from stdin")) {
            for (String t : teknis) {
                w.write(t + "\tTEKNIS\tKompetensi teknis " + t.substring(2) + "\tGenerated by the benchmark\n");
            }
        }
        try (Writer w = copy(c, "copy competency_level (competency_code, level, title, description) from stdin")) {
            for (String t : teknis) {
                for (int l = 1; l <= 5; l++) {
                    w.write(t + "\t" + l + "\tLevel " + l + "\tLevel " + l + " of " + t + "\n");
                }
            }
        }
        try (Writer w = copy(c, "copy position_replica (code, title, org_unit_code, type, functional_level, status, source_version) from stdin")) {
            for (Position p : positions) {
                w.write(p.code + "\tJabatan " + p.code + "\t" + p.unit + "\t" + p.type + "\t" + (p.functionalLevel == null ? "\\N" : p.functionalLevel)
                        + "\tACTIVE\t1\n");
            }
        }
        try (Writer w = copy(c, "copy employee_replica (nip, name, employment_type, position_code, position_type, org_unit_code, org_unit_path, status, source_version) from stdin")) {
            for (int i = 0; i < nips.size(); i++) {
                Position p = held.get(i);
                w.write(nips.get(i) + "\tPegawai " + i + "\tPNS\t" + p.code + "\t" + p.type + "\t" + p.unit + "\t" + p.unitPath + "\tACTIVE\t1\n");
            }
        }
        try (Writer w = copy(c, "copy competency_standard (position_code, version, effective_from, created_by) from stdin")) {
            for (Position p : positions) {
                w.write(p.code + "\t1\t" + STANDARD_FROM + "\tbench\n");
            }
        }
        try (Writer w = copy(c, "copy competency_standard_item (position_code, version, ordinal, competency_code, required_level, importance) from stdin")) {
            SplittableRandom importance = new SplittableRandom(seed + 1);
            for (Position p : positions) {
                for (int k = 0; k < p.competencies.length; k++) {
                    int r = importance.nextInt(100);
                    w.write(p.code + "\t1\t" + (k + 1) + "\t" + p.competencies[k] + "\t" + p.required[k] + "\t"
                            + (r < 30 ? "MUTLAK" : r < 75 ? "PENTING" : "PERLU") + "\n");
                    items++;
                }
            }
        }

        // assessments and their scores: the same random stream twice, once per table (one COPY at a time per connection)
        long[] counts = new long[2];
        try (Writer w = copy(c, "copy assessment (id, nip, assessed_on, method, purpose, assessor, recorded_by) from stdin")) {
            assessments(nips, held, (id, nip, on, p, levels) -> w.write(id + "\t" + nip + "\t" + on
                    + "\tASSESSMENT_CENTER\tMAPPING\tTim Asesor Bench\tbench\n"), counts);
        }
        try (Writer w = copy(c, "copy assessment_score (assessment_id, competency_code, level) from stdin")) {
            assessments(nips, held, (id, nip, on, p, levels) -> {
                for (int k = 0; k < levels.length; k++) {
                    if (levels[k] > 0) {
                        w.write(id + "\t" + p.competencies[k] + "\t" + (levels[k] / 10) + "." + (levels[k] % 10) + "\n");
                    }
                }
            }, counts);
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("set session_replication_role = origin");
            // fresh statistics and a visibility map, as a database that settled after the load would have (and so
            // autovacuum does not start on these tables in the middle of a measurement)
            st.execute("vacuum (analyze) org_unit_replica, position_replica, employee_replica, competency, competency_level,"
                    + " competency_standard, competency_standard_item, assessment, assessment_score");
        }
        return new Province(List.copyOf(nips), bigPeople, units.size(), positions.size(), nips.size(), counts[0], counts[1],
                items, asOf, (System.nanoTime() - t0) / 1e9);
    }

    /** The tree, the positions and who holds which: the part of the province every service's data shares. */
    private record Shape(List<Unit> units, List<Position> positions, List<String> nips, List<Position> held, String[] teknis, int bigPeople) {
    }

    private Shape shape(SplittableRandom rnd) {
        // units
        List<Unit> units = new ArrayList<>();
        units.add(new Unit(ROOT, null, ROOT, "INSTANSI", -1));
        List<List<Unit>> seksiOf = new ArrayList<>();
        List<List<Unit>> bidangOf = new ArrayList<>();
        for (int d = 0; d < PERANGKAT_DAERAH; d++) {
            String pd = String.format(Locale.ROOT, "PD%02d", d + 1);
            units.add(new Unit(pd, ROOT, ROOT + "/" + pd, "PERANGKAT_DAERAH", d));
            List<Unit> bidang = new ArrayList<>();
            List<Unit> seksi = new ArrayList<>();
            int nb = 3 + rnd.nextInt(3);
            for (int b = 1; b <= nb; b++) {
                Unit bu = new Unit(pd + "-B" + b, pd, ROOT + "/" + pd + "/" + pd + "-B" + b, "BIDANG", d);
                units.add(bu);
                bidang.add(bu);
                int ns = 2 + rnd.nextInt(2);
                for (int s = 1; s <= ns; s++) {
                    Unit su = new Unit(bu.code + "-S" + s, bu.code, bu.path + "/" + bu.code + "-S" + s, "SEKSI", d);
                    units.add(su);
                    seksi.add(su);
                }
            }
            bidangOf.add(bidang);
            seksiOf.add(seksi);
        }

        // head count per perangkat daerah: PD01 the 5 000 unit, the others uneven shares of the rest (largest remainder)
        int bigPeople = Math.min(5000, employees / 5);
        int rest = employees - 1 - bigPeople; // one person heads the root
        double[] weight = new double[PERANGKAT_DAERAH];
        double weightSum = 0;
        for (int d = 1; d < PERANGKAT_DAERAH; d++) {
            weight[d] = 0.5 + rnd.nextDouble();
            weightSum += weight[d];
        }
        int[] people = new int[PERANGKAT_DAERAH];
        people[0] = bigPeople;
        int assigned = 0;
        for (int d = 1; d < PERANGKAT_DAERAH; d++) {
            people[d] = (int) Math.floor(rest * weight[d] / weightSum);
            assigned += people[d];
        }
        for (int d = 1; assigned < rest; d = d % (PERANGKAT_DAERAH - 1) + 1) {
            people[d]++;
            assigned++;
        }

        // TEKNIS pool: four per perangkat daerah out of 40
        String[] teknis = new String[TEKNIS];
        for (int t = 0; t < TEKNIS; t++) {
            teknis[t] = String.format(Locale.ROOT, "T.%02d", t + 1);
        }
        int[][] pool = new int[PERANGKAT_DAERAH][4];
        for (int d = 0; d < PERANGKAT_DAERAH; d++) {
            for (int k = 0; k < 4; k++) {
                pool[d][k] = (d + k * 7 + rnd.nextInt(3)) % TEKNIS;
            }
        }

        // positions: structural heads, then the rest by head count
        List<Position> positions = new ArrayList<>();
        positions.add(position(rnd, "JPT-" + ROOT, units.get(0), "JPT_PRATAMA", null, 0, pool, teknis));
        List<List<Position>> heads = new ArrayList<>();
        for (int d = 0; d < PERANGKAT_DAERAH; d++) {
            List<Position> h = new ArrayList<>();
            Unit pdUnit = units.stream().filter(u -> u.level.equals("PERANGKAT_DAERAH")).toList().get(d);
            h.add(position(rnd, "JPT-" + pdUnit.code, pdUnit, "JPT_PRATAMA", null, d, pool, teknis));
            for (Unit b : bidangOf.get(d)) {
                h.add(position(rnd, "ADM-" + b.code, b, "ADMINISTRATOR", null, d, pool, teknis));
            }
            for (Unit s : seksiOf.get(d)) {
                h.add(position(rnd, "PGW-" + s.code, s, "PENGAWAS", null, d, pool, teknis));
            }
            positions.addAll(h);
            heads.add(h);
        }
        int others = Math.max(PERANGKAT_DAERAH, positionCount - positions.size());
        int[] othersPerPd = new int[PERANGKAT_DAERAH];
        int given = 0;
        for (int d = 0; d < PERANGKAT_DAERAH; d++) {
            othersPerPd[d] = Math.max(1, (int) Math.floor((double) others * people[d] / (employees - 1)));
            given += othersPerPd[d];
        }
        for (int d = 0; given < others; d = (d + 1) % PERANGKAT_DAERAH) {
            othersPerPd[d]++;
            given++;
        }
        List<List<Position>> staffPositions = new ArrayList<>();
        int serial = 0;
        for (int d = 0; d < PERANGKAT_DAERAH; d++) {
            List<Position> list = new ArrayList<>();
            for (int k = 0; k < othersPerPd[d]; k++) {
                Unit s = seksiOf.get(d).get(rnd.nextInt(seksiOf.get(d).size()));
                boolean functional = rnd.nextInt(100) < 45;
                String fl = functional ? FUNCTIONAL_LEVELS[pickFunctionalLevel(rnd)] : null;
                Position p = position(rnd, String.format(Locale.ROOT, "%s-%04d", functional ? "JF" : "PLK", ++serial), s,
                        functional ? "FUNGSIONAL" : "PELAKSANA", fl, d, pool, teknis);
                list.add(p);
                positions.add(p);
            }
            staffPositions.add(list);
        }

        // employees: the heads, then everyone else on a staff position of their perangkat daerah
        List<String> nips = new ArrayList<>(employees);
        List<Position> held = new ArrayList<>(employees);
        Set<String> taken = new HashSet<>();
        nips.add(nip(rnd, taken));
        held.add(positions.get(0));
        for (int d = 0; d < PERANGKAT_DAERAH; d++) {
            List<Position> h = heads.get(d);
            int n = people[d];
            for (int k = 0; k < n; k++) {
                Position p = k < h.size() ? h.get(k) : staffPositions.get(d).get(rnd.nextInt(staffPositions.get(d).size()));
                nips.add(nip(rnd, taken));
                held.add(p);
            }
        }

        return new Shape(units, positions, nips, held, teknis, bigPeople);
    }

    /** One employee of the province as another service's replica needs it. */
    record Person(String nip, String positionCode, String positionType, String unitCode, String unitPath) {
    }

    /** One unit and one position of the province, for another service's replica. */
    record OrgUnit(String code, String parent, String path, String level) {
    }

    record Post(String code, String unitCode, String type, String functionalLevel) {
    }

    /** The same province (same seed, same shape) without any service's tables: units, positions, people. */
    record People(List<OrgUnit> units, List<Post> positions, List<Person> people, int bigUnitPeople) {
    }

    People people() {
        Shape shape = shape(new SplittableRandom(seed));
        List<Person> people = new ArrayList<>(shape.nips().size());
        for (int i = 0; i < shape.nips().size(); i++) {
            Position p = shape.held().get(i);
            people.add(new Person(shape.nips().get(i), p.code, p.type, p.unit, p.unitPath));
        }
        return new People(shape.units().stream().map(u -> new OrgUnit(u.code, u.parent, u.path, u.level)).toList(),
                shape.positions().stream().map(p -> new Post(p.code, p.unit, p.type, p.functionalLevel)).toList(),
                List.copyOf(people), shape.bigPeople());
    }

    static Writer copyWriter(Connection c, String sql) throws SQLException {
        return copy(c, sql);
    }

    private interface AssessmentSink {
        void accept(UUID id, String nip, LocalDate on, Position p, int[] levelsTimesTen) throws IOException;
    }

    private void assessments(List<String> nips, List<Position> held, AssessmentSink sink, long[] counts) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed + 2);
        Set<Long> dates = new HashSet<>();
        long scores = 0;
        for (long a = 0; a < assessmentCount; a++) {
            int who = rnd.nextInt(nips.size());
            int back;
            do {
                back = rnd.nextInt(4 * 365 + 1);
            } while (!dates.add(((long) who << 12) | back));
            Position p = held.get(who);
            int[] levels = new int[p.competencies.length];
            for (int k = 0; k < levels.length; k++) {
                if (rnd.nextInt(100) < 85) {
                    double level = p.required[k] - 0.3 + rnd.nextGaussian(0, 0.9);
                    levels[k] = (int) Math.max(10, Math.min(50, Math.round(level * 10)));
                    scores++;
                }
            }
            UUID id = new UUID((rnd.nextLong() & ~0xF000L) | 0x4000L, (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
            sink.accept(id, nips.get(who), asOf.minusDays(back), p, levels);
        }
        counts[0] = assessmentCount;
        counts[1] = scores;
    }

    private static int pickFunctionalLevel(SplittableRandom rnd) {
        int r = rnd.nextInt(100); // few at the top, most AHLI_PERTAMA/AHLI_MUDA and the skill ladder
        return r < 2 ? 0 : r < 12 ? 1 : r < 37 ? 2 : r < 67 ? 3 : r < 75 ? 4 : r < 87 ? 5 : r < 96 ? 6 : 7;
    }

    private static Position position(SplittableRandom rnd, String code, Unit unit, String type, String functionalLevel, int pd,
            int[][] pool, String[] teknis) {
        int base = switch (type) {
            case "JPT_PRATAMA" -> 4;
            case "ADMINISTRATOR", "PENGAWAS" -> 3;
            case "PELAKSANA" -> 2;
            default -> FUNCTIONAL_BASE[java.util.Arrays.asList(FUNCTIONAL_LEVELS).indexOf(functionalLevel)];
        };
        int nt = 1 + rnd.nextInt(3);
        List<String> codes = new ArrayList<>(List.of(MANAGERIAL));
        int start = rnd.nextInt(4);
        for (int k = 0; k < nt; k++) {
            String t = teknis[pool[Math.max(0, pd)][(start + k) % 4]];
            if (!codes.contains(t)) {
                codes.add(t);
            }
        }
        int[] required = new int[codes.size()];
        for (int k = 0; k < required.length; k++) {
            required[k] = Math.max(1, Math.min(5, base - 1 + rnd.nextInt(3)));
        }
        return new Position(code, unit.code, unit.path, type, functionalLevel, pd, codes.toArray(String[]::new), required);
    }

    /** A PNS NIP: birth date, TMT CPNS after the 18th birthday, gender digit, serial; unique. */
    private static String nip(SplittableRandom rnd, Set<String> taken) {
        while (true) {
            LocalDate birth = LocalDate.of(1966, 1, 1).plusDays(rnd.nextInt(34 * 365));
            int tmtYear = Math.min(2024, birth.getYear() + 20 + rnd.nextInt(12));
            String nip = String.format(Locale.ROOT, "%04d%02d%02d%04d%02d%d%03d", birth.getYear(), birth.getMonthValue(),
                    birth.getDayOfMonth(), tmtYear, 1 + rnd.nextInt(12), 1 + rnd.nextInt(2), 1 + rnd.nextInt(999));
            if (taken.add(nip)) {
                return nip;
            }
        }
    }

    private static Writer copy(Connection c, String sql) throws SQLException {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(c.unwrap(PGConnection.class), sql, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }
}
