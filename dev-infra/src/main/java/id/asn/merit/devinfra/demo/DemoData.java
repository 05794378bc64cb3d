package id.asn.merit.devinfra.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What the demo loads. Dinas PMPTSP Kota Sorong comes from {@code demo/pmptsp.json} (its units and posts are table 1
 * of the seed study; the people on them are invented); the second unit, Dinas Pekerjaan Umum dan Penataan Ruang
 * (DPUPR, wholly invented), is generated here from a fixed seed, so every run and every machine gets the same 200
 * people. Dates are relative to the demo year (the last calendar year by default).
 */
public final class DemoData {
    public static final String ROOT = "KOTA-SORONG";
    public static final String PMPTSP = "PMPTSP";
    public static final String SECOND = "DPUPR";
    public static final int SECOND_SIZE = 200;
    static final long SEED = 20231011L;

    public record Unit(String code, String name, String parentCode) {
    }

    public record Post(String code, String title, String orgUnitCode, String type, String functionalLevel, int grade,
                       String minRank, String minEducationLevel, String requiredLeadershipTraining) {
        boolean managerial() {
            return requiredLeadershipTraining != null;
        }
    }

    public record Rating(int year, String workResult, String workBehaviour) {
    }

    /** One training record; pending = submitted by the person (PENDING until verified), else entered VERIFIED by HR. */
    public record Training(String nip, String title, String methodCode, String organizer, LocalDate startDate,
                           LocalDate endDate, double jp, String certificateNumber, List<String> competencyCodes,
                           String leadershipLevel, long cost, boolean pending) {
    }

    /**
     * One person. {@code assessmentFactor}: actual level = required × factor (null: not assessed);
     * {@code assessedShare}: the share of the standard's competencies the assessment covers.
     */
    public record Person(String nip, String name, String gender, LocalDate birthDate, String employmentType, String rank,
                         String positionCode, String orgUnitCode, String educationLevel, String educationField,
                         LocalDate tmtCpns, List<Rating> ratings, Double assessmentFactor, double assessedShare,
                         LocalDate assessedOn, List<Training> trainings, String disciplineLevel, Double potentialTest) {
    }

    public record Organisation(List<Unit> units, List<Post> posts, List<Person> people) {
    }

    public record Competency(JsonNode body, String code) {
    }

    private DemoData() {
    }

    // ------------------------------------------------------------------ Dinas PMPTSP (seed table 1)

    public static Organisation pmptsp(int year) {
        JsonNode root = read("demo/pmptsp.json");
        List<Unit> units = new ArrayList<>();
        root.get("units").forEach(u -> units.add(new Unit(u.get("code").asText(), u.get("name").asText(), text(u, "parentCode"))));
        List<Post> posts = new ArrayList<>();
        root.get("positions").forEach(p -> posts.add(new Post(p.get("code").asText(), p.get("title").asText(),
                p.get("orgUnitCode").asText(), p.get("type").asText(), null, p.get("grade").asInt(), text(p, "minRank"),
                text(p, "minEducationLevel"), text(p, "requiredLeadershipTraining"))));
        List<Person> people = new ArrayList<>();
        int i = 0;
        for (JsonNode p : root.get("people")) {
            String nip = p.get("nip").asText();
            List<Rating> ratings = new ArrayList<>();
            p.get("ratings").forEach(r -> ratings.add(new Rating(year - r.get("yearsBeforeDemoYear").asInt(),
                    r.get("workResult").asText(), r.get("workBehaviour").asText())));
            List<Training> trainings = new ArrayList<>();
            for (JsonNode lt : p.get("leadershipTraining")) {
                trainings.add(leadership(nip, lt.get("level").asText(), lt.get("year").asInt(), i));
            }
            Double level = p.get("assessmentLevel").isNull() ? null : p.get("assessmentLevel").asDouble();
            people.add(new Person(nip, p.get("name").asText(), p.get("gender").asText(), LocalDate.parse(p.get("birthDate").asText()),
                    p.get("employmentType").asText(), p.get("rank").asText(), p.get("positionCode").asText(),
                    p.get("orgUnitCode").asText(), p.at("/education/level").asText(), p.at("/education/field").asText(),
                    LocalDate.parse(p.get("tmtCpns").asText()), ratings, level, 1.0,
                    level == null ? null : LocalDate.of(year, 3 + i % 7, 4 + i % 20), trainings, null, null));
            i++;
        }
        return new Organisation(units, posts, people);
    }

