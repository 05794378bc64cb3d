package id.asn.merit.training.service;

import id.asn.merit.platform.outbox.Outbox;
import id.asn.merit.training.domain.JpRecognition;
import id.asn.merit.training.messaging.JpThresholdReachedData;
import id.asn.merit.training.messaging.TrainingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The one place a person-year's JP totals are computed and stored: {@code jp_person_year} (what compliance reads) is
 * recomputed with {@link JpRecognition} from the person's records of that year, in the transaction that changed
 * them, and the moment the recognised JP first reaches the requirement, {@code jp_threshold_reached} gets its row and
 * the outbox {@code asn.training.jp-threshold-reached.v1}, both in that same transaction: exactly once per
 * person-year whatever path changed the records (a POST, a verification, a correction, an import, a cap change).
 *
 * <p>Concurrent changes of one person are serialised by a transaction-scoped advisory lock per NIP taken before the
 * records are read: the last transaction to take it reads every committed change, so the stored totals are never
 * those of a stale read.
 */
@ApplicationScoped
public class JpLedger {
    /** The first key of the advisory lock: the ledger's own space, apart from the outbox's. */
    static final int LOCK_SPACE = 0x0b0c5ea;

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    JpRequirements requirements;

    public record PersonYear(String nip, int year) {
    }

    /**
     * A person-year after the refresh.
     *
     * @param thresholdReachedNow true when this refresh sent the person-year's one jp-threshold-reached event
     * @param recognisedByRecord  what each VERIFIED record of the person-year counts for after the caps
     */
    public record Totals(String nip, int year, BigDecimal recognisedJp, BigDecimal claimedJp, BigDecimal requiredJp,
                         boolean thresholdReachedNow, Map<UUID, BigDecimal> recognisedByRecord) {
    }

    /** {@link #refresh(Collection, UUID)} without a causing record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<PersonYear, Totals> refresh(Collection<PersonYear> keys) {
        return refresh(keys, null);
    }

    /**
     * Recomputes and stores the totals of these person-years, in the caller's transaction, flushing pending entity
     * changes first so the records read are the ones this transaction wrote.
     *
     * @param cause the record whose change this is (named in a threshold event), or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<PersonYear, Totals> refresh(Collection<PersonYear> keys, UUID cause) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        em.flush();
        JpRequirements.Policy policy = requirements.current();
        return em.unwrap(Session.class).doReturningWork(connection -> refresh(connection, keys, cause, policy));
    }

    /** The JDBC form, for bulk jobs writing on their own connection inside their own transaction. */
    public Map<PersonYear, Totals> refresh(Connection connection, Collection<PersonYear> keys, UUID cause,
                                           JpRequirements.Policy policy) throws SQLException {
        if (keys.isEmpty()) {
            return Map.of();
        }
        TreeSet<String> nips = new TreeSet<>();
        keys.forEach(k -> nips.add(k.nip()));
        lock(connection, nips);
        Map<String, JpRecognition.Caps> caps = caps(connection);
        Map<PersonYear, List<JpRecognition.Entry>> entries = entries(connection, keys);
        Map<String, String> types = employmentTypes(connection, nips);

        Map<PersonYear, Totals> out = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (PersonYear k : new java.util.LinkedHashSet<>(keys)) {
            JpRecognition.Result r = JpRecognition.recognise(k.year(), entries.getOrDefault(k, List.of()), caps);
            BigDecimal required = policy.requiredFor(types.get(k.nip()));
            Map<UUID, BigDecimal> byRecord = new HashMap<>();
            r.lines().stream().filter(l -> l.entry().status() == JpRecognition.Status.VERIFIED)
                    .forEach(l -> byRecord.put(l.entry().id(), l.recognisedJp()));
            out.put(k, new Totals(k.nip(), k.year(), r.recognisedJp(), r.claimedJp(), required, false, byRecord));
            rows.add(new Object[]{k.nip(), k.year(), r.recognisedJp(), r.claimedJp(), r.verifiedJp(), r.lines().size()});
        }
        upsert(connection, rows);
        List<Totals> reached = out.values().stream().filter(t -> t.recognisedJp().compareTo(t.requiredJp()) >= 0).toList();
        if (!reached.isEmpty()) {
            for (PersonYear k : markReached(connection, reached, cause)) {
                Totals t = out.get(k);
                out.put(k, new Totals(t.nip(), t.year(), t.recognisedJp(), t.claimedJp(), t.requiredJp(), true, t.recognisedByRecord()));
            }
            List<Outbox.Pending> events = out.values().stream().filter(Totals::thresholdReachedNow)
                    .map(t -> new Outbox.Pending(TrainingEvents.TOPIC, t.nip(), TrainingEvents.JP_THRESHOLD_REACHED,
                            new JpThresholdReachedData(t.nip(), t.year(), t.requiredJp(), t.recognisedJp(),
                                    cause == null ? null : cause.toString())))
                    .toList();
            outbox.publishAll(connection, events);
        }
        return out;
    }

