package id.asn.merit.merit.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.merit.service.MeritProfiles;
import id.asn.merit.platform.consumer.EventData;
import id.asn.merit.platform.consumer.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps {@code employee_replica}, {@code skp_rating} and {@code discipline_record} from {@code asn.employee.v1}
 * (key NIP) through platform's {@link IdempotentConsumer}: a redelivered ce_id changes nothing, a record it cannot
 * read goes to {@code asn.employee.v1.dlq.merit-service}. Every type carries the whole EmployeeState, so any type
 * (even one that arrives before "registered") creates or completes the replica row, in {@code version} order per
 * NIP. The SKP rating of performance-rated and the decision of disciplined are facts of their own: an event older
 * than the replica (a replay, a re-sent outbox row) still stores the one it carries when it is not stored yet, so no
 * rating is lost; for one person, year and period the rating of the newest version wins. Then the person's profiles
 * are recomputed in the same transaction.
 */
@ApplicationScoped
public class EmployeeEventConsumer extends IdempotentConsumer {
    public static final String CONSUMER = "merit-service.employees";
    public static final String PREFIX = "asn.employee.";
    public static final String PERFORMANCE_RATED = "asn.employee.performance-rated.v1";
    public static final String DISCIPLINED = "asn.employee.disciplined.v1";
    public static final String RANK_CHANGED = "asn.employee.rank-changed.v1";
    private static final Logger LOG = Logger.getLogger(EmployeeEventConsumer.class);

    static final Set<String> GENDERS = Set.of("M", "F");
    static final Set<String> EMPLOYMENT_TYPES = Set.of("PNS", "CPNS", "PPPK");
    static final Set<String> EDUCATION_LEVELS = Set.of("SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3");
    static final Set<String> POSITION_TYPES = Set.of("JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS",
            "PELAKSANA", "FUNGSIONAL");
    static final Set<String> STATUSES = Set.of("ACTIVE", "LEAVE", "SUSPENDED", "RETIRED", "DISMISSED", "DECEASED");
    static final Set<String> PERIODS = Set.of("ANNUAL", "Q1", "Q2", "Q3", "Q4");
    static final Set<String> WORK_LEVELS = Set.of("ABOVE", "AS_EXPECTED", "BELOW");
    static final Set<String> RATINGS = Set.of("SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG");
    static final Set<String> DISCIPLINE_LEVELS = Set.of("LIGHT", "MODERATE", "SEVERE");

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    MeritProfiles profiles;

    public EmployeeEventConsumer() {
        super(CONSUMER, MeritConsumers.DEAD_LETTER_NAME);
    }

    @Incoming("employee-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        handle(record);
    }

    record State(String nip, String name, String gender, LocalDate birthDate, String employmentType, String rank,
                 LocalDate rankSince, boolean rankSinceGiven, String educationLevel, String positionCode,
                 String positionType, String orgUnitCode, String orgUnitPath, String status, long version) {
    }

    record Rating(int year, String period, String workResult, String workBehaviour, String rating, boolean overridden) {
    }

    record Discipline(String level, LocalDate decidedOn) {
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) throws IOException {
        ConsumedEvent event = ConsumedEvent.of(record);
        if (!event.type().startsWith(PREFIX)) {
            throw new IllegalArgumentException("ce_type " + event.type() + " is not an asn.employee event");
        }
        EventData data = EventData.of(json, record);
        State state = state(record, data, event.type());
        Rating rating = PERFORMANCE_RATED.equals(event.type()) ? rating(data) : null;
        Discipline discipline = DISCIPLINED.equals(event.type()) ? discipline(data) : null;

        boolean current = isCurrent(state.nip(), state.version());
        if (current) {
            upsertReplica(state, event);
        } else {
            LOG.infof("%s for %s has version %d, older than the one applied: replica not changed", event.type(),
                    state.nip(), state.version());
        }
        if (rating != null) {
            storeRating(state.nip(), rating, event, current);
        }
        if (discipline != null) {
            storeDiscipline(state.nip(), discipline, event);
        }
        profiles.recompute(state.nip(), event.cause(), rating == null ? null : rating.year());
    }

    private State state(ConsumerRecord<String, String> record, EventData data, String type) {
        String nip = data.required("nip", EventData.NIP);
        EventData.requireKey(record, nip, "nip");
        long version = data.version();
        String rank = data.text("rank");
        // absent or null both mean "unknown" (employee-service leaves null fields out; an import leaves it out on purpose)
        LocalDate rankSince = ConsumedEvent.date(data, "rankSince", "data.", false);
        boolean rankSinceGiven = rankSince != null;
        if (!rankSinceGiven && RANK_CHANGED.equals(type)) {
            // a rank-changed event of a producer without rankSince: the TMT of the entry, when it is the rank in force
            JsonNode change = data.get("rankChange");
            if (change != null && change.isObject()) {
                EventData entry = EventData.wrap(change, "data.rankChange");
                if (rank != null && rank.equals(entry.text("rank"))) {
                    rankSince = ConsumedEvent.date(entry, "effectiveDate", "data.rankChange.", false);
                    rankSinceGiven = rankSince != null;
                }
            }
        }
        String orgUnitCode = data.optional("orgUnitCode", EventData.CODE);
        String path = data.path("orgUnitPath");
        return new State(nip, data.text("name"), data.oneOf("gender", GENDERS, false),
                ConsumedEvent.date(data, "birthDate", "data.", false),
                data.oneOf("employmentType", EMPLOYMENT_TYPES, false), rank, rankSince, rankSinceGiven,
                data.oneOf("educationLevel", EDUCATION_LEVELS, false), data.optional("positionCode", EventData.CODE),
                data.oneOf("positionType", POSITION_TYPES, false), orgUnitCode, path != null ? path : orgUnitCode,
                data.oneOf("status", STATUSES, false), version);
    }

