package id.asn.merit.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.asn.merit.devinfra.TestInfra;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * issue 9, the event-driven scenario on the real broker with the packaged services, read through the gateway: a person
 * registered in employee-service (education S1, a position asking for S1), rated (annual SKP of this year), assessed
 * against the position's own standard and trained (one record entered verified, one submitted by the person and
 * verified) gets a merit profile in merit-service that follows each step, with one history entry per cause naming the
 * event type; the same events delivered again change nothing; the same facts in another order (crafted CloudEvents
 * for two fresh people, sent across the topics in two orders) give the same profile; a new policy version recomputes
 * every profile and the history still holds the results of the old version.
 *
 * <p>Contract used (SYSTEM.md §3 merit-service): {@code GET /api/v1/merit-profiles/{nip}?year=},
 * {@code GET /api/v1/merit-profiles/{nip}/history?year=}, {@code GET/PUT /api/v1/merit-policies/current} (If-Match,
 * Link rel="recomputation"), {@code GET /api/v1/merit-policies/recomputations/{id}}. merit-service consumes with the
 * consumer group {@value #MERIT_GROUP}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeritEndToEndTest {
    static final String MERIT_GROUP = "merit-service";
    static final List<String> MERIT_TOPICS = List.of("asn.employee.v1", "asn.org.v1", "asn.competency.v1", "asn.training.v1");
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    static RunningSuite suite;
    static String gateway;
    static final int YEAR = LocalDate.now(JAKARTA).getYear();
    /** registered through employee-service and followed step by step */
    static final String PERSON = "199004042015031009";
    /** two people who exist only in the events this test crafts (same facts, different order) */
    static final String IN_ORDER = "199006062016031011";
    static final String OUT_OF_ORDER = "199006062016031012";
    static final String POSITION = "ME-ANALIS";

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        gateway = suite.url("gateway");
        as("HR_OFFICER").body(Map.of("code", "ME-ROOT", "name", "Pemerintah Kabupaten Merit", "level", "INSTANSI"))
                .post(gateway + "/api/v1/org-units").then().statusCode(201);
        as("HR_OFFICER").body(Map.of("code", "ME-DINAS", "name", "Badan Kepegawaian", "parentCode", "ME-ROOT"))
                .post(gateway + "/api/v1/org-units").then().statusCode(201);
        as("HR_OFFICER").body(Map.of("code", POSITION, "title", "Analis Kepegawaian", "orgUnitCode", "ME-DINAS",
                "type", "PELAKSANA", "grade", 7, "minRank", "III/a", "minEducationLevel", "S1"))
                .post(gateway + "/api/v1/positions").then().statusCode(201);
        publishStandard(POSITION, List.of(Map.of("competencyCode", "M.1", "requiredLevel", 4, "importance", "MUTLAK"),
                Map.of("competencyCode", "M.2", "requiredLevel", 4, "importance", "PENTING")));
    }

    /**
     * The position's own standard, published once competency-service knows the position (from the org events: a 422
     * until then); 201 for the first version.
     */
    static void publishStandard(String positionCode, List<Map<String, Object>> items) {
        String url = RunningSuite.get().url("gateway") + "/api/v1/competency-standards/" + positionCode;
        Map<String, Object> body = Map.of("effectiveFrom", LocalDate.of(YEAR, 1, 1).toString(), "items", items);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Response r = as("HR_OFFICER").body(body).put(url);
        while (r.statusCode() == 422 && System.nanoTime() < deadline) {
            EventsEndToEndTest.sleep();
            r = as("HR_OFFICER").body(body).put(url);
        }
        assertTrue(r.statusCode() == 201 || r.statusCode() == 200, "standard of " + positionCode + ": " + r.statusCode() + " " + r.asString());
    }

    @Test
    @Order(1)
    void theProfileFollowsEachEventAndTheHistoryNamesEachCause() throws Exception {
        as("HR_OFFICER").body(Map.of("nip", PERSON, "name", "Yosina Mandacan", "gender", "M", "birthDate", "1990-04-04",
                        "employmentType", "PNS", "rank", "III/b", "orgUnitCode", "ME-DINAS", "positionCode", POSITION,
                        "education", Map.of("level", "S1", "field", "Ilmu Administrasi Negara")))
                .post(gateway + "/api/v1/employees").then().statusCode(201);

        // SKP: ABOVE × ABOVE = SANGAT_BAIK (SYSTEM.md §6.2) → performance 100, HIGH
        as("HR_OFFICER").body(Map.of("year", YEAR, "period", "ANNUAL", "workResult", "ABOVE", "workBehaviour", "ABOVE"))
                .post(gateway + "/api/v1/employees/" + PERSON + "/performance-ratings").then().statusCode(201);
        JsonNode rated = awaitProfile(PERSON, p -> "SANGAT_BAIK".equals(p.path("performance").path("rating").asText(null)));
        assertEquals(YEAR, rated.path("performance").path("ratingYear").asInt());
        assertEquals(100.0, rated.path("performance").path("score").asDouble(), 0.001);
        assertEquals("HIGH", rated.path("performance").path("axis").asText());
        assertEquals(100.0, rated.path("potential").path("parts").path("qualification").asDouble(), 0.001,
                "education S1 meets the position's S1: " + rated);
        assertTrue(hasInput(rated, "asn.employee.performance-rated.v1"), "the SKP event is an input: " + rated.path("inputs"));
        long ratedRevision = rated.path("revision").asLong();

        // assessment against the own standard (M.1 4 of 4, M.2 3 of 4): JPM = 100 × mean(1, 0.75) = 87.5
        awaitCompetencyKnows(PERSON);
        as("ASSESSOR").body(Map.of("nip", PERSON, "assessedOn", LocalDate.now(JAKARTA).minusDays(2).toString(),
                        "method", "ASSESSMENT_CENTER", "purpose", "MAPPING", "assessor", "UPT Penilaian Kompetensi",
                        "scores", List.of(Map.of("competencyCode", "M.1", "level", 4), Map.of("competencyCode", "M.2", "level", 3))))
                .post(gateway + "/api/v1/assessments").then().statusCode(201);
        JsonNode assessed = awaitProfile(PERSON, p -> p.path("potential").path("parts").hasNonNull("competency"));
        assertEquals(87.5, assessed.path("potential").path("parts").path("competency").asDouble(), 0.01, assessed.toString());
        assertTrue(assessed.path("revision").asLong() > ratedRevision, "a new revision for the assessment");
        assertTrue(hasInput(assessed, "asn.competency.assessment-recorded.v1") || hasInput(assessed, "asn.competency.gap-changed.v1"),
                "the competency event is an input: " + assessed.path("inputs"));
        assertTrue(strings(assessed.path("potential").path("missingParts")).contains("potentialTest"), "no potential test yet");
        assertTrue(assessed.path("potential").path("reweighted").asBoolean(), "re-weighted without the potential test");
        assertTrue(assessed.path("box").isInt(), "performance and potential give a box: " + assessed);

        // training: 12 JP entered VERIFIED by an HR officer, 10 JP submitted by the person and verified → 22 of 20
        LocalDate day = LocalDate.now(JAKARTA).minusDays(6);
        if (day.getYear() != YEAR) {
            day = LocalDate.of(YEAR, 1, 1);
        }
        as("HR_OFFICER").body(TrainingEndToEndTest.recordBody(PERSON, "KL03", "Bimtek Manajemen ASN", day, "12", "VERIFIED"))
                .post(gateway + "/api/v1/training-records").then().statusCode(201);
        LocalDate later = day.plusDays(3).isAfter(LocalDate.now(JAKARTA)) ? day : day.plusDays(3);
        String pending = given().auth().oauth2(TestInfra.token("EMPLOYEE", PERSON, null)).contentType(ContentType.JSON)
                .body(TrainingEndToEndTest.recordBody(PERSON, "NKL03", "E-learning Sistem Merit", later, "10", null))
                .post(gateway + "/api/v1/training-records").then().statusCode(201).extract().path("id");
        as("HR_OFFICER").body(Map.of("decision", "VERIFIED", "reason", "sertifikat sesuai"))
                .post(gateway + "/api/v1/training-records/" + pending + "/verification").then().statusCode(200);
        JsonNode trained = awaitProfile(PERSON, p -> list(p.path("inputs")).stream().anyMatch(i -> i.path("source").asText().startsWith("asn.training."))
                && strings(p.path("reasons")).stream().anyMatch(r -> r.contains("JP " + YEAR) && r.contains("(met)")));
        assertTrue(strings(trained.path("reasons")).stream().anyMatch(r -> r.contains("JP " + YEAR) && r.contains("22")),
                "22 JP recognised: " + trained.path("reasons"));

        // the history: newest first, one entry per cause, each naming its event type. Events of the training (the
        // threshold reached, the second verification) may still come after the profile above: read the history
        // together with the profile once both agree on the newest revision
        JsonNode history = history(PERSON);
        JsonNode current = profile(PERSON);
        long settle = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (list(history.path("items")).isEmpty()
                || list(history.path("items")).get(0).path("revision").asLong() != current.path("revision").asLong()) {
            assertTrue(System.nanoTime() < settle, "the history's newest entry never matched the profile: " + current + " / " + history);
            EventsEndToEndTest.sleep();
            current = profile(PERSON);
            history = history(PERSON);
        }
        List<JsonNode> items = list(history.path("items"));
        assertEquals(history.path("total").asInt(), items.size(), "one page holds the history: " + history);
        assertTrue(items.get(0).path("revision").asLong() >= trained.path("revision").asLong(), "newest first");
        for (int i = 1; i < items.size(); i++) {
            assertTrue(items.get(i - 1).path("revision").asLong() > items.get(i).path("revision").asLong(), "newest first: " + history);
        }
        List<String> causeIds = items.stream().map(i -> i.path("cause").path("id").asText()).toList();
        assertEquals(causeIds.size(), new HashSet<>(causeIds).size(), "one entry per cause: " + causeIds);
        Set<String> types = items.stream().map(i -> i.path("cause").path("eventType").asText()).collect(Collectors.toSet());
        assertTrue(types.contains("asn.employee.performance-rated.v1"), "history causes " + types);
        assertTrue(types.contains("asn.competency.assessment-recorded.v1") || types.contains("asn.competency.gap-changed.v1"), "history causes " + types);
        assertTrue(types.contains("asn.training.verified.v1"), "history causes " + types);
        for (JsonNode item : items) {
            assertTrue(item.path("profile").isObject(), "each entry holds the profile as it was: " + item);
            assertTrue(item.path("policyVersion").isInt(), "each entry names its policy version: " + item);
        }
    }

    @Test
    @Order(2)
    void theSameEventsDeliveredAgainChangeNothing() throws Exception {
        JsonNode before = profile(PERSON);
        int historyBefore = history(PERSON).path("total").asInt();
        List<ConsumerRecord<String, String>> records = recordsOf(PERSON, List.of("asn.employee.v1", "asn.competency.v1", "asn.training.v1"));
        Set<String> types = records.stream().map(r -> header(r, "ce_type")).collect(Collectors.toSet());
        assertTrue(types.contains("asn.employee.performance-rated.v1") && types.contains("asn.training.verified.v1"), "read back: " + types);
        try (KafkaProducer<String, String> producer = EventsEndToEndTest.producer()) {
            for (ConsumerRecord<String, String> r : records) {
                producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers())).get();
            }
        }
        awaitMeritCaughtUp();
        Thread.sleep(1500);
        JsonNode after = profile(PERSON);
        assertEquals(before.path("revision").asLong(), after.path("revision").asLong(), "revision unchanged after " + records.size() + " re-delivered events");
        assertEquals(before.path("computedAt").asText(), after.path("computedAt").asText());
        assertEquals(historyBefore, history(PERSON).path("total").asInt(), "no history entry for a re-delivered event");
    }

    @Test
    @Order(3)
    void theSameFactsInAnotherOrderGiveTheSameProfile() throws Exception {
        Map<String, List<ProducerRecord<String, String>>> a = facts(IN_ORDER);
        Map<String, List<ProducerRecord<String, String>>> b = facts(OUT_OF_ORDER);
        List<ProducerRecord<String, String>> natural = new ArrayList<>();
        natural.addAll(a.get("employee"));
        natural.addAll(a.get("competency"));
        natural.addAll(a.get("training"));
        // the other way round across topics: training and competency before the person is known (per key the
        // producer's order stands: an employee's events keep their order on asn.employee.v1)
        List<ProducerRecord<String, String>> reversed = new ArrayList<>();
        reversed.addAll(b.get("training"));
        reversed.addAll(b.get("competency"));
        reversed.addAll(b.get("employee"));
        try (KafkaProducer<String, String> producer = EventsEndToEndTest.producer()) {
            for (ProducerRecord<String, String> r : natural) {
                producer.send(r).get();
            }
            for (ProducerRecord<String, String> r : reversed) {
                producer.send(r).get();
                Thread.sleep(300); // each one consumed on its own, so the order really differs
            }
        }
        Predicate<JsonNode> complete = p -> "BAIK".equals(p.path("performance").path("rating").asText(null))
                && p.path("potential").path("parts").hasNonNull("competency")
                && strings(p.path("reasons")).stream().anyMatch(r -> r.contains("JP " + YEAR) && r.contains("(met)"));
        JsonNode first = awaitProfile(IN_ORDER, complete);
        JsonNode second = awaitProfile(OUT_OF_ORDER, complete);
        awaitMeritCaughtUp();
        first = profile(IN_ORDER);
        second = profile(OUT_OF_ORDER);
        assertEquals(comparable(first, IN_ORDER), comparable(second, OUT_OF_ORDER),
                "the same facts in another order\n in order:     " + first + "\n out of order: " + second);
        assertEquals(87.5, second.path("potential").path("parts").path("competency").asDouble(), 0.01);
        assertEquals(100.0, second.path("potential").path("parts").path("qualification").asDouble(), 0.01);
    }

    @Test
    @Order(4)
    void aNewPolicyRecomputesEveryProfileAndOldResultsKeepTheirVersion() throws Exception {
        Response current = as("ADMIN").get(gateway + "/api/v1/merit-policies/current").then().statusCode(200).extract().response();
        ObjectNode rules = (ObjectNode) JSON.readTree(current.asString());
        int oldVersion = rules.path("version").asInt();
        String etag = current.header("ETag");
        assertNotNull(etag, "GET current carries an ETag");
        JsonNode oldProfile = profile(PERSON);
        assertEquals(oldVersion, oldProfile.path("policyVersion").asInt(), "the profile was computed under the current policy");
        rules.remove(List.of("version", "publishedBy", "publishedAt"));
        rules.put("effectiveFrom", LocalDate.now(JAKARTA).toString());
        rules.put("note", "suite test: performance weighs 60 %");
        rules.putObject("meritWeights").put("performance", 60).put("potential", 40);

        Response put = as("ADMIN").header("If-Match", "\"" + oldVersion + "\"").body(rules.toString())
                .put(gateway + "/api/v1/merit-policies/current").then().statusCode(200).extract().response();
        int newVersion = JSON.readTree(put.asString()).path("version").asInt();
        assertEquals(oldVersion + 1, newVersion);
        String job = recomputationLink(put.header("Link"));
        JsonNode done = awaitJob(job);
        assertEquals("DONE", done.path("status").asText(), done.toString());
        assertTrue(done.path("total").asInt() >= 3, "every profile of the year, at least the three of this test: " + done);
        assertEquals(done.path("total").asInt(), done.path("processed").asInt(), done.toString());

        for (String nip : List.of(PERSON, IN_ORDER, OUT_OF_ORDER)) {
            JsonNode p = profile(nip);
            assertEquals(newVersion, p.path("policyVersion").asInt(), nip + " names the new policy: " + p);
            double expected = 0.6 * p.path("performance").path("score").asDouble() + 0.4 * p.path("potential").path("score").asDouble();
            assertEquals(expected, p.path("meritScore").asDouble(), 0.05, nip + ": merit score by the new weights");
            List<JsonNode> items = list(history(nip).path("items"));
            assertEquals(newVersion, items.get(0).path("policyVersion").asInt(), "the newest entry is the recomputation: " + items.get(0));
            assertNotEquals(items.get(0).path("cause").path("type").asText(), items.get(1).path("cause").path("type").asText(),
                    "the recomputation's cause is the policy change, not an event: " + items.get(0).path("cause"));
            assertTrue(items.stream().anyMatch(i -> i.path("policyVersion").asInt() == oldVersion),
                    nip + ": results under version " + oldVersion + " stay readable in the history");
        }
        JsonNode oldEntry = list(history(PERSON).path("items")).stream()
                .filter(i -> i.path("revision").asLong() == oldProfile.path("revision").asLong()).findFirst().orElseThrow();
        assertEquals(oldProfile.path("meritScore").asDouble(), oldEntry.path("meritScore").asDouble(), 0.001,
                "the old entry still says what was decided then");
        assertEquals(oldVersion, oldEntry.path("profile").path("policyVersion").asInt(oldVersion));
    }

    // --- crafted CloudEvents: the same facts for any NIP

    /** registered, performance-rated (BAIK), gap-changed (JPM 87.5 against ME-ANALIS), training verified (24 JP). */
    static Map<String, List<ProducerRecord<String, String>>> facts(String nip) {
        OffsetDateTime t = OffsetDateTime.of(YEAR, 2, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        if (t.toLocalDate().isAfter(LocalDate.now(JAKARTA))) {
            t = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("nip", nip);
        state.put("name", "Pegawai Urutan " + nip.substring(15));
        state.put("gender", "M");
        state.put("birthDate", "1990-06-06");
        state.put("employmentType", "PNS");
        state.put("rank", "III/b");
        state.put("rankSince", "2020-04-01");
        state.put("educationLevel", "S1");
        state.put("positionCode", POSITION);
        state.put("positionType", "PELAKSANA");
        state.put("orgUnitCode", "ME-DINAS");
        state.put("orgUnitPath", List.of("ME-ROOT", "ME-DINAS"));
        state.put("status", "ACTIVE");
        state.put("version", 1);
        Map<String, Object> rated = new LinkedHashMap<>(state);
        rated.put("version", 2);
        rated.put("rating", Map.of("year", YEAR, "period", "ANNUAL", "workResult", "AS_EXPECTED", "workBehaviour", "AS_EXPECTED",
                "rating", "BAIK", "overridden", false));
        Map<String, Object> gap = new LinkedHashMap<>();
        gap.put("nip", nip);
        gap.put("positionCode", POSITION);
        gap.put("jpm", 87.5);
        gap.put("category", "CUKUP_OPTIMAL");
        gap.put("coverage", 1.0);
        gap.put("items", List.of(
                Map.of("competencyCode", "M.1", "required", 4, "actual", 4.0, "gap", 0.0, "ratio", 1.0, "importance", "MUTLAK", "notAssessed", false),
                Map.of("competencyCode", "M.2", "required", 4, "actual", 3.0, "gap", -1.0, "ratio", 0.75, "importance", "PENTING", "notAssessed", false)));
        gap.put("standardVersion", 1);
        gap.put("standardSource", "OWN");
        gap.put("policyVersion", 1);
        gap.put("computedOn", t.toLocalDate().toString());
        gap.put("cause", "ASSESSMENT");
        String recordId = recordId(nip);
        LocalDate day = t.toLocalDate().minusDays(1);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("recordId", recordId);
        training.put("nip", nip);
        training.put("title", "Pelatihan Teknis Manajemen Talenta");
        training.put("methodCode", "KL03");
        training.put("organizer", "BPSDM Provinsi");
        training.put("startDate", day.toString());
        training.put("endDate", day.toString());
        training.put("year", YEAR);
        training.put("jp", 24);
        training.put("certificateNumber", "E2E/MERIT/" + nip);
        training.put("competencyCodes", List.of("M.1"));
        training.put("status", "VERIFIED");
        training.put("decidedBy", "hr-officer");
        training.put("decidedAt", t.toString());
        training.put("submittedBy", nip);
        training.put("source", "API");
        training.put("version", 2);
        training.put("recognisedJp", 24);
        training.put("recognisedJpOfYear", 24);
        training.put("requiredJp", 20);
        return Map.of(
                "employee", List.of(event("asn.employee.v1", "/employee-service", "asn.employee.registered.v1", nip, state, t),
                        event("asn.employee.v1", "/employee-service", "asn.employee.performance-rated.v1", nip, rated, t.plusMinutes(1))),
                "competency", List.of(event("asn.competency.v1", "/competency-service", "asn.competency.gap-changed.v1", nip, gap, t.plusMinutes(2))),
                "training", List.of(event("asn.training.v1", "/training-service", "asn.training.verified.v1", nip, training, t.plusMinutes(3))));
    }

    /** The crafted training record of a person (a stable id, so a re-run of the facts would be the same record). */
    static String recordId(String nip) {
        return UUID.nameUUIDFromBytes(("merit-e2e-" + nip).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** One CloudEvent in Kafka binary mode (SYSTEM.md §5): the ce_* headers and the JSON data as the value. */
    static ProducerRecord<String, String> event(String topic, String source, String type, String key, Object data, OffsetDateTime time) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", source.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", key.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", time.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        try {
            return new ProducerRecord<>(topic, null, key, JSON.writeValueAsString(data), headers);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The profile without what names the person or the delivery: nip, name, the inputs' ids and times, computedAt,
     * cause and revision; the person's NIP and training record id anywhere else (a reason, an input value) are replaced
     * by markers.
     */
    static JsonNode comparable(JsonNode profile, String nip) throws Exception {
        ObjectNode p = (ObjectNode) JSON.readTree(profile.toString().replace(nip, "<nip>").replace(recordId(nip), "<record>"));
        p.remove(List.of("nip", "name", "computedAt", "cause", "revision"));
        if (p.path("inputs").isArray()) {
            List<JsonNode> inputs = new ArrayList<>();
            for (JsonNode i : p.path("inputs")) {
                ObjectNode copy = ((ObjectNode) i).deepCopy();
                copy.remove(List.of("id", "at"));
                if (copy.path("value").isTextual() && copy.path("value").asText().matches("[0-9a-f-]{36}")) {
                    copy.remove("value"); // a record id
                }
                inputs.add(copy);
            }
            inputs.sort((x, y) -> x.toString().compareTo(y.toString()));
            ArrayNode sorted = p.putArray("inputs");
            inputs.forEach(sorted::add);
        }
        return p;
    }

    // --- reading merit-service through the gateway

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    static JsonNode profile(String nip) throws Exception {
        return JSON.readTree(as("HR_OFFICER").get(gateway + "/api/v1/merit-profiles/" + nip + "?year=" + YEAR)
                .then().statusCode(200).extract().asString());
    }

    static JsonNode history(String nip) {
        try {
            return JSON.readTree(as("HR_OFFICER").get(gateway + "/api/v1/merit-profiles/" + nip + "/history?year=" + YEAR + "&size=500")
                    .then().statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Polls the profile (404 until merit-service has one) until done holds (90 s: the events travel). */
    static JsonNode awaitProfile(String nip, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode last = null;
        int lastStatus = 0;
        while (System.nanoTime() < deadline) {
            Response r = as("HR_OFFICER").get(gateway + "/api/v1/merit-profiles/" + nip + "?year=" + YEAR);
            lastStatus = r.statusCode();
            if (r.statusCode() == 200) {
                try {
                    last = JSON.readTree(r.asString());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                if (done.test(last)) {
                    return last;
                }
            }
            EventsEndToEndTest.sleep();
        }
        throw new AssertionError("profile of " + nip + " not reached in 90 s; last HTTP " + lastStatus + " " + last);
    }

    /** competency-service computes a JPM only for a person it knows: wait until its replica has them. */
    static void awaitCompetencyKnows(String nip) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (as("HR_OFFICER").get(RunningSuite.get().url("gateway") + "/api/v1/competency-gaps/" + nip).statusCode() == 200) {
                return;
            }
            EventsEndToEndTest.sleep();
        }
        throw new AssertionError(nip + " never reached competency-service");
    }

    static String recomputationLink(String link) {
        assertNotNull(link, "PUT current answers a Link to the recomputation job");
        for (String part : link.split(",")) {
            if (part.contains("rel=\"recomputation\"") || part.contains("rel=recomputation")) {
                String uri = part.substring(part.indexOf('<') + 1, part.indexOf('>'));
                return uri.startsWith("http") ? gateway + java.net.URI.create(uri).getPath() : gateway + uri;
            }
        }
        throw new AssertionError("no rel=\"recomputation\" in Link: " + link);
    }

    static JsonNode awaitJob(String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = JSON.readTree(as("ADMIN").get(url).then().statusCode(200).extract().asString());
            if (List.of("DONE", "FAILED").contains(last.path("status").asText())) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("recomputation not finished in 120 s: " + last);
    }

    static boolean hasInput(JsonNode profile, String source) {
        for (JsonNode i : profile.path("inputs")) {
            if (source.equals(i.path("source").asText())) {
                return true;
            }
        }
        return false;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    // --- the broker

    /** Every record keyed by the NIP on the topics, read from the start up to the end offsets of now. */
    static List<ConsumerRecord<String, String>> recordsOf(String nip, List<String> topics) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (nip.equals(r.key())) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * Waits until merit-service's consumer group has committed every record of its topics written so far (lag 0),
     * so a check after it sees what the events did, or that they did nothing. 60 s at most.
     */
    static void awaitMeritCaughtUp() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers()))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long lag = -1;
            while (System.nanoTime() < deadline) {
                lag = lag(admin, MERIT_GROUP, MERIT_TOPICS);
                if (lag == 0) {
                    return;
                }
                Thread.sleep(250);
            }
            throw new AssertionError("merit-service's consumer group still " + lag + " records behind after 60 s");
        }
    }

    /** Records of the topics not yet committed by the group (end offset − committed offset, summed). */
    static long lag(Admin admin, String group, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var d : admin.describeTopics(topics).allTopicNames().get().values()) {
            d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
        }
        long lag = 0;
        for (var e : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += e.getValue().offset() - (c == null ? 0 : c.offset());
        }
        return lag;
    }
}
