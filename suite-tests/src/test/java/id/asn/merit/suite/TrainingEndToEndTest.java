package id.asn.merit.suite;

import id.asn.merit.devinfra.TestInfra;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The question every BKPSDM is asked, answered through the gateway of the running suite: people registered in
 * employee-service reach training-service by events; their training records (one submitted by the employee, verified
 * by an HR officer) make one of them MET and leave the other short; the head of section holds the leadership training
 * his post requires once a verified PKP record proves it.
 */
class TrainingEndToEndTest {
    static RunningSuite suite;
    static String gateway;
    static final String KASI = "199001012015031005";
    static final String STAF = "199202022016032006";

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        gateway = suite.url("gateway");
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    @Test
    void recordsThroughTheGatewayMakeTheComplianceAndTheLeadershipReport() {
        as("HR_OFFICER").body(Map.of("code", "TE-ROOT", "name", "Pemerintah Kota Uji", "level", "INSTANSI"))
                .post(gateway + "/api/v1/org-units").then().statusCode(201);
        as("HR_OFFICER").body(Map.of("code", "TE-DINAS", "name", "Dinas PMPTSP", "parentCode", "TE-ROOT"))
                .post(gateway + "/api/v1/org-units").then().statusCode(201);
        as("HR_OFFICER").body(Map.of("code", "TE-KASI", "title", "Kepala Seksi Perizinan", "orgUnitCode", "TE-DINAS",
                "type", "PENGAWAS", "grade", 9, "minRank", "III/b")).post(gateway + "/api/v1/positions").then().statusCode(201);
        as("HR_OFFICER").body(Map.of("code", "TE-STAF", "title", "Pengadministrasi Perizinan", "orgUnitCode", "TE-DINAS",
                "type", "PELAKSANA", "grade", 5, "minRank", "II/a")).post(gateway + "/api/v1/positions").then().statusCode(201);
        employee(KASI, "Agustinus Wamafma", "M", "1990-01-01", "TE-KASI");
        employee(STAF, "Maria Kambuaya", "F", "1992-02-02", "TE-STAF");

        int year = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(10);
        if (day.getYear() != year) {
            day = LocalDate.of(year, 1, 1);
        }
        String compliance = gateway + "/api/v1/jp-compliance?year=" + year + "&orgUnit=TE-DINAS&subtree=true";
        JsonPath before = await(compliance, j -> j.getInt("total") == 2);
        assertEquals(2, before.getInt("summary.employees"), "both people are in the report before they have any record");
        assertEquals(0, before.getInt("summary.met"));

        record(KASI, "KL03", "Bimtek Perizinan Berusaha", day, "12", "VERIFIED", "HR_OFFICER").then().statusCode(201);
        record(KASI, "KL10", "Bimtek OSS RBA", day, "8", "VERIFIED", "HR_OFFICER").then().statusCode(201);
        String pending = given().auth().oauth2(TestInfra.token("EMPLOYEE", STAF, null)).contentType(ContentType.JSON)
                .body(recordBody(STAF, "NKL03", "E-learning Pelayanan Prima", day, "10", null))
                .post(gateway + "/api/v1/training-records").then().statusCode(201).body("status", equalTo("PENDING"))
                .extract().path("id");
        as("HR_OFFICER").body(Map.of("decision", "VERIFIED", "reason", "sertifikat sesuai"))
                .post(gateway + "/api/v1/training-records/" + pending + "/verification").then().statusCode(200)
                .body("status", equalTo("VERIFIED"));

        JsonPath after = given().auth().oauth2(TestInfra.token("HR_OFFICER")).get(compliance).then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> byNip = new HashMap<>();
        List<Map<String, Object>> items = after.getList("items");
        items.forEach(i -> byNip.put((String) i.get("nip"), i));
        assertEquals("MET", byNip.get(KASI).get("status"));
        assertEquals(0, new java.math.BigDecimal("20").compareTo(new java.math.BigDecimal(byNip.get(KASI).get("recognisedJp").toString())));
        assertEquals(0, new java.math.BigDecimal("10").compareTo(new java.math.BigDecimal(byNip.get(STAF).get("recognisedJp").toString())));
        assertTrue(List.of("AT_RISK", "NOT_MET").contains(byNip.get(STAF).get("status")));
        assertEquals(1, after.getInt("summary.met"));

        String leadership = gateway + "/api/v1/leadership-training-compliance?orgUnit=TE-DINAS&subtree=true";
        JsonPath without = await(leadership, j -> j.getList("items").size() == 1);
        assertEquals("PKP", without.getString("items[0].requiredTraining"));
        Map<String, Object> lead = recordBody(KASI, "KL01", "Pelatihan Kepemimpinan Pengawas", day, "830", "VERIFIED");
        lead.put("leadershipLevel", "PKP");
        as("HR_OFFICER").body(lead).post(gateway + "/api/v1/training-records").then().statusCode(201);
        JsonPath with = given().auth().oauth2(TestInfra.token("HR_OFFICER")).get(leadership).then().statusCode(200).extract().jsonPath();
        assertEquals(KASI, with.getString("items[0].holders[0].nip"));
        assertEquals(Boolean.TRUE, with.getBoolean("items[0].holders[0].held"));
    }

