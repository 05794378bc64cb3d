package id.asn.merit.merit.rest;

import id.asn.merit.merit.domain.MeritPolicyRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

public final class MeritPolicyModels {
    private MeritPolicyModels() {
    }

    @Schema(name = "MeritPolicy")
    public record MeritPolicyView(@Schema(example = "2") int version, LocalDate effectiveFrom, MeritPolicyRules rules, String note,
            String publishedBy, OffsetDateTime publishedAt) {
    }

    @Schema(name = "MeritPolicyPublishRequest", description = "A new policy version; the rules are validated as a whole (weights sum to 100, high cut-off above medium)")
    public record PublishRequest(LocalDate effectiveFrom, @NotNull @Valid MeritPolicyRules rules,
            @Size(max = 1000) @Schema(example = "Bupati decree 12/2026: potential test weight raised") String note) {
    }
}
