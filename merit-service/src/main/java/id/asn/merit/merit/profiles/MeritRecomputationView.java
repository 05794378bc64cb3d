package id.asn.merit.merit.profiles;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A recomputation of every profile of a year (after a policy change, or on demand) and how far it got. */
@Schema(name = "MeritRecomputation")
public record MeritRecomputationView(UUID id, int policyVersion, int year, String status, int total, int processed, int changed,
        String error, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
}
