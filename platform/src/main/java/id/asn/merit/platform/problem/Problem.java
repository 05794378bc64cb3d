package id.asn.merit.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem document, the body of every error response of the suite. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "urn:asn:problem:validation") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "nip: birth date segment 19851315 is not a valid date") String detail,
        @Schema(example = "/api/v1/employees") String instance,
        @Schema(example = "6f1c2d7e-8a51-4d43-9a63-2f9f0c0c1a11") String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that is wrong and why. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "nip") String field, @Schema(example = "must be 18 digits") String message) {
    }
}
