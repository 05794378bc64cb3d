package id.asn.merit.merit.service;

import id.asn.merit.merit.profiles.MeritProfileView;
import id.asn.merit.merit.profiles.MeritRecomputationView;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bulk recomputation of every profile of a year: queued in the transaction that publishes a policy (or on demand),
 * claimed after commit by a poller ({@code for update skip locked}, so one instance runs a job), and run in chunks of
 * NIPs, each chunk one transaction with a handful of set-based queries, batch writes and the chunk's events, and the
 * job's progress updated with it.
 */
@ApplicationScoped
public class MeritRecomputations {
    private static final Logger LOG = Logger.getLogger(MeritRecomputations.class);
    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource ds;
    @Inject
    MeritProfileStore store;
    @Inject
    MeritPolicies policies;
    @Inject
    id.asn.merit.platform.audit.AuditLog audit;

    private static final int MAX_CHUNK_ATTEMPTS = 3;

    /** A RUNNING job without a chunk done for this long lost its instance and is claimed again (recomputing is idempotent). */
    @ConfigProperty(name = "asn.merit.recompute.stale-after", defaultValue = "5m")
    java.time.Duration staleAfter;

    @ConfigProperty(name = "asn.merit.recompute.chunk-size", defaultValue = "2000")
    int chunkSize;

