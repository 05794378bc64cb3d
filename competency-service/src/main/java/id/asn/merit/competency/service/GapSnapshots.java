package id.asn.merit.competency.service;

import id.asn.merit.competency.domain.AssessmentPurpose;
import id.asn.merit.competency.domain.JobPersonMatch;
import id.asn.merit.competency.domain.JpmCategory;
import id.asn.merit.competency.messaging.CompetencyEvents;
import id.asn.merit.competency.messaging.GapChangedData;
import id.asn.merit.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps {@code gap_snapshot}: every active employee's gap against their current position, purpose MAPPING, as of
 * today, so that the gap list and the AKPK roll-up are set-based reads instead of 100 000 computations. Whenever a
 * person's stored JPM or category moves, an {@code asn.competency.gap-changed.v1} event (key NIP, old and new values,
 * the cause) is written to the outbox in the same transaction.
 *
 * <p>What refreshes whom ({@link GapInputsChanged}):
 * <ul>
 *   <li>a placement or an assessment: that person, at once, in the transaction of the change;</li>
 *   <li>a new standard version or a changed position: everyone in the position, at once when they are at most
 *       {@code asn.gaps.sync-limit} people, otherwise queued;</li>
 *   <li>a template or the policy (many people): queued in the change's transaction ({@code gap_refresh_pending}) and
 *       drained in batches by {@link #drain()}, each batch in its own transaction;</li>
 *   <li>time: a job queues the people whose counted assessment expired and the people of positions whose standard
 *       came into force since it last ran.</li>
 * </ul>
 */
@ApplicationScoped
public class GapSnapshots {
    private static final Logger LOG = Logger.getLogger(GapSnapshots.class);
    static final int BATCH = 500;

    @Inject
    EntityManager em;
    @Inject
    GapCalculator calculator;
    @Inject
    PersonScores scores;
    @Inject
    GapPolicies policies;
    @Inject
    Outbox outbox;
    @Inject
    StandardsInForce standards;

    @ConfigProperty(name = "asn.gaps.sync-limit", defaultValue = "2000")
    int syncLimit;

    /** Runs inside the transaction of the change that fired it. */
    void onChange(@Observes GapInputsChanged change) {
        if (change.scope() != GapInputsChanged.Scope.NIPS) {
            standards.evict();
        }
        switch (change.scope()) {
            case NIPS -> refresh(change.key(), change.cause());
            case POSITION -> {
                List<String> nips = nips("select nip from employee_replica where position_code = any(cast(:k as text[])) order by nip", change.key());
                if (nips.size() <= syncLimit) {
                    refresh(nips, change.cause());
                } else {
                    enqueue("select nip from employee_replica where position_code = any(cast(:k as text[]))", change.key(), change.cause());
                }
            }
            case POSITION_TYPE -> enqueue("""
                    select e.nip from employee_replica e join position_replica p on p.code = e.position_code
                    where p.type = any(cast(:k as text[]))""", change.key(), change.cause());
            case EVERYONE -> enqueue("select nip from employee_replica where status = 'ACTIVE'", null, change.cause());
        }
    }

    private List<String> nips(String sql, List<String> key) {
        @SuppressWarnings("unchecked")
        List<String> nips = em.createNativeQuery(sql).setParameter("k", key.toArray(String[]::new)).getResultList();
        return nips;
    }

    private int enqueue(String select, List<String> key, String cause) {
        var insert = em.createNativeQuery("""
                insert into gap_refresh_pending (nip, cause) select nip, :cause from (%s) people
                on conflict (nip) do update set cause = excluded.cause, requested_at = now()""".formatted(select))
                .setParameter("cause", cause);
        if (key != null) {
            insert.setParameter("k", key.toArray(String[]::new));
        }
        int n = insert.executeUpdate();
        LOG.debugf("queued %d gap refreshes (%s)", n, cause);
        return n;
    }

    /**
     * Queues everyone and drains the queue now; for after a bulk load. Returns how many people were queued, once the
     * queue is empty (the scheduled drain may take some of the batches meanwhile).
     */
    public int rebuildAll() {
        int queued = QuarkusTransaction.requiringNew().call(() -> enqueue("select nip from employee_replica", null, "REBUILD"));
        while (true) {
            if (drainBatch() > 0) {
                continue;
            }
            long left = QuarkusTransaction.requiringNew().call(() ->
                    ((Number) em.createNativeQuery("select count(*) from gap_refresh_pending").getSingleResult()).longValue());
            if (left == 0) {
                return queued;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return queued;
            }
        }
    }

    @Scheduled(every = "${asn.gaps.drain-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drain() {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && drainBatch() > 0) {
            // next batch
        }
    }

    /** One batch of the queue in its own transaction; rows another instance holds are skipped. */
    int drainBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select nip, cause from gap_refresh_pending order by requested_at, nip limit :n for update skip locked""")
                    .setParameter("n", BATCH).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            Map<String, List<String>> byCause = new LinkedHashMap<>();
            for (Object[] r : rows) {
                byCause.computeIfAbsent((String) r[1], k -> new ArrayList<>()).add((String) r[0]);
            }
            List<String> all = new ArrayList<>();
            byCause.forEach((cause, nips) -> {
                refresh(nips, cause);
                all.addAll(nips);
            });
            em.createNativeQuery("delete from gap_refresh_pending where nip = any(cast(:n as text[]))")
                    .setParameter("n", all.toArray(String[]::new)).executeUpdate();
            return rows.size();
        });
    }

    /**
     * The passing of time: people whose counted score expired (their stored result held until yesterday) and people
     * of positions whose own standard came into force since the last run are queued.
     */
    @Scheduled(every = "${asn.gaps.time-check-every:1h}", delayed = "${asn.gaps.time-check-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void timePassed() {
        QuarkusTransaction.requiringNew().run(() -> checkTime(calculator.today()));
    }

    @Transactional
    public void checkTime(LocalDate today) {
        em.createNativeQuery("select pg_advisory_xact_lock(7003)").getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object> last = em.createNativeQuery("select last_day from gap_time_job where id = 1").getResultList();
        LocalDate since = last.isEmpty() ? today.minusDays(1) : PersonScores.toDate(last.get(0));
        if (!since.isBefore(today)) {
            return;
        }
        em.createNativeQuery("""
                insert into gap_refresh_pending (nip, cause)
                select nip, 'TIME' from gap_snapshot where valid_until < :today
                union
                select e.nip, 'STANDARD' from employee_replica e
                where e.position_code in (select position_code from competency_standard where effective_from > :since and effective_from <= :today)
                on conflict (nip) do nothing""")
                .setParameter("today", today).setParameter("since", since).executeUpdate();
        em.createNativeQuery("""
                insert into gap_time_job (id, last_day) values (1, :today) on conflict (id) do update set last_day = excluded.last_day""")
                .setParameter("today", today).executeUpdate();
    }

    private record Stored(BigDecimal jpm, String category) {
    }

    /** Recomputes and stores the gaps of these people now, in the caller's transaction. */
    @Transactional
    public void refresh(List<String> nips, String cause) {
        for (int from = 0; from < nips.size(); from += BATCH) {
            refreshBatch(nips.subList(from, Math.min(nips.size(), from + BATCH)), cause);
        }
    }

    private void refreshBatch(List<String> nips, String cause) {
        String[] keys = nips.stream().distinct().toArray(String[]::new);
        @SuppressWarnings("unchecked")
        List<Object[]> people = em.createNativeQuery("select nip, position_code, status from employee_replica where nip = any(cast(:n as text[]))")
                .setParameter("n", keys).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> old = em.createNativeQuery("select nip, jpm, category from gap_snapshot where nip = any(cast(:n as text[]))")
                .setParameter("n", keys).getResultList();
        Map<String, Stored> before = new HashMap<>();
        for (Object[] r : old) {
            before.put((String) r[0], new Stored((BigDecimal) r[1], (String) r[2]));
        }
        Map<String, List<JobPersonMatch.Score>> personScores = scores.of(List.of(keys));
        GapPolicies.Versioned policy = policies.current();
        LocalDate today = calculator.today();
        Map<String, Optional<StandardsInForce.InForce>> cache = new HashMap<>(standards.findAll(
                people.stream().map(p -> (String) p[1]).filter(Objects::nonNull).toList(), today));
        List<GapCalculator.Computation> computed = new ArrayList<>();
        for (Object[] p : people) {
            if (!"ACTIVE".equals(p[2])) {
                continue;
            }
            String nip = (String) p[0];
            computed.add(calculator.compute(nip, (String) p[1], today, AssessmentPurpose.MAPPING,
                    personScores.getOrDefault(nip, List.of()), cache, policy));
        }
        List<Outbox.Pending> events = new ArrayList<>();
        Map<String, GapCalculator.Computation> after = new HashMap<>();
        computed.forEach(c -> after.put(c.nip(), c));
        for (String nip : keys) {
            Stored was = before.get(nip);
            GapCalculator.Computation now = after.get(nip);
            BigDecimal newJpm = now == null || now.result() == null ? null : now.result().jpm();
            JpmCategory newCategory = now == null || now.result() == null ? null : now.result().category();
            BigDecimal oldJpm = was == null ? null : was.jpm();
            String oldCategory = was == null ? null : was.category();
            if (sameNumber(oldJpm, newJpm) && Objects.equals(oldCategory, newCategory == null ? null : newCategory.name())) {
                continue;
            }
            events.add(new Outbox.Pending(CompetencyEvents.TOPIC, nip, CompetencyEvents.GAP_CHANGED,
                    GapChangedData.of(nip, oldJpm, oldCategory, now, cause)));
        }
        em.unwrap(Session.class).doWork(connection -> {
            write(connection, keys, computed);
            outbox.publishAll(connection, events);
        });
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static void write(Connection c, String[] nips, List<GapCalculator.Computation> computed) throws java.sql.SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from gap_snapshot where nip = any(?)")) {
            delete.setArray(1, c.createArrayOf("text", nips));
            delete.executeUpdate();
        }
        try (PreparedStatement snap = c.prepareStatement("""
                insert into gap_snapshot (nip, position_code, standard_version, standard_source, policy_version, jpm, category,
                    coverage, computed_on, valid_until, computed_at, needs) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement item = c.prepareStatement("""
                     insert into gap_snapshot_item (nip, competency_code, required_level, actual, gap, importance, assessment_id)
                     values (?, ?, ?, ?, ?, ?, ?)""")) {
            for (GapCalculator.Computation g : computed) {
                JobPersonMatch.Result r = g.result();
                snap.setString(1, g.nip());
                snap.setString(2, g.positionCode());
                snap.setObject(3, g.standard() == null ? null : g.standard().version(), java.sql.Types.INTEGER);
                snap.setString(4, g.standard() == null ? null : g.standard().source());
                snap.setInt(5, g.policy().version());
                snap.setBigDecimal(6, r == null ? null : r.jpm());
                snap.setString(7, r == null || r.category() == null ? null : r.category().name());
                snap.setBigDecimal(8, r == null ? null : r.coverage());
                snap.setObject(9, g.on());
                snap.setObject(10, g.validUntil());
                snap.setTimestamp(11, Timestamp.from(g.computedAt().toInstant()));
                snap.setInt(12, r == null ? 0 : (int) r.items().stream().filter(JobPersonMatch.Item::below).count());
                snap.addBatch();
                if (r == null) {
                    continue;
                }
                for (JobPersonMatch.Item i : r.items()) {
                    item.setString(1, g.nip());
                    item.setString(2, i.competencyCode());
                    item.setInt(3, i.required());
                    item.setBigDecimal(4, i.actual());
                    item.setBigDecimal(5, i.gap());
                    item.setString(6, i.importance().name());
                    item.setObject(7, i.assessmentId() == null ? null : UUID.fromString(i.assessmentId()));
                    item.addBatch();
                }
            }
            snap.executeBatch();
            item.executeBatch();
        }
    }
}