    /** A leadership-training certificate of the given year (KL01, verified), as an HR officer enters it. */
    static Training leadership(String nip, String level, int year, int serial) {
        String title = switch (level) {
            case "PKP" -> "Pelatihan Kepemimpinan Pengawas";
            case "PKA" -> "Pelatihan Kepemimpinan Administrator";
            case "PKN_II" -> "Pelatihan Kepemimpinan Nasional Tingkat II";
            default -> "Pelatihan Kepemimpinan Nasional Tingkat I";
        };
        String organizer = level.startsWith("PKN") ? "Lembaga Administrasi Negara" : "BPSDM Provinsi Papua Barat";
        LocalDate start = LocalDate.of(year, 4 + serial % 5, 1 + serial % 20);
        double jp = switch (level) {
            case "PKP" -> 830;
            case "PKA" -> 839;
            default -> 1000;
        };
        return new Training(nip, title, "KL01", organizer, start, start.plusDays(level.startsWith("PKN") ? 100 : 90), jp,
                level + "/" + year + "/" + nip.substring(10, 18), List.of("M.1", "M.3"), level, 0, false);
    }

    public static List<Competency> competencies() {
        List<Competency> list = new ArrayList<>();
        read("demo/competencies.json").get("competencies").forEach(c -> list.add(new Competency(c, c.get("code").asText())));
        return list;
    }

    public static Map<String, Integer> teknisLevelByType() {
        Map<String, Integer> out = new LinkedHashMap<>();
        read("demo/competencies.json").get("requiredLevelByPositionType").fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }

    // ------------------------------------------------------------------ the second unit (invented, generated)

    static final String[][] BIDANG = {
            {"BINAMARGA", "Bidang Bina Marga", "Seksi Perencanaan Jalan dan Jembatan", "Seksi Pembangunan Jalan dan Jembatan", "Seksi Preservasi Jalan dan Jembatan"},
            {"SDA", "Bidang Sumber Daya Air", "Seksi Irigasi dan Rawa", "Seksi Sungai dan Pantai", "Seksi Air Baku dan Drainase"},
            {"CIPTAKARYA", "Bidang Cipta Karya", "Seksi Bangunan Gedung", "Seksi Air Minum dan Sanitasi", "Seksi Penataan Bangunan dan Lingkungan"},
            {"TARUNG", "Bidang Penataan Ruang", "Seksi Perencanaan Tata Ruang", "Seksi Pemanfaatan Ruang", "Seksi Pengendalian Pemanfaatan Ruang"}};
    static final String[][] JF = {
            {"Teknik Jalan dan Jembatan", "Teknik Sipil"}, {"Teknik Pengairan", "Teknik Sipil"},
            {"Penata Bangunan Gedung dan Permukiman", "Arsitektur"}, {"Penata Ruang", "Perencanaan Wilayah dan Kota"}};
    static final String[] MALE = {"Albert", "Benyamin", "Charles", "David", "Elias", "Fransiskus", "Gerson", "Habel", "Imanuel",
            "Jefri", "Kornelis", "Lukas", "Musa", "Nikolas", "Otniel", "Paulus", "Robert", "Simon", "Thomas", "Wempi",
            "Ahmad", "Budi", "Dedi", "Fajar", "Hasan", "Irfan", "Joko", "Muhammad", "Rizal", "Yusran"};
    static final String[] FEMALE = {"Agustina", "Beatriks", "Christina", "Debora", "Elisabeth", "Frederika", "Grace", "Hana",
            "Irene", "Juliana", "Katarina", "Lusia", "Martha", "Novita", "Oktovina", "Priska", "Rosalina", "Susana", "Theresia",
            "Yohana", "Ani", "Dewi", "Fitri", "Indah", "Kartini", "Lestari", "Nurul", "Rina", "Sri", "Wulan"};
    static final String[] FAMILY = {"Aibini", "Bonay", "Duwiri", "Faidiban", "Gaman", "Idie", "Kambu", "Kocu", "Mandacan",
            "Momot", "Nauw", "Osok", "Paa", "Rumbewas", "Sagrim", "Sanggenafa", "Sesa", "Sremere", "Tigtigweria", "Were",
            "Yable", "Hamid", "Lamalo", "Pattiasina", "Siregar", "Sitompul", "Tuharea", "Wattimena", "Wibowo", "Yusuf"};

