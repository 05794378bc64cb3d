package id.asn.merit.training.records;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/training-records/{id}/verification}. */
@Schema(name = "TrainingRecordVerification", description = "An HR officer's decision on a PENDING record; a reason is required to reject")
public record VerificationRequest(
        @Schema(enumeration = {"VERIFIED", "REJECTED"}, required = true) String decision,
        @Schema(example = "certificate not legible", description = "required for REJECTED, at most 1000 characters") String reason) {
}
