package id.asn.merit.merit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Computes and stores merit profiles (SYSTEM.md §3, §6.4). Its API is what the consumers and the other features
 * call; FOUNDATION STUB: the bodies are written by the profile work of issue #9 (they do nothing until then).
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
    }

    /**
     * Recomputes, in the caller's transaction, the person's profiles of the current year, of every year that already
     * has a profile, and of {@code year} when given (e.g. the year of an SKP rating); stores a new revision (with
     * history and the profile-updated / box-changed events in the outbox) only where the result changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(String nip, Cause cause, Integer year) {
    }

    /** Recomputes the holders of a position (its minimum education or type changed), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recomputeHoldersOf(String positionCode, Cause cause) {
    }
}
