package id.asn.merit.training.replica;

import id.asn.merit.platform.consumer.EventData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.platform.consumer.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps, from {@code asn.competency.v1} through platform's {@link IdempotentConsumer} (idempotent by ce_id, a record
 * it cannot read to {@code asn.competency.v1.dlq.training-service}):
 * <ul>
 *   <li>{@code competency_gap_replica} from {@code gap-changed.v1} (key NIP): all rows of the person are replaced by
 *       the event's items; no items deletes them (the person no longer has a gap). The data carries no version, so the
 *       order per NIP is by {@code ce_time}: an event older than the one applied is not applied.</li>
 *   <li>{@code known_competency}: the codes of a {@code standard-published.v1} (added when unknown; a known one is
 *       left as it is) and the entry of a {@code competency-changed.v1} (code, group, name, retired; in ce_time order
 *       per code).</li>
 * </ul>
 * Other types on the topic (assessment-recorded) are not for training-service: consumed and ignored, not dead-lettered.
 */
@ApplicationScoped
public class CompetencyEventConsumer extends IdempotentConsumer {
    public static final String CONSUMER = "training-service.competency-replica";
    public static final String GAP_CHANGED = "asn.competency.gap-changed.v1";
    public static final String STANDARD_PUBLISHED = "asn.competency.standard-published.v1";
    public static final String COMPETENCY_CHANGED = "asn.competency.competency-changed.v1";
    private static final Logger LOG = Logger.getLogger(CompetencyEventConsumer.class);
    private static final Set<String> IMPORTANCE = Set.of("MUTLAK", "PENTING", "PERLU");
    private static final Set<String> GROUPS = Set.of("MANAJERIAL", "SOSIAL_KULTURAL", "TEKNIS", "PEMERINTAHAN");

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    public CompetencyEventConsumer() {
        super(CONSUMER, "training-service");
    }

    @Incoming("competency-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        handle(record);
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) throws IOException {
        String type = EventData.type(record);
        switch (type) {
            case GAP_CHANGED -> gapChanged(record, EventData.of(json, record));
            case STANDARD_PUBLISHED -> standardPublished(EventData.of(json, record));
            case COMPETENCY_CHANGED -> competencyChanged(record, EventData.of(json, record));
            default -> LOG.debugf("%s: ignoring %s", CONSUMER, type);
        }
    }

    record Item(String code, int required, BigDecimal actual, BigDecimal gap, BigDecimal ratio, String importance,
                boolean notAssessed) {
    }

    private void gapChanged(ConsumerRecord<String, String> record, EventData data) {
        String nip = data.required("nip", EventData.NIP);
        EventData.requireKey(record, nip, "nip");
        String positionCode = data.optional("positionCode", EventData.CODE);
        BigDecimal jpm = data.decimal("jpm");
        String category = data.text("category");
        String computedOnText = data.text("computedOn");
        LocalDate computedOn;
        try {
            computedOn = computedOnText == null ? null : LocalDate.parse(computedOnText);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("data.computedOn is not a date: " + computedOnText);
        }
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode array = data.get("items");
        if (array != null && !array.isNull()) {
            if (!array.isArray()) {
                throw new IllegalArgumentException("data.items is not an array");
            }
            int i = 0;
            for (JsonNode n : array) {
                EventData item = EventData.wrap(n, "data.items[" + i + "]");
                String code = item.required("competencyCode", EventData.CODE);
                if (!seen.add(code)) {
                    throw new IllegalArgumentException("data.items[" + i + "].competencyCode " + code + " appears twice");
                }
                Integer required = item.integer("required");
                if (required == null) {
                    throw new IllegalArgumentException("data.items[" + i + "].required is missing");
                }
                items.add(new Item(code, required, item.decimal("actual"), item.decimal("gap"), item.decimal("ratio"),
                        item.oneOf("importance", IMPORTANCE, false), item.bool("notAssessed", false)));
                i++;
            }
        }
        if (!isCurrent("gap:" + nip, EventData.timeVersion(record))) {
            LOG.infof("gap-changed for %s is older than the one applied: not applied", nip);
            return;
        }
        String eventId = EventData.eventId(record);
        em.createNativeQuery("delete from competency_gap_replica where nip = :nip").setParameter("nip", nip).executeUpdate();
        for (Item item : items) {
            em.createNativeQuery("""
                    insert into competency_gap_replica (nip, competency_code, position_code, required_level, actual_level, gap,
                        ratio, importance, not_assessed, jpm, category, computed_on, last_event_id)
                    values (:nip, :code, :pos, :req, :act, :gap, :ratio, :imp, :na, :jpm, :cat, :on, :ev)""")
                    .setParameter("nip", nip).setParameter("code", item.code()).setParameter("pos", positionCode)
                    .setParameter("req", item.required()).setParameter("act", item.actual()).setParameter("gap", item.gap())
                    .setParameter("ratio", item.ratio()).setParameter("imp", item.importance())
                    .setParameter("na", item.notAssessed()).setParameter("jpm", jpm).setParameter("cat", category)
                    .setParameter("on", computedOn).setParameter("ev", eventId)
                    .executeUpdate();
        }
        // a competency named in a gap exists in the dictionary
        known(items.stream().map(Item::code).toList());
    }

    private void standardPublished(EventData data) {
        Set<String> codes = new LinkedHashSet<>();
        JsonNode array = data.get("items");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("data.items is missing or not an array");
        }
        int i = 0;
        for (JsonNode n : array) {
            codes.add(EventData.wrap(n, "data.items[" + i++ + "]").required("competencyCode", EventData.CODE));
        }
        known(codes);
    }

    private void known(java.util.Collection<String> codes) {
        for (String code : codes) {
            em.createNativeQuery("insert into known_competency (code) values (:c) on conflict (code) do nothing")
                    .setParameter("c", code).executeUpdate();
        }
    }

    private void competencyChanged(ConsumerRecord<String, String> record, EventData data) {
        String code = data.required("code", EventData.CODE);
        EventData.requireKey(record, code, "code");
        String group = data.oneOf("group", GROUPS, false);
        String name = data.text("name");
        JsonNode retired = data.get("retired");
        if (retired == null || !retired.isBoolean()) {
            throw new IllegalArgumentException("data.retired is missing or not true or false");
        }
        if (!isCurrent("competency:" + code, EventData.timeVersion(record))) {
            LOG.infof("competency-changed for %s is older than the one applied: not applied", code);
            return;
        }
        em.createNativeQuery("""
                insert into known_competency (code, name, grp, retired, updated_at) values (:c, :n, :g, :r, now())
                on conflict (code) do update set name = excluded.name, grp = excluded.grp, retired = excluded.retired,
                    updated_at = now()""")
                .setParameter("c", code).setParameter("n", name).setParameter("g", group).setParameter("r", retired.asBoolean())
                .executeUpdate();
    }
}
