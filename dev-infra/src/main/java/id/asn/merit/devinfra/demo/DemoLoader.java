package id.asn.merit.devinfra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.asn.merit.devinfra.demo.DemoApi.DemoException;
import id.asn.merit.devinfra.demo.DemoApi.Reply;
import id.asn.merit.devinfra.demo.DemoData.Organisation;
import id.asn.merit.devinfra.demo.DemoData.Person;
import id.asn.merit.devinfra.demo.DemoData.Post;
import id.asn.merit.devinfra.demo.DemoData.Training;
import id.asn.merit.devinfra.demo.DemoData.Unit;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code ./suite demo} (and {@code ./suite up --demo}): loads the Dinas PMPTSP Kota Sorong of the seed study and an
 * invented second unit through the gateway's public API, as an integrator would, with an ADMIN token from the local
 * key pair. It looks before it creates (GET, then POST/PUT; imports with an Idempotency-Key made from their content),
 * so a second run creates nothing and says so. It waits for what is asynchronous (imports, and the events that reach
 * competency-, training- and merit-service) by polling the read side with a deadline, then prints the tour.
 */
public final class DemoLoader {
    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final String ASSESSOR = "UPT Penilaian Kompetensi BKPSDM Kota Sorong (data demo)";

    /** What one run did: per kind, how many were created and how many were there already. */
    public record Result(int year, Map<String, Integer> created, Map<String, Integer> existing, String meritIndexId,
                         String pmptspPlanId, String secondPlanId, long calls) {
        public int totalCreated() {
            return created.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final DemoApi api;
    private final int year;
    private final PrintStream out;
    private final Duration wait;
    private final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> existing = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> standards = new ConcurrentHashMap<>();

    public DemoLoader(String gatewayUrl, Path keyDir, int year, PrintStream out, Duration wait) {
        this.api = new DemoApi(gatewayUrl, keyDir);
        this.year = year;
        this.out = out;
        this.wait = wait;
    }

    /** The demo year: ASN_DEMO_YEAR or -Dasn.demo.year, else the last calendar year (Asia/Jakarta). */
    public static int demoYear() {
        String value = System.getProperty("asn.demo.year", System.getenv("ASN_DEMO_YEAR"));
        if (value != null && !value.isBlank()) {
            return Integer.parseInt(value.trim());
        }
        return LocalDate.now(JAKARTA).getYear() - 1;
    }

    /** {@code java ... DemoLoader GATEWAY_URL KEY_DIR [YEAR]} */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: DemoLoader GATEWAY_URL KEY_DIR [YEAR]");
            System.exit(2);
        }
        int year = args.length > 2 ? Integer.parseInt(args[2]) : demoYear();
        try {
            new DemoLoader(args[0], Path.of(args[1]), year, System.out, Duration.ofMinutes(5)).run();
        } catch (DemoException e) {
            System.err.println("[demo] failed: " + e.getMessage());
            System.exit(1);
        }
    }