    private static Rating rating(EventData data) {
        EventData r = EventData.wrap(data.get("rating"), "data.rating");
        return ConsumedEvent.nested("data.rating", () -> {
            Integer year = r.integer("year");
            if (year == null || year < 1900 || year > 9999) {
                throw new IllegalArgumentException("data.year is missing or not a year: " + year);
            }
            return new Rating(year, r.oneOf("period", PERIODS, true), r.oneOf("workResult", WORK_LEVELS, false),
                    r.oneOf("workBehaviour", WORK_LEVELS, false), r.oneOf("rating", RATINGS, true),
                    r.bool("overridden", false));
        });
    }

    private static Discipline discipline(EventData data) {
        EventData d = EventData.wrap(data.get("discipline"), "data.discipline");
        return ConsumedEvent.nested("data.discipline", () -> new Discipline(d.oneOf("level", DISCIPLINE_LEVELS, true),
                ConsumedEvent.date(d, "decidedOn", "data.", true)));
    }

    private void upsertReplica(State s, ConsumedEvent event) {
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("select rank, rank_since from employee_replica where nip = :nip")
                .setParameter("nip", s.nip()).getResultList();
        LocalDate rankSince = s.rankSince();
        if (!s.rankSinceGiven() && !stored.isEmpty() && Objects.equals(stored.get(0)[0], s.rank())) {
            // an event without the TMT (an import) keeps the one known for the same rank; a new rank without it is unknown
            Object known = stored.get(0)[1];
            rankSince = known == null ? null : known instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) known;
        }
        em.createNativeQuery("""
                insert into employee_replica (nip, name, gender, birth_date, employment_type, rank, rank_since,
                    education_level, position_code, position_type, org_unit_code, org_unit_path, status, source_version,
                    last_event_id, last_event_type, last_event_at, updated_at)
                values (:nip, :name, :gender, :birthDate, :employmentType, :rank, :rankSince, :education, :position,
                    :positionType, :unit, :path, :status, :version, :eventId, :eventType, :eventAt, now())
                on conflict (nip) do update set name = excluded.name, gender = excluded.gender,
                    birth_date = excluded.birth_date, employment_type = excluded.employment_type, rank = excluded.rank,
                    rank_since = excluded.rank_since, education_level = excluded.education_level,
                    position_code = excluded.position_code, position_type = excluded.position_type,
                    org_unit_code = excluded.org_unit_code, org_unit_path = excluded.org_unit_path,
                    status = excluded.status, source_version = excluded.source_version,
                    last_event_id = excluded.last_event_id, last_event_type = excluded.last_event_type,
                    last_event_at = excluded.last_event_at, updated_at = now()
                where employee_replica.source_version <= excluded.source_version""")
                .setParameter("nip", s.nip()).setParameter("name", s.name()).setParameter("gender", s.gender())
                .setParameter("birthDate", s.birthDate()).setParameter("employmentType", s.employmentType())
                .setParameter("rank", s.rank()).setParameter("rankSince", rankSince)
                .setParameter("education", s.educationLevel()).setParameter("position", s.positionCode())
                .setParameter("positionType", s.positionType()).setParameter("unit", s.orgUnitCode())
                .setParameter("path", s.orgUnitPath()).setParameter("status", s.status())
                .setParameter("version", s.version()).setParameter("eventId", event.id())
                .setParameter("eventType", event.type()).setParameter("eventAt", event.at())
                .executeUpdate();
    }

    /**
     * current: this event is the newest of the person, so its rating replaces the one of the same period; an older
     * event only fills a period not stored yet (the newest version's rating of each period wins, in any order).
     */
    private void storeRating(String nip, Rating r, ConsumedEvent event, boolean current) {
        em.createNativeQuery("""
                insert into skp_rating (nip, year, period, rating, work_result, work_behaviour, overridden, event_id, event_at)
                values (:nip, :year, :period, :rating, :result, :behaviour, :overridden, :eventId, :eventAt)
                on conflict (nip, year, period) do\s""" + (current ? """
                update set rating = excluded.rating, work_result = excluded.work_result,
                    work_behaviour = excluded.work_behaviour, overridden = excluded.overridden,
                    event_id = excluded.event_id, event_at = excluded.event_at""" : "nothing"))
                .setParameter("nip", nip).setParameter("year", r.year()).setParameter("period", r.period())
                .setParameter("rating", r.rating()).setParameter("result", r.workResult())
                .setParameter("behaviour", r.workBehaviour()).setParameter("overridden", r.overridden())
                .setParameter("eventId", event.id()).setParameter("eventAt", event.at())
                .executeUpdate();
    }

    private void storeDiscipline(String nip, Discipline d, ConsumedEvent event) {
        em.createNativeQuery("""
                insert into discipline_record (event_id, nip, level, decided_on, event_at)
                values (:eventId, :nip, :level, :decidedOn, :eventAt)
                on conflict (event_id) do nothing""")
                .setParameter("eventId", event.id()).setParameter("nip", nip).setParameter("level", d.level())
                .setParameter("decidedOn", d.decidedOn()).setParameter("eventAt", event.at())
                .executeUpdate();
    }
}