    /**
     * Dinas Pekerjaan Umum dan Penataan Ruang (invented): Sekretariat with three subbagian, four bidang with three
     * seksi each, 21 structural posts, a JF post per bidang (ahli pertama and ahli muda) and a pelaksana post per
     * subbagian/seksi; 200 people with spread ratings, assessments, training records over several methods (some
     * submitted and still PENDING), potential tests and a few disciplinary records.
     */
    public static Organisation second(int year, Set<String> takenNips) {
        Random rnd = new Random(SEED);
        List<Unit> units = new ArrayList<>();
        List<Post> posts = new ArrayList<>();
        units.add(new Unit(SECOND, "Dinas Pekerjaan Umum dan Penataan Ruang", ROOT));
        posts.add(new Post(SECOND + "-KADIS", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", SECOND, "JPT_PRATAMA", null, 14, "IV/c", "S1", "PKN_II"));
        units.add(new Unit(SECOND + "-SEKRETARIAT", "Sekretariat", SECOND));
        posts.add(new Post(SECOND + "-SEKDIS", "Sekretaris Dinas", SECOND + "-SEKRETARIAT", "ADMINISTRATOR", null, 12, "IV/a", "S1", "PKA"));
        List<String> staffUnits = new ArrayList<>();
        String[][] subbag = {{"UMUM", "Subbagian Umum dan Kepegawaian"}, {"KEU", "Subbagian Keuangan"}, {"PROGRAM", "Subbagian Perencanaan dan Pelaporan"}};
        for (String[] s : subbag) {
            String code = SECOND + "-SUBBAG-" + s[0];
            units.add(new Unit(code, s[1], SECOND + "-SEKRETARIAT"));
            posts.add(new Post(SECOND + "-KASUBAG-" + s[0], "Kepala " + s[1], code, "PENGAWAS", null, 9, "III/c", "S1", "PKP"));
            staffUnits.add(code);
        }
        List<String> bidangCodes = new ArrayList<>();
        for (int b = 0; b < BIDANG.length; b++) {
            String code = SECOND + "-BID-" + BIDANG[b][0];
            bidangCodes.add(code);
            units.add(new Unit(code, BIDANG[b][1], SECOND));
            posts.add(new Post(SECOND + "-KABID-" + BIDANG[b][0], "Kepala " + BIDANG[b][1], code, "ADMINISTRATOR", null, 11, "III/d", "S1", "PKA"));
            for (int s = 2; s < 5; s++) {
                String sc = SECOND + "-SIE-" + BIDANG[b][0] + "-" + (s - 1);
                units.add(new Unit(sc, BIDANG[b][s], code));
                posts.add(new Post(SECOND + "-KASIE-" + BIDANG[b][0] + "-" + (s - 1), "Kepala " + BIDANG[b][s], sc, "PENGAWAS", null, 9, "III/c", "S1", "PKP"));
                staffUnits.add(sc);
            }
            posts.add(new Post(SECOND + "-JF-" + BIDANG[b][0] + "-MUDA", JF[b][0] + " Ahli Muda", code, "FUNGSIONAL", "AHLI_MUDA", 9, "III/c", "S1", null));
            posts.add(new Post(SECOND + "-JF-" + BIDANG[b][0] + "-PERTAMA", JF[b][0] + " Ahli Pertama", code, "FUNGSIONAL", "AHLI_PERTAMA", 8, "III/a", "S1", null));
        }
        for (String u : staffUnits) {
            posts.add(new Post(u.replace("-SUBBAG-", "-PLK-").replace("-SIE-", "-PLK-"), "Pengadministrasi dan Pengolah Data", u, "PELAKSANA", null, 6, null, "SMA", null));
        }

        // who sits where: the 21 structural posts first, then JF and pelaksana staff
        List<Post> seats = new ArrayList<>(posts.stream().filter(Post::managerial).toList());
        List<Post> jf = posts.stream().filter(p -> p.type().equals("FUNGSIONAL")).toList();
        List<Post> plk = posts.stream().filter(p -> p.type().equals("PELAKSANA")).toList();
        while (seats.size() < SECOND_SIZE) {
            seats.add(rnd.nextInt(100) < 35 ? jf.get(rnd.nextInt(jf.size())) : plk.get(rnd.nextInt(plk.size())));
        }
        Set<String> nips = new HashSet<>(takenNips);
        Set<String> names = new HashSet<>();
        List<Person> people = new ArrayList<>();
        int index = 0;
        for (Post post : seats) {
            people.add(person(rnd, year, post, index++, nips, names));
        }
        return new Organisation(units, posts, people);
    }

    private static Person person(Random rnd, int year, Post post, int index, Set<String> nips, Set<String> names) {
        boolean male = rnd.nextBoolean();
        String name;
        do {
            name = (male ? MALE[rnd.nextInt(MALE.length)] : FEMALE[rnd.nextInt(FEMALE.length)]) + " " + FAMILY[rnd.nextInt(FAMILY.length)];
        } while (!names.add(name) && names.size() < 1500);
        String type = post.type();
        boolean pppk = (type.equals("PELAKSANA") || type.equals("FUNGSIONAL")) && rnd.nextInt(100) < 12;
        int age = switch (type) {
            case "JPT_PRATAMA" -> 50 + rnd.nextInt(6);
            case "ADMINISTRATOR" -> 44 + rnd.nextInt(10);
            case "PENGAWAS" -> 36 + rnd.nextInt(14);
            default -> 24 + rnd.nextInt(32);
        };
        LocalDate birth = LocalDate.of(year - age, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        int serviceYears = Math.max(1, Math.min(age - 22 - rnd.nextInt(4), 33));
        YearMonth tmt = YearMonth.of(year - serviceYears, 1 + rnd.nextInt(12));
        if (tmt.atDay(1).isBefore(birth.plusYears(19))) {
            tmt = YearMonth.from(birth.plusYears(20));
        }
        String edu;
        String field;
        String rank;
        if (pppk) {
            edu = type.equals("FUNGSIONAL") ? "S1" : rnd.nextBoolean() ? "D3" : "SMA";
            field = type.equals("FUNGSIONAL") ? "Teknik Sipil" : "Administrasi";
            rank = switch (edu) {
                case "S1" -> "IX";
                case "D3" -> "VII";
                default -> "V";
            };
        } else {
            switch (type) {
                case "JPT_PRATAMA" -> { edu = "S2"; field = "Teknik Sipil"; rank = "IV/c"; }
                case "ADMINISTRATOR" -> { edu = rnd.nextBoolean() ? "S2" : "S1"; field = "Teknik Sipil"; rank = rnd.nextBoolean() ? "IV/a" : "IV/b"; }
                case "PENGAWAS" -> { edu = "S1"; field = rnd.nextBoolean() ? "Teknik Sipil" : "Ilmu Administrasi Negara"; rank = pick(rnd, "III/c", "III/c", "III/d", "IV/a"); }
                case "FUNGSIONAL" -> { edu = "S1"; field = "Teknik Sipil";
                    rank = "AHLI_MUDA".equals(post.functionalLevel()) ? pick(rnd, "III/c", "III/d") : pick(rnd, "III/a", "III/b"); }
                default -> { edu = pick(rnd, "SMA", "SMA", "D3", "S1"); field = edu.equals("SMA") ? "IPA" : "Administrasi";
                    rank = edu.equals("S1") ? pick(rnd, "III/a", "III/b") : pick(rnd, "II/a", "II/b", "II/c", "II/d"); }
            }
        }
        String gender = male ? "M" : "F";
        String nip;
        if (pppk) {
            int appointed = Math.max(2021, birth.getYear() + 19) + rnd.nextInt(3);
            appointed = Math.min(appointed, year);
            String stem = String.format("%04d%02d%02d%04d2%d%s", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(),
                    appointed, 1 + rnd.nextInt(2), male ? "1" : "2");
            nip = serial(stem, nips);
        } else {
            String stem = String.format("%04d%02d%02d%04d%02d%s", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(),
                    tmt.getYear(), tmt.getMonthValue(), male ? "1" : "2");
            nip = serial(stem, nips);
        }

        // the box this person is meant for: performance row × potential column
        int perf = roll(rnd, 55, 30);       // 0 HIGH, 1 MEDIUM, 2 LOW
        int pot = roll(rnd, 30, 45);        // 0 HIGH, 1 MEDIUM, 2 LOW
        String[] now = switch (perf) {
            case 0 -> rnd.nextInt(100) < 30 ? new String[]{"ABOVE", "ABOVE"} : new String[]{"AS_EXPECTED", "AS_EXPECTED"};
            case 1 -> new String[]{"BELOW", "AS_EXPECTED"};
            default -> rnd.nextInt(100) < 70 ? new String[]{"AS_EXPECTED", "BELOW"} : new String[]{"BELOW", "BELOW"};
        };
        String[] before = rnd.nextInt(100) < 70 ? now : new String[]{"AS_EXPECTED", "AS_EXPECTED"};
        List<Rating> ratings = List.of(new Rating(year - 1, before[0], before[1]), new Rating(year, now[0], now[1]));
        Double factor;
        double share;
        Double test = null;
        switch (pot) {
            case 0 -> { factor = 1.0 + rnd.nextInt(3) / 10.0; share = 1.0; if (rnd.nextInt(100) < 60) test = 80.0 + rnd.nextInt(16); }
            case 1 -> { factor = 0.9 + rnd.nextInt(2) / 10.0; share = 0.5 + rnd.nextInt(2) / 10.0; if (rnd.nextInt(100) < 50) test = 62.0 + rnd.nextInt(12); }
            default -> { factor = 0.8; share = 0.2; test = 30.0 + rnd.nextInt(15); }
        }
        if (pot != 0 && rnd.nextInt(100) < 8) {
            factor = null; // never assessed
        }
        LocalDate assessedOn = factor == null ? null : LocalDate.of(year - rnd.nextInt(2), 2 + rnd.nextInt(9), 1 + rnd.nextInt(27));
        String discipline = null;
        if (perf == 2 && index % 9 == 4) {
            discipline = index % 27 == 4 ? "MODERATE" : "LIGHT";
        }
        if (index == 187) {
            discipline = "SEVERE";
        }
        List<Training> trainings = trainings(rnd, year, nip, index, post);
        return new Person(nip, name, gender, birth, pppk ? "PPPK" : "PNS", rank, post.code(), post.orgUnitCode(), edu, field,
                pppk ? null : tmt.atDay(1), ratings, factor, share, assessedOn, trainings, discipline, test);
    }

    /** Training over several methods: about half the people reach 20 JP in the demo year, a quarter fall short, the rest have none. */
    private static List<Training> trainings(Random rnd, int year, String nip, int index, Post post) {
        List<Training> out = new ArrayList<>();
        String[] comps = {"M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"};
        int kind = rnd.nextInt(100);
        int n = 0;
        if (kind < 55) {
            if (rnd.nextBoolean()) {
                out.add(record(rnd, year, nip, n++, "Pelatihan Teknis Manajemen Konstruksi", "KL02", "BPSDM Provinsi Papua Barat Daya", 24 + rnd.nextInt(9), comps, 3_500_000));
            } else {
                out.add(record(rnd, year, nip, n++, "E-learning Pelayanan Publik", "NKL01", "LAN RI (ASN Unggul)", 12, comps, 0));
                out.add(record(rnd, year, nip, n++, "Webinar Penataan Ruang dan Perizinan", "NKL02", "Kementerian ATR/BPN", 8 + rnd.nextInt(4), comps, 0));
            }
        } else if (kind < 80) {
            out.add(record(rnd, year, nip, n++, rnd.nextBoolean() ? "Bimbingan Teknis Pengadaan Barang/Jasa" : "Seminar Keselamatan Konstruksi",
                    rnd.nextBoolean() ? "KL03" : "NKL03", "LKPP / Kementerian PUPR", 6 + rnd.nextInt(10), comps, 1_200_000));
        }
        if (index % 16 == 3) {
            // submitted by the person, not yet verified: it does not count until an HR officer verifies it
            LocalDate start = LocalDate.of(year, 10, 6 + index % 15);
            out.add(new Training(nip, "Kursus Daring Analisis Data Spasial", "NKL01", "Pusdiklat Kementerian PUPR", start, start.plusDays(2),
                    16, "PUPR-DL/" + year + "/" + nip.substring(12), List.of("M.4"), null, 0, true));
        }
        if (rnd.nextInt(100) < 60) {
            out.add(record(rnd, year - 1, nip, n++, "Pelatihan Teknis Tahun Sebelumnya", "KL02", "BPSDM Provinsi Papua Barat", 20 + rnd.nextInt(10), comps, 3_000_000));
        }
        if (post.managerial() && rnd.nextInt(100) < 60) {
            out.add(leadership(nip, post.requiredLeadershipTraining(), year - 3 - rnd.nextInt(6), index));
        }
        return out;
    }

    private static Training record(Random rnd, int year, String nip, int n, String title, String method, String organizer,
            int jp, String[] comps, long cost) {
        LocalDate start = LocalDate.of(year, 2 + rnd.nextInt(9), 1 + rnd.nextInt(24));
        int days = method.startsWith("KL") ? Math.max(1, jp / 8) : 1;
        List<String> codes = List.of(comps[rnd.nextInt(comps.length)]);
        return new Training(nip, title, method, organizer, start, start.plusDays(days - 1), jp,
                "DEMO-" + year + "-" + nip.substring(8, 18) + "-" + n, codes, null, cost, false);
    }

    private static int roll(Random rnd, int first, int second) {
        int r = rnd.nextInt(100);
        return r < first ? 0 : r < first + second ? 1 : 2;
    }

    private static String pick(Random rnd, String... options) {
        return options[rnd.nextInt(options.length)];
    }

    private static String serial(String stem, Set<String> taken) {
        for (int s = 1; s <= 999; s++) {
            String nip = stem + String.format("%03d", s);
            if (taken.add(nip)) {
                return nip;
            }
        }
        throw new IllegalStateException("no serial left for " + stem);
    }

    static JsonNode read(String resource) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return DemoApi.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
