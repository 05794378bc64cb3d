package id.asn.merit.competency.messaging;

import id.asn.merit.competency.mapping.StandardItemModel;

import java.time.LocalDate;
import java.util.List;

/**
 * The data of {@code asn.competency.standard-published.v1} (SYSTEM.md §5), keyed by position code: the version just
 * published, whole. Integrators and training-service read it; a version effective in the future is announced when it
 * is published, not when it takes effect.
 */
public record StandardPublished(String positionCode, int version, LocalDate effectiveFrom, String source,
                                List<StandardItemModel> items) {
}
