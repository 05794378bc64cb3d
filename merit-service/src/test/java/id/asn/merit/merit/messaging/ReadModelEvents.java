package id.asn.merit.merit.messaging;

import id.asn.merit.devinfra.TestInfra;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the read-model tests share: CloudEvents records (binary mode) produced to the real broker as the producing
 * services write them, payloads shaped as docs/asyncapi.yaml documents them, and polls of the database.
 */
final class ReadModelEvents {
    static final String EMPLOYEE = "asn.employee.v1";
    static final String ORG = "asn.org.v1";
    static final String COMPETENCY = "asn.competency.v1";
    static final String TRAINING = "asn.training.v1";
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 1, 0, 0, 0, ZoneOffset.UTC);

    private static KafkaProducer<String, String> producer;

    private ReadModelEvents() {
    }

    /** One event as the test sent it: enough to find it again on the topic and to wait for it. */
    record Sent(String topic, String key, String type, String id) {
    }

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    static Sent send(String topic, String key, String type, String eventId, OffsetDateTime time, String value) {
        return send(topic, key, type, eventId, time == null ? null : time.toString(), value);
    }

    /** ce_time as given, e.g. one that is no RFC 3339 time. */
    static Sent sendWithTime(String topic, String key, String type, String time, String value) {
        return send(topic, key, type, UUID.randomUUID().toString(), time, value);
    }

    private static Sent send(String topic, String key, String type, String eventId, String time, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", key.getBytes(StandardCharsets.UTF_8));
        if (time != null) {
            headers.add("ce_time", time.getBytes(StandardCharsets.UTF_8));
        }
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return new Sent(topic, key, type, eventId);
    }

    static Sent send(String topic, String key, String type, OffsetDateTime time, String value) {
        return send(topic, key, type, UUID.randomUUID().toString(), time, value);
    }

    // --- payloads (docs/asyncapi.yaml components/schemas) ---------------------------------------------------------

    /** EmployeeState; rankSince null leaves the field out (a producer that does not know the TMT). */
    static String employee(String nip, long version, String rank, String rankSince, String education, String position,
                           String unitPath, String extra) {
        String[] path = unitPath.split("/");
        return """
                {"nip":"%s","name":"Pegawai %s","gender":"F","birthDate":"1988-04-12","employmentType":"PNS","rank":"%s",%s
                 "educationLevel":"%s","positionCode":"%s","positionType":"PENGAWAS","orgUnitCode":"%s","orgUnitPath":[%s],
                 "status":"ACTIVE","version":%d%s}"""
                .formatted(nip, nip.substring(14), rank, rankSince == null ? "" : "\"rankSince\":\"" + rankSince + "\",",
                        education, position, path[path.length - 1],
                        String.join(",", Arrays.stream(path).map(c -> "\"" + c + "\"").toList()), version,
                        extra == null ? "" : "," + extra);
    }

    static String rating(int year, String period, String rating) {
        return """
                "rating":{"year":%d,"period":"%s","workResult":"AS_EXPECTED","workBehaviour":"ABOVE","rating":"%s","overridden":false}"""
                .formatted(year, period, rating);
    }

    static String discipline(String level, String decidedOn) {
        return "\"discipline\":{\"level\":\"%s\",\"decidedOn\":\"%s\"}".formatted(level, decidedOn);
    }

    static String unit(String code, String parent, String path, long version) {
        String[] codes = path.split("/");
        return """
                {"code":"%s","name":"Unit %s","parentCode":%s,"path":[%s],"level":"BIDANG","depth":%d,"status":"ACTIVE","version":%d}"""
                .formatted(code, code, parent == null ? "null" : "\"" + parent + "\"",
                        String.join(",", Arrays.stream(codes).map(c -> "\"" + c + "\"").toList()), codes.length, version);
    }

    static String position(String code, String unit, String type, String minEducation, String leadership, long version) {
        return """
                {"code":"%s","title":"Jabatan %s","orgUnitCode":"%s","type":"%s","functionalLevel":null,"grade":9,"minRank":"III/c",
                 "minEducationLevel":%s,"requiredLeadershipTraining":%s,"status":"ACTIVE","version":%d}"""
                .formatted(code, code, unit, type, quoted(minEducation), quoted(leadership), version);
    }

    static String assessment(String assessmentId, String nip, String position, String jpm) {
        return """
                {"assessmentId":"%s","nip":"%s","assessedOn":"2026-02-20","method":"ASSESSMENT_CENTER","purpose":"MAPPING",
                 "supersedes":null,"scores":[{"competencyCode":"M.1","level":3.5}],"positionCode":%s,"jpm":%s,
                 "category":"CUKUP_OPTIMAL","coverage":1.0,"standardVersion":1,"standardSource":"OWN","policyVersion":1}"""
                .formatted(assessmentId, nip, quoted(position), jpm);
    }

    static String gap(String nip, String position, String jpm, String category) {
        return """
                {"nip":"%s","positionCode":%s,"oldJpm":null,"oldCategory":null,"jpm":%s,"category":%s,"coverage":0.75,
                 "items":[],"standardVersion":2,"standardSource":"TEMPLATE","policyVersion":1,"computedOn":"2026-03-02","cause":"ASSESSMENT"}"""
                .formatted(nip, quoted(position), jpm, quoted(category));
    }

    static String standard(String position, int version, String effectiveFrom) {
        return """
                {"positionCode":"%s","version":%d,"effectiveFrom":"%s","source":"OWN",
                 "items":[{"competencyCode":"M.1","requiredLevel":3,"importance":"MUTLAK"}]}"""
                .formatted(position, version, effectiveFrom);
    }

    static String trainingRecord(String recordId, String nip, int year, String status, String leadership, String jp,
                                 String recognisedJp, long version, String recognisedJpOfYear) {
        return """
                {"recordId":"%s","nip":"%s","programCode":null,"title":"Pelatihan %s","methodCode":"KL01","organizer":"BPSDM",
                 "startDate":"%d-05-01","endDate":"%d-05-03","year":%d,"jp":%s,"competencyCodes":[],"leadershipLevel":%s,
                 "status":"%s","source":"API","version":%d,"recognisedJp":%s,"recognisedJpOfYear":%s,"requiredJp":20}"""
                .formatted(recordId, nip, recordId.substring(0, 8), year, year, year, jp, quoted(leadership), status, version,
                        recognisedJp, recognisedJpOfYear);
    }

    static String threshold(String nip, int year, String recognisedJp) {
        return "{\"nip\":\"%s\",\"year\":%d,\"requiredJp\":20,\"recognisedJp\":%s,\"recordId\":null}".formatted(nip, year, recognisedJp);
    }

    static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    // --- the database ----------------------------------------------------------------------------------------------

    /** Waits until every event was processed (applied, skipped or dead-lettered: a processed_event row or a dead letter). */
    static void awaitProcessed(EntityManager em, Collection<String> eventIds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long count = 0;
        while (System.nanoTime() < deadline) {
            count = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                            "select count(distinct event_id) from processed_event where consumer like 'merit-service.%' and event_id in (:ids)")
                    .setParameter("ids", eventIds).getSingleResult()).longValue());
            if (count == eventIds.size()) {
                return;
            }
            sleep(100);
        }
        assertEquals(eventIds.size(), count, "events processed by merit-service");
    }

    static void awaitProcessed(EntityManager em, Sent... sent) {
        awaitProcessed(em, Arrays.stream(sent).map(Sent::id).toList());
    }

    @SuppressWarnings("unchecked")
    static List<List<Object>> rows(EntityManager em, String sql, Object... args) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.setParameter(i + 1, args[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            for (Object row : q.getResultList()) {
                rows.add(row instanceof Object[] a ? Arrays.asList(a) : List.of(row));
            }
            return rows;
        });
    }

    static ConsumerRecord<String, String> deadLetter(String topic, String eventId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic + ".dlq.merit-service"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    var id = r.headers().lastHeader("ce_id");
                    if (id != null && eventId.equals(new String(id.value(), StandardCharsets.UTF_8))) {
                        return r;
                    }
                }
            }
            return null;
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Every read-model row of the people (and of the units and positions) named, table by table, without the
     * updated_at columns (the time a row was written, not what it says): what a rebuild must give again.
     */
    static java.util.Map<String, List<List<Object>>> readModel(EntityManager em, List<String> nips, List<String> units,
                                                                  List<String> positions) {
        java.util.Map<String, List<List<Object>>> tables = new java.util.LinkedHashMap<>();
        tables.put("employee_replica", rows(em, """
                select nip, name, gender, birth_date, employment_type, rank, rank_since, education_level, position_code,
                       position_type, org_unit_code, org_unit_path, status, source_version, last_event_id, last_event_type,
                       last_event_at
                from employee_replica where nip in (?1) order by nip""", nips));
        tables.put("skp_rating", rows(em, """
                select nip, year, period, rating, work_result, work_behaviour, overridden, event_id, event_at
                from skp_rating where nip in (?1) order by nip, year, period""", nips));
        tables.put("discipline_record", rows(em, """
                select event_id, nip, level, decided_on, event_at from discipline_record where nip in (?1)
                order by nip, decided_on, event_id""", nips));
        tables.put("competency_match", rows(em, """
                select nip, position_code, jpm, category, coverage, standard_version, policy_version, event_id, event_type,
                       event_at, event_time
                from competency_match where nip in (?1) order by nip""", nips));
        tables.put("assessment_replica", rows(em, """
                select assessment_id, nip, assessed_on, method, purpose, supersedes, event_id from assessment_replica
                where nip in (?1) order by nip, assessed_on, assessment_id""", nips));
        tables.put("training_record_replica", rows(em, """
                select record_id, nip, year, method_code, title, end_date, jp, recognised_jp, status, leadership_level,
                       source_version, event_id, event_at
                from training_record_replica where nip in (?1) order by nip, year, end_date, record_id""", nips));
        tables.put("jp_year", rows(em, """
                select nip, year, recognised_jp, required_jp, event_id, event_at, event_time from jp_year
                where nip in (?1) order by nip, year""", nips));
        if (!units.isEmpty()) {
            tables.put("org_unit_replica", rows(em, """
                    select code, name, parent_code, path, level, status, source_version from org_unit_replica
                    where code in (?1) order by code""", units));
        }
        if (!positions.isEmpty()) {
            tables.put("position_replica", rows(em, """
                    select code, title, org_unit_code, type, functional_level, grade, min_rank, min_education_level,
                           required_leadership_training, status, source_version, last_event_id
                    from position_replica where code in (?1) order by code""", positions));
            tables.put("position_standard", rows(em, """
                    select position_code, version, effective_from, event_id, event_at from position_standard
                    where position_code in (?1) order by position_code""", positions));
        }
        return tables;
    }

    /**
     * The people's merit profiles as a reader sees them: every column but the revision counter, the cause and the
     * time of computation, and the body without computedAt (and a revision number, should the body carry one: how
     * many intermediate results a replay passes through depends on how the four topics interleave, the result not).
     */
    static List<List<Object>> profiles(EntityManager em, List<String> nips) {
        return rows(em, """
                select nip, year, policy_version, performance_score, performance_axis, potential_score, potential_axis, box,
                       merit_score, eligible_for_talent_pool, gender, birth_date, org_unit_code, org_unit_path, fingerprint,
                       (body::jsonb - 'computedAt' - 'revision' - 'cause')::text
                from merit_profile where nip in (?1) order by nip, year""", nips);
    }
}
