package id.asn.merit.competency.messaging;

import id.asn.merit.competency.domain.JobPersonMatch;
import id.asn.merit.competency.service.GapCalculator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The data of {@code asn.competency.gap-changed.v1} (key NIP): a person's JPM or category against their current
 * position (purpose MAPPING) moved. {@code jpm}, {@code category}, {@code coverage} and {@code items} are the new
 * state, null (items empty) when the person no longer has a gap (left, retired, no position); {@code oldJpm} and
 * {@code oldCategory} are null for a first computation. The items let training-service link plan items to needs.
 *
 * @param cause PLACEMENT, POSITION, STANDARD, TEMPLATE, POLICY, ASSESSMENT, TIME or REBUILD
 */
public record GapChangedData(String nip, String positionCode, BigDecimal oldJpm, String oldCategory, BigDecimal jpm,
                             String category, BigDecimal coverage, List<Item> items, Integer standardVersion,
                             String standardSource, int policyVersion, LocalDate computedOn, String cause) {

    public record Item(String competencyCode, int required, BigDecimal actual, BigDecimal gap, BigDecimal ratio,
                       String importance, boolean notAssessed) {
    }

    public static GapChangedData of(String nip, BigDecimal oldJpm, String oldCategory, GapCalculator.Computation now, String cause) {
        if (now == null) {
            return new GapChangedData(nip, null, oldJpm, oldCategory, null, null, null, List.of(), null, null, 0, null, cause);
        }
        JobPersonMatch.Result r = now.result();
        List<Item> items = r == null ? List.of() : r.items().stream().map(i -> new Item(i.competencyCode(), i.required(), i.actual(),
                i.gap(), i.ratio(), i.importance().name(), i.notAssessed())).toList();
        return new GapChangedData(nip, now.positionCode(), oldJpm, oldCategory,
                r == null ? null : r.jpm(), r == null || r.category() == null ? null : r.category().name(),
                r == null ? null : r.coverage(), items,
                now.standard() == null ? null : now.standard().version(), now.standard() == null ? null : now.standard().source(),
                now.policy().version(), now.on(), cause);
    }
}
