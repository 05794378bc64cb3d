package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.Assignment;
import id.asn.merit.employee.mapping.HistoryViews.PlacementView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A placement as an INTEGRATOR may see it (SYSTEM.md §7: unit and position, nothing more): no decree number, no
 * recorder.
 */
@Schema(name = "PlacementSummary")
public record PlacementSummary(long id, String positionCode, String orgUnitCode, LocalDate effectiveDate, Assignment assignment,
        boolean inForce) {
    public static PlacementSummary of(PlacementView p) {
        return new PlacementSummary(p.id(), p.positionCode(), p.orgUnitCode(), p.effectiveDate(), p.assignment(), p.inForce());
    }
}
