package id.asn.merit.merit.profiles;

import id.asn.merit.merit.domain.Axis;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A merit profile as the API shows it and as it is stored ({@code merit_profile.body}): the result, the reasons, the
 * inputs it came from, the policy version, and why it was computed (SYSTEM.md §3).
 */
@Schema(name = "MeritProfile")
public record MeritProfileView(String nip, String name, int year, String orgUnitCode, String positionCode,
        Performance performance, Potential potential, Integer box, Double meritScore, boolean eligibleForTalentPool,
        List<String> reasons, List<Input> inputs, int policyVersion, int revision, Cause cause, OffsetDateTime computedAt) {

    @Schema(name = "MeritProfilePerformance")
    public record Performance(String rating, Integer ratingYear, Double score, Axis axis) {
    }

    @Schema(name = "MeritProfilePotential")
    public record Potential(Double score, Axis axis, Parts parts, List<String> missingParts, boolean reweighted, Map<String, Double> weights) {
    }

    /** The part scores 0..100; a missing part is null (and named in missingParts). */
    @Schema(name = "MeritProfilePotentialParts")
    public record Parts(Double competency, Double potentialTest, Double qualification, Double integrity) {
    }

    /** One input: the event type (or record kind) it came from, its ce_id (or record id), the value used, and when. */
    @Schema(name = "MeritProfileInput")
    public record Input(String source, String id, Object value, OffsetDateTime at) {
    }

    /** Why this revision was computed: EVENT (ce_id, ce_type), POLICY (version), POTENTIAL_TEST (test id), REBUILD (job id). */
    @Schema(name = "MeritProfileCause")
    public record Cause(String type, String id, String eventType) {
    }

    public MeritProfileView withMeta(int revision, Cause cause, OffsetDateTime computedAt) {
        return new MeritProfileView(nip, name, year, orgUnitCode, positionCode, performance, potential, box, meritScore,
                eligibleForTalentPool, reasons, inputs, policyVersion, revision, cause, computedAt);
    }

    /** What an INTEGRATOR sees: boxes without personal fields, scores, reasons or inputs (SYSTEM.md §7). */
    @Schema(name = "MeritProfileSummary")
    public record Reduced(String nip, String name, int year, String orgUnitCode, String positionCode, Integer box, int policyVersion,
            OffsetDateTime computedAt) {
    }

    public Reduced reduced() {
        return new Reduced(nip, name, year, orgUnitCode, positionCode, box, policyVersion, computedAt);
    }
}
