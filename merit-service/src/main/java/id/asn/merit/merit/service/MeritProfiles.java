package id.asn.merit.merit.service;

import id.asn.merit.merit.profiles.MeritProfileView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes and stores merit profiles (SYSTEM.md §3, §6.4) under the policy in force. This is what the consumers and
 * the other features call, in their own transaction; the work itself is {@link MeritProfileStore}'s set-based path,
 * the same one the bulk recomputation uses.
 */
@ApplicationScoped
public class MeritProfiles {
    /** CAUSE types of a recomputation (merit_profile.cause_type). */
    public static final String EVENT = "EVENT";
    public static final String POLICY = "POLICY";
    public static final String POTENTIAL_TEST = "POTENTIAL_TEST";
    public static final String REBUILD = "REBUILD";

    /**
     * Why a profile was recomputed.
     *
     * @param type      EVENT, POLICY, POTENTIAL_TEST or REBUILD
     * @param id        the ce_id of the event, the policy version, the potential test id
     * @param eventType the ce_type for an EVENT, else null
     */
    public record Cause(String type, String id, String eventType) {
        public static Cause event(String ceId, String ceType) {
            return new Cause(EVENT, ceId, ceType);
        }

        MeritProfileView.Cause view() {
            return new MeritProfileView.Cause(type, id, eventType);
        }
    }

    @Inject
    EntityManager em;
    @Inject
    MeritProfileStore store;
    @Inject
    MeritPolicies policies;
    @Inject
    MeritClock clock;

    /**
     * Recomputes, in the caller's transaction, the person's profiles of the current year, of every year that already
     * has a profile, and of {@code year} when given (e.g. the year of an SKP rating); stores a new revision (with
     * history and the profile-updated / box-changed events in the outbox) only where the result changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(String nip, Cause cause, Integer year) {
        recomputeAll(List.of(nip), cause, year);
    }

    /** Recomputes the holders of a position (its minimum education or type changed), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recomputeHoldersOf(String positionCode, Cause cause) {
        List<String> holders = withConnection(c -> {
            List<String> nips = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select nip from employee_replica where position_code = ? order by nip")) {
                ps.setString(1, positionCode);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        nips.add(rs.getString(1));
                    }
                }
            }
            return nips;
        });
        recomputeAll(holders, cause, null);
    }

    /** The person's profile of a year computed now, not stored (revision 0); null when the replica does not know them. */
    @Transactional
    public MeritProfileView preview(String nip, int year) {
        MeritProfileStore.Policy policy = policies.inForce();
        return withConnection(c -> store.preview(c, nip, year, policy));
    }

    private void recomputeAll(List<String> nips, Cause cause, Integer year) {
        if (nips.isEmpty()) {
            return;
        }
        MeritProfileStore.Policy policy = policies.inForce();
        int current = clock.currentYear();
        withConnection(c -> {
            store.lock(c, nips);
            Set<MeritProfileStore.Key> keys = new TreeSet<>(store.existingKeys(c, nips));
            for (String nip : nips) {
                keys.add(new MeritProfileStore.Key(nip, current));
                if (year != null) {
                    keys.add(new MeritProfileStore.Key(nip, year));
                }
            }
            return store.recompute(c, keys, cause.view(), policy);
        });
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs JDBC work on the connection of the current transaction, after flushing what JPA still holds. */
    private <T> T withConnection(Work<T> work) {
        em.flush();
        return em.unwrap(Session.class).doReturningWork(work::run);
    }
}