    public Result run() {
        long started = System.nanoTime();
        say("loading the demo (year " + year + ") through " + api.base());
        Organisation pmptsp = DemoData.pmptsp(year);
        Set<String> taken = new HashSet<>();
        pmptsp.people().forEach(p -> taken.add(p.nip()));
        Organisation second = DemoData.second(year, taken);

        step("org units", () -> {
            pmptsp.units().forEach(this::ensureUnit);
            second.units().forEach(this::ensureUnit);
        });
        step("positions", () -> {
            pmptsp.posts().forEach(this::ensurePosition);
            second.posts().forEach(this::ensurePosition);
        });
        step("competencies and standards", () -> {
            DemoData.competencies().forEach(c -> ensureCompetency(c.code(), c.body()));
            Map<String, Integer> teknis = DemoData.teknisLevelByType();
            parallel(pmptsp.posts(), p -> ensurePmptspStandard(p, teknis));
        });
        step("employees", () -> {
            ensureEmployees(DemoData.PMPTSP, pmptsp.people());
            ensureEmployees(DemoData.SECOND, second.people());
        });
        List<Person> everyone = new ArrayList<>(pmptsp.people());
        everyone.addAll(second.people());
        step("SKP ratings and disciplinary records", () -> parallel(everyone, p -> {
            ensureRatings(p);
            ensureDiscipline(p);
        }));
        step("assessments", () -> {
            awaitCount("competency-service to know the employees of " + DemoData.PMPTSP,
                    () -> total(api.get("/api/v1/competency-gaps?orgUnit=" + DemoData.PMPTSP + "&subtree=true&size=1")), pmptsp.people().size());
            awaitCount("competency-service to know the employees of " + DemoData.SECOND,
                    () -> total(api.get("/api/v1/competency-gaps?orgUnit=" + DemoData.SECOND + "&subtree=true&size=1")), second.people().size());
            parallel(everyone, this::ensureAssessment);
        });
        step("training records", () -> {
            awaitCount("training-service to know the employees", () -> jpEmployees(DemoData.ROOT), everyone.size());
            ensureTraining(everyone);
        });
        step("potential tests", () -> parallel(second.people(), this::ensurePotentialTest));
        step("merit profiles", () -> {
            awaitCount("merit-service to profile " + DemoData.PMPTSP, () -> profiles(DemoData.PMPTSP), pmptsp.people().size());
            awaitCount("merit-service to profile " + DemoData.SECOND, () -> profiles(DemoData.SECOND), second.people().size());
            awaitSettled(DemoData.SECOND, second.people().size());
        });
        String[] plans = new String[2];
        step("development plans", () -> {
            plans[0] = ensurePlan(DemoData.PMPTSP, year + 1,
                    "Rencana Pengembangan Kompetensi Dinas PMPTSP Kota Sorong " + (year + 1) + " (data demo)", false);
            plans[1] = ensurePlan(DemoData.SECOND, year,
                    "Rencana Pengembangan Kompetensi Dinas PUPR Kota Sorong " + year + " (data demo)", true);
        });
        String[] index = new String[1];
        step("merit index self-assessment", () -> index[0] = ensureMeritIndex());

        Map<String, Integer> c = new TreeMap<>();
        created.forEach((k, v) -> c.put(k, v.get()));
        Map<String, Integer> e = new TreeMap<>();
        existing.forEach((k, v) -> e.put(k, v.get()));
        Result result = new Result(year, c, e, index[0], plans[0], plans[1], api.calls());
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        if (result.totalCreated() == 0) {
            say("nothing new: the demo was already loaded (" + e + "); " + api.calls() + " calls, " + seconds + " s");
        } else {
            say("created " + c + "; already there " + e + "; " + api.calls() + " calls, " + seconds + " s");
        }
        printTour(result, pmptsp);
        return result;
    }

    // ------------------------------------------------------------------ organisation

    void ensureUnit(Unit u) {
        Reply r = api.get("/api/v1/org-units/" + u.code());
        if (r.status() == 200) {
            existing("org unit");
            return;
        }
        r.expect("GET org unit " + u.code(), 404);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", u.code());
        body.put("name", u.name());
        if (u.parentCode() != null) {
            body.put("parentCode", u.parentCode());
        }
        api.post("/api/v1/org-units", body, key("unit", u.code())).expect("create org unit " + u.code(), 201, 200);
        created("org unit");
    }

    void ensurePosition(Post p) {
        Reply r = api.get("/api/v1/positions/" + p.code());
        if (r.status() == 200) {
            existing("position");
            return;
        }
        r.expect("GET position " + p.code(), 404);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", p.code());
        body.put("title", p.title());
        body.put("orgUnitCode", p.orgUnitCode());
        body.put("type", p.type());
        if (p.functionalLevel() != null) {
            body.put("functionalLevel", p.functionalLevel());
        }
        body.put("grade", p.grade());
        if (p.minRank() != null) {
            body.put("minRank", p.minRank());
        }
        if (p.minEducationLevel() != null) {
            body.put("minEducationLevel", p.minEducationLevel());
        }
        if (p.requiredLeadershipTraining() != null) {
            body.put("requiredLeadershipTraining", p.requiredLeadershipTraining());
        }
        api.post("/api/v1/positions", body, key("position", p.code())).expect("create position " + p.code(), 201, 200);
        created("position");
    }

    void ensureCompetency(String code, JsonNode body) {
        Reply r = api.get("/api/v1/competencies/" + code);
        if (r.status() == 200) {
            existing("competency");
            return;
        }
        r.expect("GET competency " + code, 404);
        api.post("/api/v1/competencies", body, key("competency", code)).expect("create competency " + code, 201, 200);
        created("competency");
    }

