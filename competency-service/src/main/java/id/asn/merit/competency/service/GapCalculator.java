package id.asn.merit.competency.service;

import id.asn.merit.competency.domain.AssessmentPurpose;
import id.asn.merit.competency.domain.GapPolicy;
import id.asn.merit.competency.domain.JobPersonMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the inputs of one job-person match together (the standard in force, the person's scores, the current policy)
 * and runs the pure function {@link JobPersonMatch#compute}. Used alike by the live gap endpoint, the batch endpoint
 * and the stored snapshots, so every number the service gives comes from the same function.
 */
@ApplicationScoped
public class GapCalculator {
    /** The business date of the suite: Indonesia's western time zone, where the regional governments sit. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    /**
     * @param standard   null when the position is unknown (no own standard and not in the replica)
     * @param result     null when {@code standard} is null
     * @param validUntil the last day on which the result holds by the passing of time alone (the earliest expiry of
     *                   a counted score), or null when no score counted
     */
    public record Computation(String nip, String positionCode, LocalDate on, AssessmentPurpose purpose,
                              StandardsInForce.InForce standard, GapPolicies.Versioned policy,
                              JobPersonMatch.Result result, LocalDate validUntil, OffsetDateTime computedAt) {
    }

    @Inject
    StandardsInForce standards;
    @Inject
    GapPolicies policies;
    @Inject
    PersonScores scores;

    public LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public Computation compute(String nip, String positionCode, LocalDate on, AssessmentPurpose purpose) {
        return compute(nip, positionCode, on, purpose, scores.of(nip), new HashMap<>(), policies.current());
    }

    /**
     * @param standardCache position code → its standard on {@code on}, shared by the computations of one batch
     */
    public Computation compute(String nip, String positionCode, LocalDate on, AssessmentPurpose purpose,
                               List<JobPersonMatch.Score> personScores,
                               Map<String, Optional<StandardsInForce.InForce>> standardCache, GapPolicies.Versioned policy) {
        OffsetDateTime now = OffsetDateTime.now(ZONE);
        if (positionCode == null) {
            return new Computation(nip, null, on, purpose, null, policy, null, null, now);
        }
        StandardsInForce.InForce standard = standardCache.computeIfAbsent(positionCode, p -> standards.find(p, on)).orElse(null);
        if (standard == null) {
            return new Computation(nip, positionCode, on, purpose, null, policy, null, null, now);
        }
        JobPersonMatch.Result result = JobPersonMatch.compute(standard.items(), personScores, on, purpose, policy.policy());
        return new Computation(nip, positionCode, on, purpose, standard, policy, result,
                validUntil(result, personScores, policy.policy()), now);
    }

    /** The last day every counted score is still valid: the earliest {@code assessedOn + validityYears}. */
    static LocalDate validUntil(JobPersonMatch.Result result, List<JobPersonMatch.Score> personScores, GapPolicy policy) {
        LocalDate until = null;
        for (JobPersonMatch.Item item : result.items()) {
            if (item.assessmentId() == null) {
                continue;
            }
            for (JobPersonMatch.Score s : personScores) {
                if (s.assessmentId().equals(item.assessmentId()) && s.competencyCode().equals(item.competencyCode())) {
                    LocalDate last = s.assessedOn().plusYears(policy.validityYears());
                    until = until == null || last.isBefore(until) ? last : until;
                }
            }
        }
        return until;
    }
}
