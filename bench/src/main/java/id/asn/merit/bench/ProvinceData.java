package id.asn.merit.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The province data set of SYSTEM.md §9 written as files the APIs take, deterministic for (employees, assessments,
 * records, seed, as-of date): the tree and who holds which position is {@link ProvinceGenerator#people()} (root
 * {@code PROV}, 40 perangkat daerah, 3–5 bidang each, 2–3 seksi per bidang, ~2 000 positions, {@code PD01} the
 * 5 000-person unit), so this province is the one the competency and training benches measure.
 * <ul>
 * <li>{@code units.jsonl}: one {@code POST /api/v1/org-units} body per line, parents before children (by depth);</li>
 * <li>{@code positions.jsonl}: one {@code POST /api/v1/positions} body per line (grade by type and level);</li>
 * <li>{@code employees.csv}: the body of {@code POST /api/v1/employee-imports} — PNS NIPs whose birth date, TMT CPNS
 * and gender digit agree with the row's {@code birthDate}, {@code tmtCpns} and {@code gender}; a name is a given
 * name or two and one of nine family names drawn uniformly, so {@code q=<family>} matches one person in nine;</li>
 * <li>{@code assessments.jsonl}: one {@code POST /api/v1/assessments} body per line: 3 per employee on average,
 * ASSESSMENT_CENTER / MAPPING, within the 4 years before the as-of date, no two of one person on one date, M.1–M.8
 * and SK.1 each scored with probability 0.85, levels 1.0–5.0 in one-decimal steps;</li>
 * <li>{@code training.csv}: the body of {@code POST /api/v1/training-imports}: VERIFIED records of KL and NKL
 * methods over the as-of year up to the as-of date, 92 % of the people having ~10 each on average;</li>
 * <li>{@code province.properties}: the parameters and counts, so a second run with the same ones reuses the files.</li>
 * </ul>
 */
final class ProvinceData {
    static final String[] GIVEN = {"Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hendra", "Indah", "Joko", "Kartika",
            "Lestari", "Made", "Nur", "Putu", "Rina", "Sari", "Taufik", "Wahyu", "Yusuf", "Ayu", "Bambang", "Dian", "Rizky", "Andi",
            "Mega", "Yohanes", "Ketut", "Siti", "Ahmad", "Ratna", "Dodi", "Maria", "Irwan", "Lina", "Fajar"};
    /** nine family names, none inside another name: {@code q=<one>} matches 1 person in 9 */
    static final String[] FAMILY = {"Siregar", "Nasution", "Wijaya", "Hidayat", "Saputra", "Lubis", "Kusuma", "Simanjuntak", "Tanjung"};
    static final String[] METHODS = TrainingBench.METHODS;
    static final String[] ORGANIZERS = TrainingBench.ORGANIZERS;
    static final String[] COMPETENCIES = ProvinceGenerator.MANAGERIAL;
    static final String EMPLOYEES_HEADER = "nip,name,gender,birthDate,employmentType,rank,positionCode,orgUnitCode,educationLevel,educationField,status,tmtCpns";
    static final String TRAINING_HEADER = "nip,title,methodCode,organizer,startDate,endDate,jp,certificateNumber,competencyCodes,cost,status";

    final int employees;
    final long assessments;
    final long records;
    final long seed;
    final LocalDate asOf;
    final Path dir;

    /** What was written, read back by the bench. */
    record Files5(Path units, Path positions, Path employees, Path assessments, Path training, int unitCount, int positionCount,
                  int employeeCount, long assessmentCount, long recordCount, int bigUnitPeople, double seconds, boolean reused) {
    }