    /**
     * The default template of the post's type plus the two TEKNIS competencies of the demo, as the post's own standard.
     * A template is a rule ({@code requiredLevel}, overrides per competency, one importance) over every MANAJERIAL and
     * SOSIAL_KULTURAL competency of the dictionary; the items are made from it as competency-service makes them.
     */
    void ensurePmptspStandard(Post p, Map<String, Integer> teknis) {
        JsonNode template = api.get("/api/v1/competency-standards/templates/" + p.type()).expect("template " + p.type(), 200).json();
        List<Map<String, Object>> items = new ArrayList<>();
        for (String code : templatedCompetencies()) {
            int level = template.path("levelByCompetency").path(code).asInt(template.path("requiredLevel").asInt());
            String importance = template.path("importanceByCompetency").path(code).asText(template.path("importance").asText());
            items.add(Map.of("competencyCode", code, "requiredLevel", level, "importance", importance));
        }
        int level = teknis.getOrDefault(p.type(), 2);
        for (var c : DemoData.competencies()) {
            items.add(Map.of("competencyCode", c.code(), "requiredLevel", level, "importance", "PENTING"));
        }
        Reply current = until("competency-service to know position " + p.code(), () -> api.get("/api/v1/competency-standards/" + p.code()),
                rr -> rr.status() == 200);
        if ("OWN".equals(current.json().path("source").asText()) && sameItems(current.json().path("items"), items)) {
            existing("competency standard");
            return;
        }
        Map<String, Object> body = Map.of("effectiveFrom", LocalDate.of(year - 1, 1, 1).toString(), "items", items);
        until("competency-service to accept the standard of " + p.code(),
                () -> api.put("/api/v1/competency-standards/" + p.code(), body, null), rr -> rr.status() != 422)
                .expect("standard of " + p.code(), 200, 201);
        created("competency standard");
    }

    private List<String> templated;

    /** The MANAJERIAL and SOSIAL_KULTURAL competencies in use (M.1–M.8 and SK.1 as seeded), in the dictionary's order. */
    synchronized List<String> templatedCompetencies() {
        if (templated == null) {
            List<String> codes = new ArrayList<>();
            for (String group : List.of("MANAJERIAL", "SOSIAL_KULTURAL")) {
                api.get("/api/v1/competencies?group=" + group + "&size=500").expect("competencies " + group, 200)
                        .json().path("items").forEach(c -> codes.add(c.path("code").asText()));
            }
            templated = codes;
        }
        return templated;
    }

    private static boolean sameItems(JsonNode have, List<Map<String, Object>> want) {
        if (have.size() != want.size()) {
            return false;
        }
        Set<String> a = new HashSet<>();
        have.forEach(i -> a.add(i.path("competencyCode").asText() + ":" + i.path("requiredLevel").asInt() + ":" + i.path("importance").asText()));
        Set<String> b = new HashSet<>();
        want.forEach(i -> b.add(i.get("competencyCode") + ":" + i.get("requiredLevel") + ":" + i.get("importance")));
        return a.equals(b);
    }

    // ------------------------------------------------------------------ people

