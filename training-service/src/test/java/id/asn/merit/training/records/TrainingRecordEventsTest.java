package id.asn.merit.training.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.training.messaging.TrainingEvents;
import id.asn.merit.training.service.JpLedger;
import id.asn.merit.training.service.JpRequirements;
import id.asn.merit.training.testing.TrainingFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.asn.merit.training.records.RecordApi.PATH;
import static id.asn.merit.training.records.RecordApi.TODAY;
import static id.asn.merit.training.records.RecordApi.as;
import static id.asn.merit.training.records.RecordApi.body;
import static id.asn.merit.training.records.RecordApi.create;
import static id.asn.merit.training.records.RecordApi.with;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * On the real broker: the record events carry the person's recognised JP of the year after the change, and
 * {@code asn.training.jp-threshold-reached.v1} is published exactly once per person-year, whatever comes after
 * (a re-delivered POST, a duplicate, a later record, recomputations, and a ledger run on a fresh connection as after a
 * restart: the once-ness is the {@code jp_threshold_reached} row, not anything in memory).
 */
@QuarkusTest
class TrainingRecordEventsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SENTINEL_TITLE = "Sentinel";

    @Inject
    TrainingFixtures fixtures;
    @Inject
    JpLedger ledger;
    @Inject
    JpRequirements requirements;
    @Inject
    AgroalDataSource ds;
    @Inject
    EntityManager em;

    record Event(String type, String subject, JsonNode data) {
    }

    /**
     * The events of {@code nip} on asn.training.v1 up to and including the first recorded.v1 whose title is the
     * sentinel's: the outbox relays one key in order, so everything published before the sentinel is there.
     */
    static List<Event> eventsUntilSentinel(String nip) throws Exception {
        List<Event> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-training-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TrainingEvents.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (!nip.equals(r.key())) {
                        continue;
                    }
                    Event e = new Event(header(r, "ce_type"), header(r, "ce_subject"), JSON.readTree(r.value()));
                    if (e.type().equals(TrainingEvents.RECORDED) && SENTINEL_TITLE.equals(e.data().path("title").asText())) {
                        return found;
                    }
                    found.add(e);
                }
            }
        }
        throw new AssertionError("no sentinel for " + nip + " within 60 s; seen " + found.size() + " events");
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static void sentinel(String nip) {
        create(with(body(nip, "SENTINEL-" + UUID.randomUUID(), 1), "title", SENTINEL_TITLE));
    }

    /** Waits (at most 30 s) until JpRecomputeJob has worked off the person's queued person-years; the number left. */
    long awaitDrained(String nip) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long left;
        do {
            left = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from jp_recompute_pending where nip = :n").setParameter("n", nip).getSingleResult()).longValue());
            if (left > 0) {
                Thread.sleep(200);
            }
        } while (left > 0 && System.nanoTime() < deadline);
        return left;
    }

    static BigDecimal jp(JsonNode data, String field) {
        return data.get(field).decimalValue();
    }

    void employee(String nip) {
        fixtures.unit("TRH1E", null, "TRH1E");
        fixtures.employee(nip, "Pegawai " + nip.substring(16), null, "PELAKSANA", "TRH1E", "TRH1E");
    }

    @Test
    void recordedVerifiedAndRejectedCarryTheRecognisedJpOfTheYear() throws Exception {
        String nip = "199001012015031911";
        employee(nip);
        String verified = create(with(body(nip, "E-" + UUID.randomUUID(), 8), "status", "VERIFIED"));
        String pending = create(body(nip, "E-" + UUID.randomUUID(), 5));
        as("HR_OFFICER").body(Map.of("decision", "VERIFIED")).post(PATH + "/" + pending + "/verification").then().statusCode(200);
        String rejected = create(body(nip, "E-" + UUID.randomUUID(), 3));
        as("HR_OFFICER").body(Map.of("decision", "REJECTED", "reason", "no certificate"))
                .post(PATH + "/" + rejected + "/verification").then().statusCode(200);
        sentinel(nip);

        List<Event> events = eventsUntilSentinel(nip);
        assertThat(events.stream().map(Event::type).toList(), equalTo(List.of(TrainingEvents.RECORDED, TrainingEvents.RECORDED,
                TrainingEvents.VERIFIED, TrainingEvents.RECORDED, TrainingEvents.REJECTED)));
        events.forEach(e -> assertThat(e.subject(), equalTo(nip)));

        JsonNode first = events.get(0).data();
        assertThat(first.get("recordId").asText(), equalTo(verified));
        assertThat(first.get("status").asText(), equalTo("VERIFIED"));
        assertThat(first.get("year").asInt(), equalTo(TODAY.getYear()));
        assertThat(jp(first, "recognisedJp").intValue(), equalTo(8));
        assertThat(jp(first, "recognisedJpOfYear").intValue(), equalTo(8));
        assertThat(jp(first, "requiredJp").intValue(), equalTo(20));

        JsonNode second = events.get(1).data();
        assertThat(second.get("status").asText(), equalTo("PENDING"));
        assertThat(second.get("recognisedJp").isNull(), equalTo(true));
        assertThat(jp(second, "recognisedJpOfYear").intValue(), equalTo(8));

        JsonNode verifiedEvent = events.get(2).data();
        assertThat(verifiedEvent.get("recordId").asText(), equalTo(pending));
        assertThat(verifiedEvent.get("decidedBy").isNull(), equalTo(false));
        assertThat(jp(verifiedEvent, "recognisedJp").intValue(), equalTo(5));
        assertThat(jp(verifiedEvent, "recognisedJpOfYear").intValue(), equalTo(13));

        JsonNode rejectedEvent = events.get(4).data();
        assertThat(rejectedEvent.get("recordId").asText(), equalTo(rejected));
        assertThat(rejectedEvent.get("decisionReason").asText(), equalTo("no certificate"));
        assertThat(jp(rejectedEvent, "recognisedJpOfYear").intValue(), equalTo(13));
    }

    @Test
    void theThresholdEventIsSentExactlyOncePerPersonYear() throws Exception {
        String nip = "199001012015031912";
        employee(nip);
        int year = TODAY.getYear();
        create(with(body(nip, "T-" + UUID.randomUUID(), 12), "status", "VERIFIED"));

        // the record that reaches 20 JP, sent twice with the same Idempotency-Key (a client's retry)
        String key = "threshold-" + UUID.randomUUID();
        Map<String, Object> crossing = with(body(nip, "T-" + UUID.randomUUID(), 8), "status", "VERIFIED");
        String crossingId = as("HR_OFFICER").header("Idempotency-Key", key).body(crossing).post(PATH).then().statusCode(201)
                .extract().path("id");
        as("HR_OFFICER").header("Idempotency-Key", key).body(crossing).post(PATH).then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        // the same certificate again without the key: a duplicate
        as("HR_OFFICER").body(crossing).post(PATH).then().statusCode(409);
        // a later record, entered PENDING and verified
        String later = create(body(nip, "T-" + UUID.randomUUID(), 5));
        as("HR_OFFICER").body(Map.of("decision", "VERIFIED")).post(PATH + "/" + later + "/verification").then().statusCode(200);
        // a recomputation through the ledger, in a transaction of its own
        QuarkusTransaction.requiringNew().run(() -> ledger.refresh(List.of(new JpLedger.PersonYear(nip, year))));
        // a recomputation queued as after a cap change, worked off by JpRecomputeJob
        QuarkusTransaction.requiringNew().run(() -> ledger.queueMethod("KL03"));
        assertThat(awaitDrained(nip), equalTo(0L));
        // "after a restart": the ledger on a brand-new connection and transaction, with nothing shared with the
        // requests above but the database
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = ds.getConnection()) {
                var totals = ledger.refresh(c, List.of(new JpLedger.PersonYear(nip, year)), null, requirements.current());
                assertThat(totals.values().iterator().next().thresholdReachedNow(), equalTo(false));
                assertThat(totals.values().iterator().next().recognisedJp().intValue(), equalTo(25));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        sentinel(nip);

        List<Event> thresholds = eventsUntilSentinel(nip).stream()
                .filter(e -> e.type().equals(TrainingEvents.JP_THRESHOLD_REACHED)).toList();
        assertThat(thresholds, hasSize(1));
        JsonNode data = thresholds.get(0).data();
        assertThat(data.get("nip").asText(), equalTo(nip));
        assertThat(data.get("year").asInt(), equalTo(year));
        assertThat(jp(data, "requiredJp").intValue(), equalTo(20));
        assertThat(jp(data, "recognisedJp").intValue(), equalTo(20));
        assertThat(data.get("recordId").asText(), equalTo(crossingId));

        // the once-ness is a row: one marker naming the crossing record, one outbox row ever
        Object[] marker = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select record_id::text, reached_jp from jp_threshold_reached where nip = :n and year = :y")
                .setParameter("n", nip).setParameter("y", year).getSingleResult());
        assertThat(marker[0], equalTo(crossingId));
        long outboxRows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where event_key = :n and type = :t")
                .setParameter("n", nip).setParameter("t", TrainingEvents.JP_THRESHOLD_REACHED).getSingleResult()).longValue());
        assertThat(outboxRows, equalTo(1L));
    }

    @Test
    void aPersonBelowTheRequirementGetsNoThresholdEvent() throws Exception {
        String nip = "199001012015031913";
        employee(nip);
        String id = create(with(body(nip, "B-" + UUID.randomUUID(), 19), "status", "VERIFIED"));
        String pending = create(body(nip, "B-" + UUID.randomUUID(), 5)); // PENDING JP do not count
        as("HR_OFFICER").get(PATH + "/" + pending).then().body("recognisedJp", nullValue());
        sentinel(nip); // the sentinel is 1 JP PENDING: still 19 recognised
        List<Event> events = eventsUntilSentinel(nip);
        assertThat(events.stream().filter(e -> e.type().equals(TrainingEvents.JP_THRESHOLD_REACHED)).toList(), hasSize(0));
        assertThat(events.get(0).data().get("recordId").asText(), equalTo(id));
        assertThat(jp(events.get(1).data(), "recognisedJpOfYear").intValue(), equalTo(19));
    }
}
