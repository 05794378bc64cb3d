package id.asn.merit.competency.mapping;

import id.asn.merit.competency.domain.GapPolicy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;

/** One version of the gap/JPM policy (SYSTEM.md §6.1) as the API shows it; {@code version} is also the ETag. */
@Schema(name = "GapPolicy", description = "JPM bands per purpose, assessment validity window, rounding and the KLASIKAL threshold")
public record GapPolicyView(
        @Schema(example = "1") int version,
        Mapping mapping,
        Selection selection,
        @Schema(example = "3") Integer validityYears,
        Rounding rounding,
        @Schema(example = "2") BigDecimal klasikalFromGap,
        @Schema(nullable = true, example = "2026-03-02T09:15:00Z") OffsetDateTime createdAt,
        @Schema(nullable = true, example = "system") String createdBy) {

    /** Purpose MAPPING: OPTIMAL at or above {@code optimal}, CUKUP_OPTIMAL at or above {@code cukupOptimal}. */
    @Schema(name = "GapPolicyMapping")
    public record Mapping(@Schema(example = "90") BigDecimal optimal, @Schema(example = "78") BigDecimal cukupOptimal) {
    }

    /** Purpose SELECTION: MEMENUHI_SYARAT at or above {@code memenuhiSyarat}, MASIH_MEMENUHI_SYARAT at or above the other. */
    @Schema(name = "GapPolicySelection")
    public record Selection(@Schema(example = "80") BigDecimal memenuhiSyarat, @Schema(example = "68") BigDecimal masihMemenuhiSyarat) {
    }

    @Schema(name = "GapPolicyRounding")
    public record Rounding(@Schema(example = "2", minimum = "0", maximum = "6") Integer scale,
                           @Schema(example = "HALF_UP") RoundingMode mode) {
    }

    public static GapPolicyView of(int version, GapPolicy p, OffsetDateTime createdAt, String createdBy) {
        return new GapPolicyView(version,
                p.mapping() == null ? null : new Mapping(p.mapping().optimal(), p.mapping().cukupOptimal()),
                p.selection() == null ? null : new Selection(p.selection().memenuhiSyarat(), p.selection().masihMemenuhiSyarat()),
                p.validityYears(),
                p.rounding() == null ? null : new Rounding(p.rounding().scale(), p.rounding().mode()),
                p.klasikalFromGap(), createdAt, createdBy);
    }
}