    void ensureEmployees(String unit, List<Person> people) {
        Set<String> known = new HashSet<>();
        for (int page = 0; ; page++) {
            Reply r = api.get("/api/v1/employees?orgUnit=" + unit + "&subtree=true&size=500&page=" + page).expect("list employees of " + unit, 200);
            r.json().path("items").forEach(e -> known.add(e.path("nip").asText()));
            if (r.json().path("items").size() < 500) {
                break;
            }
        }
        ArrayNode rows = DemoApi.JSON.createArrayNode();
        for (Person p : people) {
            if (known.contains(p.nip())) {
                existing("employee");
                continue;
            }
            ObjectNode row = rows.addObject();
            row.put("nip", p.nip());
            row.put("name", p.name());
            row.put("gender", p.gender());
            row.put("birthDate", p.birthDate().toString());
            row.put("employmentType", p.employmentType());
            row.put("rank", p.rank());
            row.put("positionCode", p.positionCode());
            row.put("orgUnitCode", p.orgUnitCode());
            row.put("educationLevel", p.educationLevel());
            row.put("educationField", p.educationField());
            if (p.tmtCpns() != null) {
                row.put("tmtCpns", p.tmtCpns().toString());
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        JsonNode job = runImport("/api/v1/employee-imports", rows, "employees of " + unit);
        int made = job.path("created").asInt() + job.path("updated").asInt();
        created.computeIfAbsent("employee", k -> new AtomicInteger()).addAndGet(made);
    }

    /** Starts an import (JSON) with a key made from its content and waits until it is COMPLETED; a failed row fails the demo. */
    JsonNode runImport(String path, ArrayNode rows, String what) {
        String body = rows.toString();
        Reply started = api.post(path, body, key("import", body)).expect("import " + what, 202, 200, 201);
        String location = started.header("Location");
        String jobPath = location != null ? location.replaceFirst("^https?://[^/]+", "")
                : path + "/" + started.json().path("id").asText();
        Reply job = until("import of " + what + " to complete", () -> api.get(jobPath),
                rr -> rr.ok() && Set.of("COMPLETED", "FAILED").contains(rr.json().path("status").asText()));
        JsonNode j = job.json();
        if (!"COMPLETED".equals(j.path("status").asText()) || j.path("failed").asInt() > 0) {
            throw new DemoException("import of " + what + " ended " + j.path("status").asText() + " with "
                    + j.path("failed").asInt() + " failed rows: " + DemoApi.abbreviate(j.path("errors").toString()));
        }
        say("  imported " + what + ": " + j.path("total").asInt() + " rows, " + j.path("created").asInt() + " created");
        return j;
    }

    void ensureRatings(Person p) {
        Reply r = api.get("/api/v1/employees/" + p.nip() + "/performance-ratings?size=100").expect("ratings of " + p.nip(), 200);
        Set<String> have = new HashSet<>();
        JsonNode items = r.json().isArray() ? r.json() : r.json().path("items");
        items.forEach(i -> have.add(i.path("year").asInt() + "/" + i.path("period").asText()));
        for (DemoData.Rating rating : p.ratings()) {
            if (have.contains(rating.year() + "/ANNUAL")) {
                existing("SKP rating");
                continue;
            }
            api.post("/api/v1/employees/" + p.nip() + "/performance-ratings", Map.of("year", rating.year(), "period", "ANNUAL",
                    "workResult", rating.workResult(), "workBehaviour", rating.workBehaviour()), key("rating", p.nip() + rating.year()))
                    .expect("SKP rating of " + p.nip(), 201, 200);
            created("SKP rating");
        }
    }

    void ensureDiscipline(Person p) {
        if (p.disciplineLevel() == null) {
            return;
        }
        Reply r = api.get("/api/v1/employees/" + p.nip() + "/disciplinary-records").expect("disciplinary records of " + p.nip(), 200);
        JsonNode items = r.json().isArray() ? r.json() : r.json().path("items");
        if (items.size() > 0) {
            existing("disciplinary record");
            return;
        }
        api.post("/api/v1/employees/" + p.nip() + "/disciplinary-records", Map.of("level", p.disciplineLevel(),
                        "decidedOn", LocalDate.of(year, 3, 14).toString(), "description", "Contoh hukuman disiplin (data demo)"),
                key("discipline", p.nip())).expect("disciplinary record of " + p.nip(), 201, 200);
        created("disciplinary record");
    }

    List<JsonNode> standardOf(String positionCode) {
        return standards.computeIfAbsent(positionCode, code -> {
            Reply r = until("the standard of " + code, () -> api.get("/api/v1/competency-standards/" + code), rr -> rr.status() == 200);
            List<JsonNode> items = new ArrayList<>();
            r.json().path("items").forEach(items::add);
            return items;
        });
    }

    void ensureAssessment(Person p) {
        if (p.assessmentFactor() == null) {
            return;
        }
        Reply r = api.get("/api/v1/assessments?nip=" + p.nip() + "&size=1").expect("assessments of " + p.nip(), 200);
        if (total(r) > 0) {
            existing("assessment");
            return;
        }
        List<JsonNode> items = standardOf(p.positionCode());
        boolean pmptsp = p.orgUnitCode().startsWith(DemoData.PMPTSP);
        int covered = Math.max(1, (int) Math.round(items.size() * p.assessedShare()));
        List<Map<String, Object>> scores = new ArrayList<>();
        int h = Math.abs(p.nip().hashCode());
        for (int i = 0; i < covered; i++) {
            JsonNode item = items.get(i);
            String code = item.path("competencyCode").asText();
            double level;
            if (pmptsp) {
                // assessmentFactor is the person's level; TEKNIS lower (the study: short of technical training)
                double jitter = ((h >> i) % 7 - 3) / 10.0;
                level = p.assessmentFactor() + jitter - (code.startsWith("PTSP") ? 0.8 : 0);
            } else {
                level = item.path("requiredLevel").asInt() * p.assessmentFactor() + (((h >> i) % 3) - 1) / 10.0;
            }
            level = Math.max(1.0, Math.min(5.0, level));
            scores.add(Map.of("competencyCode", code, "level", BigDecimal.valueOf(level).setScale(1, RoundingMode.HALF_UP)));
        }
        boolean managerial = items.size() > 0 && p.positionCode().matches(".*-(KADIS|SEKDIS|KABID|KASIE|KASUBAG).*");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nip", p.nip());
        body.put("assessedOn", p.assessedOn().toString());
        body.put("method", managerial ? "ASSESSMENT_CENTER" : "UJI_KOMPETENSI");
        body.put("purpose", "MAPPING");
        body.put("assessor", ASSESSOR);
        body.put("scores", scores);
        until("competency-service to accept the assessment of " + p.nip(),
                () -> api.post("/api/v1/assessments", body, key("assessment", p.nip())), rr -> rr.status() != 422)
                .expect("assessment of " + p.nip(), 201, 200);
        created("assessment");
    }

    /**
     * The training records of everyone: looked up per person first (by certificate number, which with the NIP and the
     * organizer is what makes a record a duplicate); the missing verified ones go in one import, the missing
     * self-submitted ones are posted with the person's own EMPLOYEE token (PENDING).
     */
    void ensureTraining(List<Person> people) {
        Set<String> have = ConcurrentHashMap.newKeySet();
        parallel(people.stream().filter(p -> !p.trainings().isEmpty()).toList(), p -> {
            Reply r = api.get("/api/v1/training-records?nip=" + p.nip() + "&size=500").expect("training records of " + p.nip(), 200);
            r.json().path("items").forEach(t -> have.add(p.nip() + "/" + t.path("certificateNumber").asText()));
        });
        ArrayNode rows = DemoApi.JSON.createArrayNode();
        List<Training> pending = new ArrayList<>();
        for (Person p : people) {
            for (Training t : p.trainings()) {
                if (have.contains(t.nip() + "/" + t.certificateNumber())) {
                    existing("training record");
                    continue;
                }
                if (t.pending()) {
                    pending.add(t);
                    continue;
                }
                ObjectNode row = rows.addObject();
                row.put("nip", t.nip());
                row.put("title", t.title());
                row.put("methodCode", t.methodCode());
                row.put("organizer", t.organizer());
                row.put("startDate", t.startDate().toString());
                row.put("endDate", t.endDate().toString());
                row.put("jp", BigDecimal.valueOf(t.jp()));
                row.put("certificateNumber", t.certificateNumber());
                ArrayNode codes = row.putArray("competencyCodes");
                t.competencyCodes().forEach(codes::add);
                if (t.leadershipLevel() != null) {
                    row.put("leadershipLevel", t.leadershipLevel());
                }
                if (t.cost() > 0) {
                    row.put("cost", t.cost());
                }
                row.put("status", "VERIFIED");
            }
        }
        if (!rows.isEmpty()) {
            JsonNode job = runImport("/api/v1/training-imports", rows, "training records");
            created.computeIfAbsent("training record", k -> new AtomicInteger()).addAndGet(job.path("created").asInt());
        }
        parallel(pending, t -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("nip", t.nip());
            body.put("title", t.title());
            body.put("methodCode", t.methodCode());
            body.put("organizer", t.organizer());
            body.put("startDate", t.startDate().toString());
            body.put("endDate", t.endDate().toString());
            body.put("jp", BigDecimal.valueOf(t.jp()));
            body.put("certificateNumber", t.certificateNumber());
            body.put("competencyCodes", t.competencyCodes());
            Reply r = api.postAs("EMPLOYEE", t.nip(), "/api/v1/training-records", body);
            if (r.status() == 409) {
                existing("training record");
            } else {
                r.expect("self-submitted training record of " + t.nip(), 201, 200);
                created("training record");
            }
        });
    }

    void ensurePotentialTest(Person p) {
        if (p.potentialTest() == null) {
            return;
        }
        Reply r = api.get("/api/v1/merit-profiles/" + p.nip() + "/potential-tests").expect("potential tests of " + p.nip(), 200);
        for (JsonNode t : r.json().path("items")) {
            if (t.path("year").asInt() == year) {
                existing("potential test");
                return;
            }
        }
        Map<String, Object> body = Map.of("year", year, "score", BigDecimal.valueOf(p.potentialTest()),
                "instrument", "Tes Potensi Kepemimpinan (data demo)", "assessedOn", LocalDate.of(year, 6, 10).toString());
        until("merit-service to accept the potential test of " + p.nip(),
                () -> api.post("/api/v1/merit-profiles/" + p.nip() + "/potential-tests", body, key("potential", p.nip() + year)),
                rr -> rr.status() != 404 && rr.status() != 422).expect("potential test of " + p.nip(), 201, 200);
        created("potential test");
    }

    // ------------------------------------------------------------------ plans and the merit index

    /**
     * A plan for the unit and year: created, its items generated from the gaps, a budget put on each item (rupiah per
     * JP per person by pathway), then approved. An existing plan of the unit and year is left as it is.
     */
    String ensurePlan(String unit, int planYear, String title, boolean approve) {
        Reply list = api.get("/api/v1/development-plans?year=" + planYear + "&orgUnit=" + unit).expect("plans of " + unit, 200);
        if (list.json().path("items").size() > 0) {
            existing("development plan");
            return list.json().path("items").get(0).path("id").asText();
        }
        Reply made = api.post("/api/v1/development-plans", Map.of("year", planYear, "orgUnitCode", unit, "title", title),
                key("plan", unit + planYear)).expect("create plan of " + unit, 201, 200);
        String id = made.json().path("id").asText();
        String etag = made.header("ETag");
        // the items come from training-service's copy of the gaps (gap-changed events): wait until competency-service
        // has no gap queued, then generate again until two rounds in a row propose the same items
        int needsYear = Math.max(planYear, LocalDate.now(JAKARTA).getYear());
        until("competency-service to finish the gaps of " + unit,
                () -> api.get("/api/v1/development-needs?orgUnit=" + unit + "&year=" + needsYear + "&size=1"),
                rr -> rr.ok() && rr.json().path("pendingRefresh").asInt() == 0);
        Reply generated = null;
        String previous = null;
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            generated = api.send("POST", "/api/v1/development-plans/" + id + "/items:generate", null, null, "ADMIN", null,
                    "application/json", etag).expect("generate the items of the plan of " + unit, 200);
            etag = generated.header("ETag");
            StringBuilder shape = new StringBuilder();
            generated.json().path("items").forEach(i -> shape.append(i.path("competencyCode").asText()).append('/')
                    .append(i.path("methodCode").asText()).append('/').append(i.path("targetNips").size()).append(' '));
            if (shape.toString().equals(previous) || System.nanoTime() > deadline) {
                break;
            }
            previous = shape.toString();
            DemoApi.pause(Duration.ofSeconds(2));
        }
        for (JsonNode item : generated.json().path("items")) {
            int people = item.path("targetNips").size();
            BigDecimal jp = new BigDecimal(item.path("plannedJp").asText());
            long perJp = item.path("methodCode").asText().startsWith("NKL") ? 25_000 : 150_000;
            long budget = jp.multiply(BigDecimal.valueOf(people * perJp)).setScale(0, RoundingMode.HALF_UP).longValueExact();
            ObjectNode body = DemoApi.JSON.createObjectNode();
            body.put("competencyCode", item.path("competencyCode").asText());
            body.put("methodCode", item.path("methodCode").asText());
            body.set("targetNips", item.path("targetNips"));
            body.set("plannedJp", item.path("plannedJp"));
            body.put("budget", budget);
            body.set("schedule", item.path("schedule"));
            Reply put = api.put("/api/v1/development-plans/" + id + "/items/" + item.path("id").asText(), body, etag)
                    .expect("budget of an item of the plan of " + unit, 200);
            etag = put.header("ETag");
        }
        if (approve) {
            api.send("POST", "/api/v1/development-plans/" + id + "/approval", null, null, "ADMIN", null, "application/json", etag)
                    .expect("approve the plan of " + unit, 200);
        }
        say("  plan of " + unit + " " + planYear + ": " + generated.json().path("items").size() + " items" + (approve ? ", approved" : ", draft"));
        created("development plan");
        return id;
    }

