package id.asn.merit.merit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.merit.domain.MeritPolicyRules;
import id.asn.merit.merit.domain.MeritProfileCalculator;
import id.asn.merit.merit.domain.PotentialScore;
import id.asn.merit.merit.profiles.MeritProfileView;
import id.asn.merit.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes profiles for a set of (NIP, year) and stores those that changed, set-based on one JDBC connection (the
 * caller's transaction): the facts in a few queries, the comparison by fingerprint, the upserts, the history and the
 * events in batches. Used alike by the event path (one person) and the bulk recomputation (a chunk of thousands).
 */
@ApplicationScoped
public class MeritProfileStore {
    /** The policy a computation uses. */
    public record Policy(int version, MeritPolicyRules rules) {
    }

    public record Key(String nip, int year) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = nip.compareTo(o.nip);
            return c != 0 ? c : Integer.compare(year, o.year);
        }
    }

    private record Stored(int revision, String fingerprint, Integer box) {
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(MeritProfileStore.class);
    /** Below this many keys (the event path) the computation stays on the caller's thread. */
    private static final int PARALLEL_FROM = 200;

    @Inject
    ObjectMapper json;
    @Inject
    Outbox outbox;
    @Inject
    MeritClock clock;

    /** The profile of a person in the replica for a year, computed now and not stored (revision 0); null if unknown. */
    public MeritProfileView preview(Connection c, String nip, int year, Policy policy) throws SQLException {
        MeritProfileFacts facts = MeritProfileFacts.load(c, List.of(nip), List.of(year));
        MeritProfileFacts.Person p = facts.person(nip);
        if (p == null) {
            return null;
        }
        return view(facts, p, year, policy).withMeta(0, null, now());
    }

    /** The years already profiled for these people, as keys. */
    public Set<Key> existingKeys(Connection c, Collection<String> nips) throws SQLException {
        Set<Key> keys = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("select nip, year from merit_profile where nip = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", nips.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new Key(rs.getString(1), rs.getInt(2)));
                }
            }
        }
        return keys;
    }

    /**
     * Recomputes the keys; a person not in the replica is skipped, and one not ACTIVE gets no new profile (an existing
     * one is kept up to date). @return how many profiles changed (a new revision was stored)
     */
    public int recompute(Connection c, Collection<Key> keys, MeritProfileView.Cause cause, Policy policy) throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        Set<String> nips = new TreeSet<>();
        Set<Integer> years = new TreeSet<>();
        keys.forEach(k -> {
            nips.add(k.nip());
            years.add(k.year());
        });
        lock(c, nips);
        long t0 = System.nanoTime();
        Map<Key, Stored> stored = stored(c, nips, years);
        MeritProfileFacts facts = MeritProfileFacts.load(c, nips, years);
        long t1 = System.nanoTime();
        OffsetDateTime computedAt = now();

        // computing and serialising is CPU work on facts already in memory: spread a bulk chunk over the cores
        List<Key> ordered = new ArrayList<>(new TreeSet<>(keys));
        List<Object[]> results = (ordered.size() >= PARALLEL_FROM ? ordered.parallelStream() : ordered.stream()).map(key -> {
            MeritProfileFacts.Person p = facts.person(key.nip());
            Stored before = stored.get(key);
            if (p == null || before == null && !p.active()) {
                return null;
            }
            MeritProfileView computed = view(facts, p, key.year(), policy);
            String fingerprint = fingerprint(computed);
            if (before != null && before.fingerprint().equals(fingerprint)) {
                return null;
            }
            MeritProfileView v = computed.withMeta(before == null ? 1 : before.revision() + 1, cause, computedAt);
            return new Object[]{v, p, fingerprint, write(v), before};
        }).filter(Objects::nonNull).toList();

        List<Object[]> upserts = new ArrayList<>(results.size());
        List<Outbox.Pending> events = new ArrayList<>();
        for (Object[] r : results) {
            MeritProfileView v = (MeritProfileView) r[0];
            Stored before = (Stored) r[4];
            upserts.add(r);
            events.add(new Outbox.Pending(MeritEvents.TOPIC, v.nip(), MeritEvents.PROFILE_UPDATED, profileUpdated(v)));
            Integer fromBox = before == null ? null : before.box();
            if (!Objects.equals(fromBox, v.box())) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("nip", v.nip());
                data.put("year", v.year());
                data.put("fromBox", fromBox);
                data.put("toBox", v.box());
                data.put("policyVersion", v.policyVersion());
                events.add(new Outbox.Pending(MeritEvents.TOPIC, v.nip(), MeritEvents.BOX_CHANGED, data));
            }
        }
        if (upserts.isEmpty()) {
            return 0;
        }
        long t2 = System.nanoTime();
        write(c, upserts);
        long t3 = System.nanoTime();
        outbox.publishAll(c, events);
        long t4 = System.nanoTime();
        LOG.debugf("profiles: load %d, compute %d, write %d, outbox %d ms for %d changed",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, upserts.size());
        return upserts.size();
    }

    /**
     * Serialises recomputations of the same people until the transaction ends: the four consumers (one per topic) and
     * the bulk jobs run concurrently, and two of them recomputing one NIP at once would both write its next revision.
     * Transaction-scoped advisory locks, taken in one order (by hash), so two multi-person holders never deadlock;
     * the waiter then reads what the first committed.
     */
    public void lock(Connection c, Collection<String> nips) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select count(pg_advisory_xact_lock(h)) from (select distinct hashtext(n) h from unnest(?) n order by 1) locks""")) {
            ps.setArray(1, c.createArrayOf("varchar", nips.toArray()));
            ps.executeQuery().close();
        }
    }

    private Map<Key, Stored> stored(Connection c, Set<String> nips, Set<Integer> years) throws SQLException {
        Map<Key, Stored> stored = new HashMap<>();
        // for update: a concurrent recomputation of the same person waits, so revisions follow one another
        try (PreparedStatement ps = c.prepareStatement("""
                select nip, year, revision, fingerprint, box from merit_profile where nip = any(?) and year = any(?)
                order by nip, year for update""")) {
            ps.setArray(1, c.createArrayOf("varchar", nips.toArray()));
            ps.setArray(2, c.createArrayOf("integer", years.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int box = rs.getInt(5);
                    stored.put(new Key(rs.getString(1), rs.getInt(2)), new Stored(rs.getInt(3), rs.getString(4), rs.wasNull() ? null : box));
                }
            }
        }
        return stored;
    }

    private void write(Connection c, List<Object[]> rows) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("""
                insert into merit_profile (nip, year, revision, policy_version, performance_score, performance_axis, potential_score,
                    potential_axis, box, merit_score, eligible_for_talent_pool, gender, birth_date, org_unit_code, org_unit_path,
                    fingerprint, body, cause_type, cause, cause_event_type, computed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
                on conflict (nip, year) do update set revision = excluded.revision, policy_version = excluded.policy_version,
                    performance_score = excluded.performance_score, performance_axis = excluded.performance_axis,
                    potential_score = excluded.potential_score, potential_axis = excluded.potential_axis, box = excluded.box,
                    merit_score = excluded.merit_score, eligible_for_talent_pool = excluded.eligible_for_talent_pool,
                    gender = excluded.gender, birth_date = excluded.birth_date, org_unit_code = excluded.org_unit_code,
                    org_unit_path = excluded.org_unit_path, fingerprint = excluded.fingerprint, body = excluded.body,
                    cause_type = excluded.cause_type, cause = excluded.cause, cause_event_type = excluded.cause_event_type,
                    computed_at = excluded.computed_at""");
             PreparedStatement history = c.prepareStatement("""
                     insert into merit_profile_history (nip, year, revision, policy_version, box, merit_score, cause_type, cause,
                         cause_event_type, body, computed_at)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""")) {
            for (Object[] row : rows) {
                MeritProfileView v = (MeritProfileView) row[0];
                MeritProfileFacts.Person p = (MeritProfileFacts.Person) row[1];
                String body = (String) row[3];
                up.setString(1, v.nip());
                up.setInt(2, v.year());
                up.setInt(3, v.revision());
                up.setInt(4, v.policyVersion());
                up.setObject(5, decimal(v.performance().score()), Types.NUMERIC);
                up.setString(6, v.performance().axis() == null ? null : v.performance().axis().name());
                up.setObject(7, decimal(v.potential().score()), Types.NUMERIC);
                up.setString(8, v.potential().axis() == null ? null : v.potential().axis().name());
                up.setObject(9, v.box() == null ? null : v.box().shortValue(), Types.SMALLINT);
                up.setObject(10, decimal(v.meritScore()), Types.NUMERIC);
                up.setBoolean(11, v.eligibleForTalentPool());
                up.setString(12, p.gender());
                up.setObject(13, p.birthDate(), Types.DATE);
                up.setString(14, p.orgUnitCode());
                up.setString(15, p.orgUnitPath());
                up.setString(16, (String) row[2]);
                up.setString(17, body);
                up.setString(18, v.cause().type());
                up.setString(19, v.cause().id());
                up.setString(20, v.cause().eventType());
                up.setObject(21, v.computedAt());
                up.addBatch();

                history.setString(1, v.nip());
                history.setInt(2, v.year());
                history.setInt(3, v.revision());
                history.setInt(4, v.policyVersion());
                history.setObject(5, v.box() == null ? null : v.box().shortValue(), Types.SMALLINT);
                history.setObject(6, decimal(v.meritScore()), Types.NUMERIC);
                history.setString(7, v.cause().type());
                history.setString(8, v.cause().id());
                history.setString(9, v.cause().eventType());
                history.setString(10, body);
                history.setObject(11, v.computedAt());
                history.addBatch();
            }
            up.executeBatch();
            history.executeBatch();
        }
    }

    private MeritProfileView view(MeritProfileFacts facts, MeritProfileFacts.Person p, int year, Policy policy) {
        MeritProfileCalculator.Result r = MeritProfileCalculator.compute(facts.facts(p, year, clock.asOf(year), policy.rules()), policy.rules());
        MeritProfileCalculator.Potential pot = r.potential();
        Map<String, Double> parts = pot.parts();
        MeritProfileView.Potential potential = new MeritProfileView.Potential(pot.score(), pot.axis(),
                new MeritProfileView.Parts(parts.get(PotentialScore.COMPETENCY), parts.get(PotentialScore.POTENTIAL_TEST),
                        parts.get(PotentialScore.QUALIFICATION), parts.get(PotentialScore.INTEGRITY)),
                pot.missingParts(), pot.reweighted(), pot.weights());
        MeritProfileCalculator.Performance perf = r.performance();
        List<MeritProfileView.Input> inputs = r.inputs().stream()
                .map(i -> new MeritProfileView.Input(i.source(), i.id(), i.value(), utc(i.at()))).toList();
        return new MeritProfileView(p.nip(), p.name(), year, p.orgUnitCode(), p.positionCode(),
                new MeritProfileView.Performance(perf.rating(), perf.ratingYear(), perf.score(), perf.axis()), potential, r.box(),
                r.meritScore(), r.eligibleForTalentPool(), r.reasons(), inputs, policy.version(), 0, null, null);
    }

    /** SHA-256 of the view without revision, cause and computedAt: the same result gives the same fingerprint. */
    String fingerprint(MeritProfileView v) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(v.withMeta(0, null, null)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> profileUpdated(MeritProfileView v) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nip", v.nip());
        data.put("year", v.year());
        data.put("box", v.box());
        data.put("meritScore", v.meritScore());
        data.put("performanceAxis", v.performance().axis());
        data.put("potentialAxis", v.potential().axis());
        data.put("eligibleForTalentPool", v.eligibleForTalentPool());
        data.put("policyVersion", v.policyVersion());
        data.put("computedAt", v.computedAt());
        data.put("cause", v.cause());
        return data;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal decimal(Double d) {
        return d == null ? null : BigDecimal.valueOf(d);
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