    /** Queues a recomputation of every profile of the year in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(int policyVersion, int year, String requestedBy) {
        return enqueue(policyVersion, year, requestedBy, MeritProfiles.POLICY);
    }

    /** @param causeType POLICY (after a publication) or REBUILD (asked for) */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(int policyVersion, int year, String requestedBy, String causeType) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                insert into recompute_job (id, policy_version, year, status, requested_by, created_at, cause_type)
                values (:id, :version, :year, 'QUEUED', :by, clock_timestamp(), :cause)""")
                .setParameter("id", id).setParameter("version", policyVersion).setParameter("year", year).setParameter("cause", causeType)
                .setParameter("by", requestedBy == null ? "system" : requestedBy).executeUpdate();
        return id;
    }

    /** An ADMIN's recomputation of a year under the policy in force (cause REBUILD); audited. */
    @Transactional
    public MeritRecomputationView rebuild(int year, String requestedBy) {
        UUID id = enqueue(policies.inForce().version(), year, requestedBy, MeritProfiles.REBUILD);
        MeritRecomputationView job = find(id);
        audit.record("RECOMPUTE", "MeritRecomputation", id.toString(), null, job);
        return job;
    }

    /** The newest job queued for a policy version (the one its publication created), or null. */
    @Transactional
    public UUID latestFor(int policyVersion) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from recompute_job where policy_version = :v order by created_at desc limit 1", UUID.class)
                .setParameter("v", policyVersion).getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    @Transactional
    public MeritRecomputationView find(UUID id) {
        List<MeritRecomputationView> found = query("where id = :id", id, PageRequest.of(0, 1));
        if (found.isEmpty()) {
            throw ApiException.notFound("recomputation", id.toString());
        }
        return found.get(0);
    }

    @Transactional
    public PageResponse<MeritRecomputationView> list(Integer policyVersion, PageRequest paging) {
        String where = policyVersion == null ? "" : "where policy_version = :id";
        var count = em.createNativeQuery("select count(*) from recompute_job " + where);
        if (policyVersion != null) {
            count.setParameter("id", policyVersion);
        }
        long total = ((Number) count.getSingleResult()).longValue();
        return new PageResponse<>(query(where, policyVersion, paging), paging.page(), paging.size(), total);
    }

    private List<MeritRecomputationView> query(String where, Object param, PageRequest paging) {
        var q = em.createNativeQuery("""
                select id, policy_version, year, status, total, processed, changed, error, created_at, started_at, finished_at
                from recompute_job""" + (where.isEmpty() ? "" : " " + where) + " order by created_at desc, id limit :limit offset :offset");
        if (!where.isEmpty()) {
            q.setParameter("id", param);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.setParameter("limit", paging.size()).setParameter("offset", paging.offset()).getResultList();
        List<MeritRecomputationView> views = new ArrayList<>();
        for (Object[] r : rows) {
            views.add(new MeritRecomputationView((UUID) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue(), (String) r[3],
                    ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), (String) r[7], time(r[8]),
                    time(r[9]), time(r[10])));
        }
        return views;
    }

    private static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    /** Claims the oldest queued job and runs it; several instances never run the same job. */
    @Scheduled(every = "${asn.merit.recompute.poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        UUID job;
        while ((job = claim()) != null) {
            run(job);
        }
    }

    private UUID claim() {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("""
                    update recompute_job set status = 'RUNNING', started_at = now(), heartbeat_at = now()
                    where id = (select id from recompute_job
                                where status = 'QUEUED'
                                   or status = 'RUNNING' and coalesce(heartbeat_at, started_at) < now() - ? * interval '1 second'
                                order by created_at, id limit 1 for update skip locked)
                    returning id""")) {
                ps.setLong(1, staleAfter.toSeconds());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getObject(1, UUID.class) : null;
                }
            }
        } catch (SQLException e) {
            LOG.warnf(e, "could not claim a recompute job");
            return null;
        }
    }

    void run(UUID id) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                int version;
                int year;
                try (PreparedStatement ps = c.prepareStatement("select policy_version, year from recompute_job where id = ?")) {
                    ps.setObject(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        version = rs.getInt(1);
                        year = rs.getInt(2);
                    }
                }
                MeritProfileStore.Policy policy = policies.rulesOf(version);
                MeritProfileView.Cause cause = causeOf(c, id, version);
                List<String> nips = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("""
                        select nip from merit_profile where year = ? union select nip from employee_replica where status = 'ACTIVE'
                        order by 1""")) {
                    ps.setInt(1, year);
                    ps.setFetchSize(10_000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            nips.add(rs.getString(1));
                        }
                    }
                }
                progress(c, id, nips.size(), 0, 0);
                c.commit();
                int processed = 0;
                int changed = 0;
                for (int from = 0; from < nips.size(); from += chunkSize) {
                    List<String> chunk = nips.subList(from, Math.min(nips.size(), from + chunkSize));
                    List<MeritProfileStore.Key> keys = chunk.stream().map(n -> new MeritProfileStore.Key(n, year)).toList();
                    changed += recomputeChunk(c, keys, cause, policy);
                    processed += chunk.size();
                    progress(c, id, nips.size(), processed, changed);
                    c.commit();
                }
                try (PreparedStatement ps = c.prepareStatement("update recompute_job set status = 'DONE', finished_at = now() where id = ?")) {
                    ps.setObject(1, id);
                    ps.executeUpdate();
                }
                c.commit();
                LOG.infof("recompute job %s: %d profiles of %d, %d changed, policy version %d", id, processed, year, changed, version);
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                fail(c, id, e);
            }
        } catch (SQLException e) {
            LOG.errorf(e, "recompute job %s failed", id);
        }
    }

    /**
     * One chunk in its own transaction. An event for one of its people may be stored at the same moment (the first
     * profile of someone new: both write revision 1, one loses on the history's unique key; or a deadlock): the chunk
     * is rolled back and done again on the then-current rows, rather than failing the whole job.
     */
    private int recomputeChunk(Connection c, List<MeritProfileStore.Key> keys, MeritProfileView.Cause cause,
            MeritProfileStore.Policy policy) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.recompute(c, keys, cause, policy);
            } catch (SQLException e) {
                boolean race = "23505".equals(e.getSQLState()) || "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState())
                        || e.getNextException() != null && "23505".equals(e.getNextException().getSQLState());
                if (!race || attempt == MAX_CHUNK_ATTEMPTS) {
                    throw e;
                }
                LOG.infof("recompute chunk from %s collided with a concurrent write (%s); again", keys.get(0).nip(), e.getSQLState());
                c.rollback();
            }
        }
    }

    /** POLICY (the version) for a job queued by a publication, REBUILD (the job id) for one an ADMIN asked for. */
    private static MeritProfileView.Cause causeOf(Connection c, UUID id, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select cause_type from recompute_job where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return MeritProfiles.REBUILD.equals(rs.getString(1))
                        ? new MeritProfileView.Cause(MeritProfiles.REBUILD, id.toString(), null)
                        : new MeritProfileView.Cause(MeritProfiles.POLICY, Integer.toString(version), null);
            }
        }
    }

    private static void progress(Connection c, UUID id, int total, int processed, int changed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update recompute_job set total = ?, processed = ?, changed = ?, heartbeat_at = now() where id = ?")) {
            ps.setInt(1, total);
            ps.setInt(2, processed);
            ps.setInt(3, changed);
            ps.setObject(4, id);
            ps.executeUpdate();
        }
    }

    private static void fail(Connection c, UUID id, Exception e) throws SQLException {
        LOG.errorf(e, "recompute job %s failed", id);
        String message = String.valueOf(e.getMessage());
        try (PreparedStatement ps = c.prepareStatement("update recompute_job set status = 'FAILED', error = ?, finished_at = now() where id = ?")) {
            ps.setString(1, message.length() > 2000 ? message.substring(0, 2000) : message);
            ps.setObject(2, id);
            ps.executeUpdate();
        }
        c.commit();
    }
}