    String ensureMeritIndex() {
        Reply list = api.get("/api/v1/merit-index-assessments?year=" + year + "&orgUnitCode=" + DemoData.ROOT).expect("merit index assessments", 200);
        if (list.json().path("items").size() > 0) {
            existing("merit index assessment");
            return list.json().path("items").get(0).path("id").asText();
        }
        Reply made = api.post("/api/v1/merit-index-assessments", Map.of("year", year, "orgUnitCode", DemoData.ROOT),
                key("merit-index", DemoData.ROOT + year)).expect("open the merit index self-assessment", 201, 200);
        created("merit index assessment");
        return made.json().path("id").asText();
    }

    // ------------------------------------------------------------------ waiting for the read side

    int jpEmployees(String unit) {
        Reply r = api.get("/api/v1/jp-compliance?year=" + year + "&orgUnit=" + unit + "&subtree=true&size=1");
        return r.ok() ? r.json().path("summary").path("employees").asInt() : -1;
    }

    int profiles(String unit) {
        Reply r = api.get("/api/v1/merit-profiles?orgUnit=" + unit + "&subtree=true&year=" + year + "&size=1");
        return r.ok() ? total(r) : -1;
    }

    /** Waits until the 9-box of the unit holds everyone and stays the same for a few polls (the events have been applied). */
    void awaitSettled(String unit, int people) {
        String last = null;
        int same = 0;
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Reply r = api.get("/api/v1/nine-box?year=" + year + "&orgUnit=" + unit + "&subtree=true");
            if (r.ok()) {
                StringBuilder counts = new StringBuilder();
                int sum = 0;
                for (JsonNode b : r.json().path("boxes")) {
                    counts.append(b.path("count").asInt()).append(' ');
                    sum += b.path("count").asInt();
                }
                String now = counts.toString();
                same = now.equals(last) && sum == people ? same + 1 : 0;
                last = now;
                if (same >= 3) {
                    say("  9-box of " + unit + " settled: " + now.trim());
                    return;
                }
            }
            DemoApi.pause(Duration.ofSeconds(1));
        }
        throw new DemoException("the 9-box of " + unit + " did not settle within " + wait.toSeconds() + " s (last counts " + last + ")");
    }

    void awaitCount(String what, Supplier<Integer> count, int wanted) {
        long deadline = System.nanoTime() + wait.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = count.get();
            if (last >= wanted) {
                return;
            }
            DemoApi.pause(Duration.ofMillis(500));
        }
        throw new DemoException("waited " + wait.toSeconds() + " s for " + what + ": " + last + " of " + wanted);
    }

    Reply until(String what, Supplier<Reply> call, java.util.function.Predicate<Reply> done) {
        long deadline = System.nanoTime() + wait.toNanos();
        Reply r = call.get();
        while (!done.test(r)) {
            if (System.nanoTime() > deadline) {
                throw new DemoException("waited " + wait.toSeconds() + " s for " + what + ": HTTP " + r.status() + " " + DemoApi.abbreviate(r.text()));
            }
            DemoApi.pause(Duration.ofMillis(500));
            r = call.get();
        }
        return r;
    }

    // ------------------------------------------------------------------ the tour

    void printTour(Result r, Organisation pmptsp) {
        String gw = api.base();
        String y = Integer.toString(year);
        String profileNip = pmptsp.people().stream().filter(p -> p.positionCode().equals("PMPTSP-KASIE-DATA")).findFirst()
                .map(Person::nip).orElse(pmptsp.people().get(0).nip());
        out.println();
        out.println("  The tour (paste into a shell in this directory; add | jq for readable JSON):");
        out.println();
        tour("1. JP compliance of Dinas PMPTSP in " + y + ": 23 employees, 0 met 20 JP (percentMet 0) — the study's finding",
                "curl -s -H \"Authorization: Bearer $(./suite token HR_OFFICER)\" \"" + gw + "/api/v1/jp-compliance?year=" + y
                        + "&orgUnit=PMPTSP&subtree=true&size=5\"");
        tour("2. Leadership training of its 21 managerial posts: who holds each, which training it needs, and the share held by people who have it",
                "curl -s -H \"Authorization: Bearer $(./suite token HR_OFFICER)\" \"" + gw + "/api/v1/leadership-training-compliance?orgUnit=PMPTSP&subtree=true\"");
        tour("3. Its development needs (AKPK) for " + (year + 1) + ": per competency who is below standard, per person the needs by importance",
                "curl -s -H \"Authorization: Bearer $(./suite token HR_OFFICER)\" \"" + gw + "/api/v1/development-needs?orgUnit=PMPTSP&year=" + (year + 1) + "\"");
        tour("4. The talent 9-box of the second unit (Dinas PUPR, 200 people) as a picture: open dpupr-9box.svg in a browser",
                "curl -s -H \"Authorization: Bearer $(./suite token HR_OFFICER)\" -H \"Accept: image/svg+xml\" \"" + gw
                        + "/api/v1/nine-box?year=" + y + "&orgUnit=DPUPR&subtree=true\" -o dpupr-9box.svg");
        tour("5. A promotion ranking for the Kepala Bidang Penyelenggaraan Pelayanan Perizinan post, PMPTSP candidates, each with its blockers",
                "curl -s -H \"Authorization: Bearer $(./suite token ADMIN)\" -H \"Content-Type: application/json\" -d '{\"targetPositionCode\":\"PMPTSP-KABID-PERIZINAN\",\"orgUnit\":\"PMPTSP\",\"year\":"
                        + y + "}' " + gw + "/api/v1/promotion-rankings");
        tour("6. One merit profile (Kepala Seksi Pengolahan Data): box, scores, the inputs it used and the reasons",
                "curl -s -H \"Authorization: Bearer $(./suite token HR_OFFICER)\" \"" + gw + "/api/v1/merit-profiles/" + profileNip + "?year=" + y + "\"");
        tour("7. The merit index self-assessment of Pemerintah Kota Sorong " + y + ", with the indicators the suite filled in itself (prefilled true)",
                "curl -s -H \"Authorization: Bearer $(./suite token ADMIN)\" \"" + gw + "/api/v1/merit-index-assessments/" + r.meritIndexId() + "\"");
        out.println("  The development plans: " + gw + "/api/v1/development-plans/" + r.pmptspPlanId() + " (PMPTSP, " + (year + 1)
                + ") and " + gw + "/api/v1/development-plans/" + r.secondPlanId() + "/realisation (DPUPR " + y + ", planned against realised).");
        out.println("  Where each fact comes from: docs/demo.md.");
        out.println();
    }

    private void tour(String what, String command) {
        out.println("  " + what);
        out.println("    " + command);
        out.println();
    }

    // ------------------------------------------------------------------ small things

    private void step(String name, Runnable work) {
        long t = System.nanoTime();
        Map<String, Integer> before = snapshot(created);
        work.run();
        Map<String, Integer> after = snapshot(created);
        Map<String, Integer> diff = new TreeMap<>();
        after.forEach((k, v) -> {
            int d = v - before.getOrDefault(k, 0);
            if (d > 0) {
                diff.put(k, d);
            }
        });
        say(name + ": " + (diff.isEmpty() ? "nothing new" : "created " + diff) + " (" + Duration.ofNanos(System.nanoTime() - t).toMillis() + " ms)");
    }

    private static Map<String, Integer> snapshot(Map<String, AtomicInteger> m) {
        Map<String, Integer> s = new TreeMap<>();
        m.forEach((k, v) -> s.put(k, v.get()));
        return s;
    }

    private <T> void parallel(List<T> items, Consumer<T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.accept(item)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new DemoException(e.getCause().toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DemoException("interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int total(Reply r) {
        return r.ok() ? r.json().path("total").asInt() : -1;
    }

    private void created(String kind) {
        created.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    private void existing(String kind) {
        existing.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    /** A stable Idempotency-Key: the same content always gives the same key. */
    static String key(String kind, String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((kind + "\n" + content).getBytes(StandardCharsets.UTF_8));
            return "demo-" + kind + "-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void say(String message) {
        out.println("[demo] " + message);
    }
}