    /**
     * issue 8: {@code jp-threshold-reached.v1} exactly once per person-year, with a re-delivered record and a restart
     * of training-service in between: the crossing record, then a restart, then the same POST again (a client's retry
     * with its Idempotency-Key), the same certificate without the key (409) and a later record; the topic holds one
     * threshold event for the person, naming the crossing record.
     */
    @Test
    void theThresholdEventIsSentOnceAcrossARedeliveryAndARestart() {
        String nip = "199303032017031007";
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(3);
        if (day.getYear() != LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear()) {
            day = day.plusDays(3);
        }
        record(nip, "KL03", "Bimtek Tata Naskah", day, "12", "VERIFIED", "HR_OFFICER").then().statusCode(201);
        String key = "e2e-threshold-" + java.util.UUID.randomUUID();
        Map<String, Object> crossing = recordBody(nip, "KL10", "Bimtek SRIKANDI", day, "8", "VERIFIED");
        String crossingId = as("HR_OFFICER").header("Idempotency-Key", key).body(crossing)
                .post(gateway + "/api/v1/training-records").then().statusCode(201).extract().path("id");

        suite.restart("training-service");

        as("HR_OFFICER").header("Idempotency-Key", key).body(crossing).post(gateway + "/api/v1/training-records")
                .then().statusCode(201).body("id", equalTo(crossingId));
        as("HR_OFFICER").body(crossing).post(gateway + "/api/v1/training-records").then().statusCode(409);
        String later = record(nip, "NKL03", "E-learning Kearsipan", day, "5", "VERIFIED", "HR_OFFICER").then().statusCode(201)
                .extract().path("id");

        List<Map<String, String>> events = trainingEventsUntil(nip, later);
        List<Map<String, String>> thresholds = events.stream()
                .filter(e -> e.get("type").equals("asn.training.jp-threshold-reached.v1")).toList();
        assertEquals(1, thresholds.size(), "threshold events for " + nip + ": " + thresholds);
        assertTrue(thresholds.get(0).get("data").contains(crossingId), thresholds.get(0).get("data"));
        assertEquals(3, events.stream().filter(e -> e.get("type").equals("asn.training.recorded.v1")).count(),
                "one recorded.v1 per record created, none for the retry or the duplicate");
    }

    /** The events of asn.training.v1 keyed by nip, read from the start until the recorded.v1 of recordId (60 s). */
    static List<Map<String, String>> trainingEventsUntil(String nip, String recordId) {
        List<Map<String, String>> out = new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + java.util.UUID.randomUUID(),
                org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(List.of("asn.training.v1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(300))) {
                    if (!nip.equals(r.key())) {
                        continue;
                    }
                    var type = r.headers().lastHeader("ce_type");
                    String t = type == null ? "" : new String(type.value(), java.nio.charset.StandardCharsets.UTF_8);
                    out.add(Map.of("type", t, "data", r.value()));
                    if (t.equals("asn.training.recorded.v1") && r.value().contains(recordId)) {
                        return out;
                    }
                }
            }
        }
        throw new AssertionError("recorded.v1 of " + recordId + " not on asn.training.v1; seen " + out);
    }

    static void employee(String nip, String name, String gender, String birthDate, String positionCode) {
        as("HR_OFFICER").body(Map.of("nip", nip, "name", name, "gender", gender, "birthDate", birthDate, "employmentType", "PNS",
                "rank", "III/b", "orgUnitCode", "TE-DINAS", "positionCode", positionCode))
                .post(gateway + "/api/v1/employees").then().statusCode(201);
    }

    static Map<String, Object> recordBody(String nip, String method, String title, LocalDate day, String jp, String status) {
        Map<String, Object> body = new HashMap<>(Map.of("nip", nip, "methodCode", method, "title", title, "organizer", "BPSDM Provinsi",
                "startDate", day.toString(), "endDate", day.toString(), "jp", new java.math.BigDecimal(jp),
                "certificateNumber", "E2E/" + nip + "/" + method, "competencyCodes", List.of("M.5")));
        if (status != null) {
            body.put("status", status);
        }
        return body;
    }

    static io.restassured.response.Response record(String nip, String method, String title, LocalDate day, String jp, String status, String role) {
        return as(role).body(recordBody(nip, method, title, day, jp, status)).post(gateway + "/api/v1/training-records");
    }

    /** Polls a GET as HR_OFFICER until done holds (60 s: the replicas follow the events). */
    static JsonPath await(String url, java.util.function.Predicate<JsonPath> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            var r = given().auth().oauth2(TestInfra.token("HR_OFFICER")).get(url);
            if (r.statusCode() == 200) {
                last = r.jsonPath();
                if (done.test(last)) {
                    return last;
                }
            }
            EventsEndToEndTest.sleep();
        }
        throw new AssertionError("not reached in 60 s: " + url + " last " + (last == null ? "none" : last.prettify()));
    }
}