    private static void lock(Connection c, TreeSet<String> nips) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select count(*) from (select distinct unnest(?::text[]) as k order by 1) keys,
                       lateral pg_advisory_xact_lock(?, hashtext(keys.k))""")) {
            ps.setArray(1, c.createArrayOf("text", nips.toArray()));
            ps.setInt(2, LOCK_SPACE);
            ps.executeQuery().close();
        }
    }

    public static Map<String, JpRecognition.Caps> caps(Connection c) throws SQLException {
        Map<String, JpRecognition.Caps> caps = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select code, max_jp_per_record, max_jp_per_day, max_jp_per_year from learning_method");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                caps.put(rs.getString(1), new JpRecognition.Caps(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
            }
        }
        return caps;
    }

    private static Map<PersonYear, List<JpRecognition.Entry>> entries(Connection c, Collection<PersonYear> keys) throws SQLException {
        Map<PersonYear, List<JpRecognition.Entry>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select r.id, r.nip, r.year, r.status, r.method_code, r.start_date, r.end_date, r.jp
                from training_record r
                join (select * from unnest(?::varchar[], ?::int[]) as k(nip, year)) k on k.nip = r.nip and k.year = r.year""")) {
            ps.setArray(1, c.createArrayOf("varchar", keys.stream().map(PersonYear::nip).toArray()));
            ps.setArray(2, c.createArrayOf("integer", keys.stream().map(PersonYear::year).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PersonYear k = new PersonYear(rs.getString(2), rs.getInt(3));
                    out.computeIfAbsent(k, x -> new ArrayList<>()).add(new JpRecognition.Entry(rs.getObject(1, UUID.class),
                            JpRecognition.Status.valueOf(rs.getString(4)), rs.getString(5),
                            rs.getObject(6, java.time.LocalDate.class), rs.getObject(7, java.time.LocalDate.class),
                            rs.getBigDecimal(8)));
                }
            }
        }
        return out;
    }

    private static Map<String, String> employmentTypes(Connection c, Collection<String> nips) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select nip, employment_type from employee_replica where nip = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", nips.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static void upsert(Connection c, List<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into jp_person_year (nip, year, recognised_jp, claimed_jp, verified_jp, records, computed_at)
                select *, now() from unnest(?::varchar[], ?::int[], ?::numeric[], ?::numeric[], ?::numeric[], ?::int[])
                on conflict (nip, year) do update set recognised_jp = excluded.recognised_jp, claimed_jp = excluded.claimed_jp,
                    verified_jp = excluded.verified_jp, records = excluded.records, computed_at = excluded.computed_at""")) {
            for (int i = 0; i < 6; i++) {
                final int col = i;
                String type = switch (i) {
                    case 0 -> "varchar";
                    case 1, 5 -> "integer";
                    default -> "numeric";
                };
                ps.setArray(i + 1, c.createArrayOf(type, rows.stream().map(r -> r[col]).toArray()));
            }
            ps.executeUpdate();
        }
    }

    private static List<PersonYear> markReached(Connection c, List<Totals> reached, UUID cause) throws SQLException {
        List<PersonYear> inserted = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into jp_threshold_reached (nip, year, required_jp, reached_jp, record_id)
                select k.nip, k.year, k.required, k.reached, ?::uuid
                from unnest(?::varchar[], ?::int[], ?::numeric[], ?::numeric[]) as k(nip, year, required, reached)
                on conflict (nip, year) do nothing
                returning nip, year""")) {
            ps.setObject(1, cause);
            ps.setArray(2, c.createArrayOf("varchar", reached.stream().map(Totals::nip).toArray()));
            ps.setArray(3, c.createArrayOf("integer", reached.stream().map(Totals::year).toArray()));
            ps.setArray(4, c.createArrayOf("numeric", reached.stream().map(Totals::requiredJp).toArray()));
            ps.setArray(5, c.createArrayOf("numeric", reached.stream().map(Totals::recognisedJp).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(new PersonYear(rs.getString(1), rs.getInt(2)));
                }
            }
        }
        return inserted;
    }

    /**
     * Queues every person-year with records of this method for recomputation (after its caps changed), in the
     * caller's transaction; {@link #drainPending} works the queue off.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queueMethod(String methodCode) {
        return em.createNativeQuery("""
                insert into jp_recompute_pending (nip, year)
                select distinct nip, year from training_record where method_code = :m
                on conflict do nothing""").setParameter("m", methodCode).executeUpdate();
    }

    /** Recomputes up to {@code batch} queued person-years in the caller's transaction; the number done. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int drainPending(int batch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                delete from jp_recompute_pending where (nip, year) in (
                    select nip, year from jp_recompute_pending order by queued_at, nip, year limit :n for update skip locked)
                returning nip, year""").setParameter("n", batch).getResultList();
        List<PersonYear> keys = rows.stream().map(r -> new PersonYear((String) r[0], ((Number) r[1]).intValue())).toList();
        refresh(keys);
        return keys.size();
    }
}