    ProvinceData(int employees, long assessments, long records, long seed, LocalDate asOf, Path dir) {
        this.employees = employees;
        this.assessments = assessments;
        this.records = records;
        this.seed = seed;
        this.asOf = asOf;
        this.dir = dir;
        for (String f : FAMILY) {
            for (String g : GIVEN) {
                if (g.toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT))) {
                    throw new IllegalStateException(f + " inside " + g);
                }
            }
        }
    }

    Files5 write() throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(dir);
        Path manifest = dir.resolve("province.properties");
        Properties wanted = new Properties();
        wanted.setProperty("employees", Integer.toString(employees));
        wanted.setProperty("assessments", Long.toString(assessments));
        wanted.setProperty("records", Long.toString(records));
        wanted.setProperty("seed", Long.toString(seed));
        wanted.setProperty("asOf", asOf.toString());
        ProvinceGenerator.People people = new ProvinceGenerator(employees, 2000, 0, seed, asOf).people();
        if (Files.exists(manifest)) {
            Properties had = new Properties();
            try (var in = Files.newInputStream(manifest)) {
                had.load(in);
            }
            boolean same = wanted.stringPropertyNames().stream().allMatch(k -> wanted.getProperty(k).equals(had.getProperty(k)));
            if (same && "true".equals(had.getProperty("complete"))) {
                return files(people, (System.nanoTime() - t0) / 1e9, true);
            }
        }
        Files.deleteIfExists(manifest);
        writeUnits(people);
        writePositions(people);
        writeEmployees(people);
        writeAssessments(people);
        writeTraining(people);
        wanted.setProperty("complete", "true");
        try (var out = Files.newOutputStream(manifest)) {
            wanted.store(out, "written by ProvinceData; the files of this directory are those of these parameters");
        }
        return files(people, (System.nanoTime() - t0) / 1e9, false);
    }

    private Files5 files(ProvinceGenerator.People people, double seconds, boolean reused) {
        return new Files5(dir.resolve("units.jsonl"), dir.resolve("positions.jsonl"), dir.resolve("employees.csv"),
                dir.resolve("assessments.jsonl"), dir.resolve("training.csv"), people.units().size(), people.positions().size(),
                people.people().size(), assessments, records, people.bigUnitPeople(), seconds, reused);
    }

    private BufferedWriter open(String name) throws IOException {
        return Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private void writeUnits(ProvinceGenerator.People people) throws IOException {
        List<ProvinceGenerator.OrgUnit> byDepth = new ArrayList<>(people.units());
        byDepth.sort(java.util.Comparator.comparingInt(u -> u.path().split("/").length)); // stable: generator order within a depth
        try (Writer w = open("units.jsonl")) {
            for (ProvinceGenerator.OrgUnit u : byDepth) {
                String name = switch (u.level()) {
                    case "INSTANSI" -> "Pemerintah Provinsi Bench";
                    case "PERANGKAT_DAERAH" -> "Dinas " + u.code();
                    case "BIDANG" -> "Bidang " + u.code();
                    default -> "Seksi " + u.code();
                };
                w.write("{\"code\":\"" + u.code() + "\",\"name\":\"" + name + "\",\"level\":\"" + u.level() + "\""
                        + (u.parent() == null ? "" : ",\"parentCode\":\"" + u.parent() + "\"") + "}\n");
            }
        }
    }

    static int grade(String type, String functionalLevel) {
        return switch (type) {
            case "JPT_PRATAMA" -> 14;
            case "ADMINISTRATOR" -> 12;
            case "PENGAWAS" -> 9;
            case "PELAKSANA" -> 6;
            default -> switch (functionalLevel == null ? "" : functionalLevel) {
                case "AHLI_UTAMA" -> 15;
                case "AHLI_MADYA" -> 12;
                case "AHLI_MUDA" -> 10;
                case "AHLI_PERTAMA" -> 8;
                case "PENYELIA" -> 8;
                case "MAHIR" -> 7;
                case "TERAMPIL" -> 6;
                default -> 5;
            };
        };
    }

    private void writePositions(ProvinceGenerator.People people) throws IOException {
        try (Writer w = open("positions.jsonl")) {
            for (ProvinceGenerator.Post p : people.positions()) {
                String title = switch (p.type()) {
                    case "JPT_PRATAMA" -> "Kepala " + p.unitCode();
                    case "ADMINISTRATOR" -> "Kepala Bidang " + p.unitCode();
                    case "PENGAWAS" -> "Kepala Seksi " + p.unitCode();
                    case "PELAKSANA" -> "Pelaksana " + p.code();
                    default -> "Fungsional " + p.code();
                };
                w.write("{\"code\":\"" + p.code() + "\",\"title\":\"" + title + "\",\"orgUnitCode\":\"" + p.unitCode() + "\",\"type\":\""
                        + p.type() + "\"" + (p.functionalLevel() == null ? "" : ",\"functionalLevel\":\"" + p.functionalLevel() + "\"")
                        + ",\"grade\":" + grade(p.type(), p.functionalLevel()) + "}\n");
            }
        }
    }

    static String rank(String type, SplittableRandom rnd) {
        String[] choices = switch (type) {
            case "JPT_PRATAMA" -> new String[] {"IV/c", "IV/d"};
            case "ADMINISTRATOR" -> new String[] {"III/d", "IV/a", "IV/b"};
            case "PENGAWAS" -> new String[] {"III/c", "III/d"};
            case "PELAKSANA" -> new String[] {"II/a", "II/b", "II/c", "II/d", "III/a", "III/b"};
            default -> new String[] {"III/a", "III/b", "III/c", "III/d", "IV/a"};
        };
        return choices[rnd.nextInt(choices.length)];
    }

    /** The name of person {@code i}: the same for the CSV and for any check the bench makes. */
    static String name(SplittableRandom rnd) {
        String given = GIVEN[rnd.nextInt(GIVEN.length)];
        if (rnd.nextInt(3) == 0) {
            given += " " + GIVEN[rnd.nextInt(GIVEN.length)];
        }
        return given + " " + FAMILY[rnd.nextInt(FAMILY.length)];
    }

    private void writeEmployees(ProvinceGenerator.People people) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed + 31);
        String[] education = {"SMA", "D3", "S1", "S1", "S1", "S2", "S2", "S3"};
        String[] fields = {"Administrasi Publik", "Ekonomi", "Hukum", "Teknik Sipil", "Kesehatan Masyarakat", "Pendidikan", "Informatika", "Akuntansi"};
        try (Writer w = open("employees.csv")) {
            w.write(EMPLOYEES_HEADER);
            w.write('\n');
            for (ProvinceGenerator.Person p : people.people()) {
                String nip = p.nip();
                String birth = nip.substring(0, 4) + "-" + nip.substring(4, 6) + "-" + nip.substring(6, 8);
                String tmt = nip.substring(8, 12) + "-" + nip.substring(12, 14) + "-01";
                String gender = nip.charAt(14) == '1' ? "M" : "F";
                w.write(nip + "," + name(rnd) + "," + gender + "," + birth + ",PNS," + rank(p.positionType(), rnd) + "," + p.positionCode() + ","
                        + p.unitCode() + "," + education[rnd.nextInt(education.length)] + "," + fields[rnd.nextInt(fields.length)] + ",ACTIVE," + tmt + "\n");
            }
        }
    }

    private void writeAssessments(ProvinceGenerator.People people) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed + 41);
        List<ProvinceGenerator.Person> list = people.people();
        Set<Long> dates = new HashSet<>();
        String[] assessors = {"UPT Penilaian Kompetensi BKPSDM", "Assessment Center Provinsi", "Tim Asesor BKN Regional"};
        StringBuilder b = new StringBuilder(512);
        try (Writer w = open("assessments.jsonl")) {
            for (long a = 0; a < assessments; a++) {
                int who = rnd.nextInt(list.size());
                int back;
                do {
                    back = rnd.nextInt(4 * 365 + 1);
                } while (!dates.add(((long) who << 12) | back));
                b.setLength(0);
                b.append("{\"nip\":\"").append(list.get(who).nip()).append("\",\"assessedOn\":\"").append(asOf.minusDays(back))
                        .append("\",\"method\":\"ASSESSMENT_CENTER\",\"purpose\":\"MAPPING\",\"assessor\":\"")
                        .append(assessors[rnd.nextInt(assessors.length)]).append("\",\"scores\":[");
                boolean first = true;
                for (String c : COMPETENCIES) {
                    if (rnd.nextInt(100) < 85 || first && c.equals(COMPETENCIES[COMPETENCIES.length - 1])) {
                        int level = (int) Math.max(10, Math.min(50, Math.round((3.0 + rnd.nextGaussian(0, 0.9)) * 10)));
                        b.append(first ? "" : ",").append("{\"competencyCode\":\"").append(c).append("\",\"level\":")
                                .append(level / 10).append('.').append(level % 10).append('}');
                        first = false;
                    }
                }
                b.append("]}\n");
                w.write(b.toString());
            }
        }
    }

    private void writeTraining(ProvinceGenerator.People people) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed + 51);
        List<ProvinceGenerator.Person> list = people.people();
        int withRecords = Math.max(1, (int) (list.size() * 0.92));
        int year = asOf.getYear();
        int days = asOf.getDayOfYear();
        try (Writer w = open("training.csv")) {
            w.write(TRAINING_HEADER);
            w.write('\n');
            for (long i = 0; i < records; i++) {
                String nip = list.get(rnd.nextInt(withRecords)).nip();
                String method = METHODS[rnd.nextInt(METHODS.length)];
                LocalDate start = LocalDate.of(year, 1, 1).plusDays(rnd.nextInt(days));
                LocalDate end = start.plusDays(rnd.nextInt(3));
                if (end.isAfter(asOf)) {
                    end = asOf;
                }
                int jp = method.equals("NKL02") ? 1 + rnd.nextInt(3) : 2 + rnd.nextInt(7);
                w.write(nip + ",Pelatihan " + method + " " + (i % 977) + "," + method + "," + ORGANIZERS[rnd.nextInt(ORGANIZERS.length)] + ","
                        + start + "," + end + "," + jp + ",STTP/" + year + "/" + i + "," + COMPETENCIES[rnd.nextInt(COMPETENCIES.length)] + ","
                        + 250_000L * (1 + rnd.nextInt(8)) + ",VERIFIED\n");
            }
        }
    }

    /** Stand-alone: {@code java -cp ... ProvinceData [employees] [assessments] [records]} writes the files only. */
    public static void main(String[] args) throws Exception {
        int employees = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long assessments = args.length > 1 ? Long.parseLong(args[1]) : 3L * employees;
        long records = args.length > 2 ? Long.parseLong(args[2]) : 10L * employees;
        Path root = Path.of(System.getProperty("asn.root", ".")).toAbsolutePath().normalize();
        Files5 f = new ProvinceData(employees, assessments, records, Long.getLong("bench.seed", 7L),
                LocalDate.parse(System.getProperty("bench.asOf", LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).toString())),
                root.resolve("bench/target/province/" + employees)).write();
        System.out.println(f);
    }
}
