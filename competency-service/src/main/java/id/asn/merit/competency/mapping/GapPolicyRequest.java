package id.asn.merit.competency.mapping;

import id.asn.merit.competency.domain.GapPolicy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * A new version of the gap policy, whole. Its rules are {@link GapPolicy#violations()}, answered as one 422 listing
 * every broken rule (a missing part is one of them, so nothing here is required at the shape level).
 */
@Schema(name = "GapPolicyRequest", description = "A new gap policy version; every field is required and checked together")
public record GapPolicyRequest(
        GapPolicyView.Mapping mapping,
        GapPolicyView.Selection selection,
        @Schema(example = "3") Integer validityYears,
        GapPolicyView.Rounding rounding,
        @Schema(example = "2") BigDecimal klasikalFromGap) {

    public GapPolicy toPolicy() {
        return new GapPolicy(
                mapping == null ? null : new GapPolicy.MappingBands(mapping.optimal(), mapping.cukupOptimal()),
                selection == null ? null : new GapPolicy.SelectionBands(selection.memenuhiSyarat(), selection.masihMemenuhiSyarat()),
                validityYears,
                rounding == null ? null : new GapPolicy.Rounding(rounding.scale(), rounding.mode()),
                klasikalFromGap);
    }
}
