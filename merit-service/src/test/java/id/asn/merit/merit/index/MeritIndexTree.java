package id.asn.merit.merit.index;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.merit.testing.MeritFixtures;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * A fresh instansi for one test: root unit R with a child unit A, 8 active employees, managerial and other posts,
 * and the facts the four measured indicators count, plus people and posts that must not count (a retired employee,
 * an inactive position, a pending training, an instansi next door). Expected, as of today:
 * <ul>
 * <li>JP of last year met: 4 of 8 (50.0 %) → 3;</li>
 * <li>assessed within 3 years: 3 of 8 (37.5 %) → 2 (one exactly 3 years ago counts, one a day earlier does not);</li>
 * <li>active positions with their own standard: 6 of 7 (85.7 %) → 4;</li>
 * <li>filled managerial posts with the required leadership training: 1 of 4 (25.0 %) → 2, 1 vacant.</li>
 * </ul>
 */
final class MeritIndexTree {
    static final String PATH = "/api/v1/merit-index-assessments";
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final AtomicInteger SEQ = new AtomicInteger();

    final String root;
    final String child;
    final int year = LocalDate.now(JAKARTA).getYear();
    final List<String> nips = new ArrayList<>();

    private MeritIndexTree(String root) {
        this.root = root;
        this.child = root + "-A";
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    static String freshCode(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + SEQ.incrementAndGet();
    }

    /** Just the root unit (for tests that need an assessment but not its numbers). */
    static MeritIndexTree unitOnly(MeritFixtures f, String prefix) {
        MeritIndexTree t = new MeritIndexTree(freshCode(prefix));
        f.unit(t.root, null, t.root);
        return t;
    }

    static MeritIndexTree build(MeritFixtures f) {
        MeritIndexTree t = new MeritIndexTree(freshCode("MIX"));
        String r = t.root;
        String a = t.child;
        String rPath = r;
        String aPath = r + "/" + a;
        f.unit(r, null, rPath);
        f.unit(a, r, aPath);
        LocalDate today = LocalDate.now(JAKARTA);
        int last = t.year - 1;

        f.position(r + "-M1", r, "PENGAWAS", "III/c", null, null);
        f.position(r + "-M2", r, "ADMINISTRATOR", "III/d", null, null);
        f.position(r + "-M3", r, "JPT_PRATAMA", "IV/c", null, "PKN_II");
        f.position(r + "-M4", a, "PENGAWAS", "III/c", null, null);
        f.position(r + "-M5", a, "ADMINISTRATOR", "III/d", null, null);
        f.position(r + "-F1", a, "FUNGSIONAL", "III/a", null, null);
        f.position(r + "-F2", a, "PELAKSANA", "II/a", null, null);
        f.position(r + "-F3", a, "FUNGSIONAL", "III/a", null, null);
        f.exec("update position_replica set status = 'INACTIVE' where code = ?", r + "-F3");
        for (String p : List.of("M1", "M2", "M3", "M5", "F1", "F2", "F3")) {
            standard(f, r + "-" + p);
        }

        String[] posts = {"M1", "M2", "M3", "M5", "F1", "F2", "F1", "F2"};
        for (int i = 0; i < posts.length; i++) {
            LocalDate birth = LocalDate.of(1975 + i, 3, 1 + i);
            String nip = MeritFixtures.nip(birth, i % 2 == 0 ? "M" : "F");
            boolean inRoot = posts[i].startsWith("M") && !posts[i].equals("M5");
            f.employee(nip, "Pegawai " + (i + 1), i % 2 == 0 ? "M" : "F", birth, "III/c", LocalDate.of(2020, 4, 1), "S1",
                    r + "-" + posts[i], posts[i].startsWith("M") ? typeOf(posts[i]) : "FUNGSIONAL", inRoot ? r : a, inRoot ? rPath : aPath);
            t.nips.add(nip);
        }
        List<String> e = t.nips;
        // JP of last year: e1, e2, e3 and e6 met; e4 short; e5 only this year's
        f.jp(e.get(0), last, 20, 20);
        f.jp(e.get(1), last, 24, 20);
        f.jp(e.get(2), last, 40, 20);
        f.jp(e.get(5), last, 25, 20);
        f.jp(e.get(3), last, 12, 20);
        f.jp(e.get(4), t.year, 30, 20);
        // assessments: e1 a year ago, e2 exactly 3 years ago, e5 ten days ago; e3 one day too early
        f.assessment(e.get(0), today.minusYears(1));
        f.assessment(e.get(1), today.minusYears(3));
        f.assessment(e.get(4), today.minusDays(10));
        f.assessment(e.get(2), today.minusYears(3).minusDays(1));
        // leadership: M1 (needs PKP) only a pending PKP; M2 (needs PKA) a verified PKP, too low; M3 (needs PKN_II) a verified
        // PKN_I, higher, counts; M5 (needs PKA) nothing; M4 vacant
        f.exec("""
                insert into training_record_replica (record_id, nip, year, method_code, title, end_date, jp, recognised_jp, status,
                                                     leadership_level, source_version, event_id)
                values (?, ?, ?, 'KL01', 'PKP', ?, 830, 0, 'PENDING', 'PKP', 1, 'fixture')""",
                UUID.randomUUID().toString(), e.get(0), last, LocalDate.of(last, 9, 1));
        f.verifiedTraining(e.get(1), last, 830, "PKP");
        f.verifiedTraining(e.get(2), last - 3, 500, "PKN_I");

        // must not count: a retired employee of the subtree with everything; the instansi next door
        String retired = MeritFixtures.nip(LocalDate.of(1965, 1, 1), "M");
        f.employee(retired, "Pensiunan", "M", LocalDate.of(1965, 1, 1), "IV/a", LocalDate.of(2015, 4, 1), "S2", r + "-M4", "PENGAWAS", a, aPath);
        f.status(retired, "RETIRED");
        f.jp(retired, last, 40, 20);
        f.assessment(retired, today.minusMonths(1));
        f.verifiedTraining(retired, last, 830, "PKP");
        String other = r + "X";
        f.unit(other, null, other);
        f.position(other + "-M1", other, "PENGAWAS", "III/c", null, null);
        standard(f, other + "-M1");
        String neighbour = MeritFixtures.nip(LocalDate.of(1980, 5, 5), "F");
        f.employee(neighbour, "Tetangga", "F", LocalDate.of(1980, 5, 5), "III/c", LocalDate.of(2020, 4, 1), "S1", other + "-M1", "PENGAWAS",
                other, other);
        f.jp(neighbour, last, 40, 20);
        f.assessment(neighbour, today.minusMonths(1));
        f.verifiedTraining(neighbour, last, 830, "PKP");
        return t;
    }

    private static String typeOf(String post) {
        return switch (post) {
            case "M1", "M4" -> "PENGAWAS";
            case "M3" -> "JPT_PRATAMA";
            default -> "ADMINISTRATOR";
        };
    }

    static void standard(MeritFixtures f, String positionCode) {
        f.exec("""
                insert into position_standard (position_code, version, effective_from, event_id, event_at) values (?, 1, ?, 'fixture', now())
                on conflict (position_code) do nothing""", positionCode, LocalDate.of(2024, 1, 1));
    }

    /** Opens the assessment of the root for this year; answers its id. */
    String open(String role) {
        return as(role).body("{\"year\":" + year + ",\"orgUnitCode\":\"" + root + "\"}").post(PATH).then().statusCode(201)
                .extract().path("id");
    }
}
