package id.asn.merit.competency.messaging;

import id.asn.merit.competency.service.GapCalculator;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The data of {@code asn.competency.gap-changed.v1} (key NIP): a person's JPM against their current position
 * (purpose MAPPING) moved. {@code new*} fields are null when the person no longer has a gap (left, retired, no
 * position); {@code old*} are null for a first computation. No per-competency scores: integrators read the
 * number and its category, the details stay behind the role checks of {@code GET /competency-gaps/{nip}}.
 *
 * @param cause PLACEMENT, POSITION, STANDARD, TEMPLATE, POLICY, ASSESSMENT, TIME or REBUILD
 */
public record GapChangedData(String nip, String positionCode, BigDecimal oldJpm, String oldCategory, BigDecimal newJpm,
                             String newCategory, BigDecimal coverage, Integer standardVersion, String standardSource,
                             int policyVersion, LocalDate computedOn, String cause) {

    public static GapChangedData of(String nip, BigDecimal oldJpm, String oldCategory, GapCalculator.Computation now, String cause) {
        if (now == null) {
            return new GapChangedData(nip, null, oldJpm, oldCategory, null, null, null, null, null, 0, null, cause);
        }
        var r = now.result();
        return new GapChangedData(nip, now.positionCode(), oldJpm, oldCategory,
                r == null ? null : r.jpm(), r == null || r.category() == null ? null : r.category().name(),
                r == null ? null : r.coverage(),
                now.standard() == null ? null : now.standard().version(), now.standard() == null ? null : now.standard().source(),
                now.policy().version(), now.on(), cause);
    }
}
