package id.asn.merit.training.plans;

import id.asn.merit.platform.problem.Problem.FieldError;
import id.asn.merit.training.plans.PlanApi.ItemRequest;
import id.asn.merit.training.plans.PlanApi.PlanRequest;
import id.asn.merit.training.plans.PlanApi.Schedule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlanRulesTest {
    static final String NIP = "198801012026011001";

    static ItemRequest item(List<String> nips, List<String> positions, String jp, String budget, String from, String to) {
        return new ItemRequest("M.3", "KL02", nips, positions, jp == null ? null : new BigDecimal(jp),
                budget == null ? null : new BigDecimal(budget), new Schedule(from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to)));
    }

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aGoodItemPasses() {
        assertEquals(List.of(), PlanRules.checkItem(item(List.of(NIP), null, "20", "1500000", "2026-03-01", "2026-06-30"), "", 2026));
        // overlapping the year on either side is fine; budget may be left out (0)
        assertEquals(List.of(), PlanRules.checkItem(item(null, List.of("P-1"), "0.25", null, "2025-12-01", "2026-01-05"), "", 2026));
        assertEquals(List.of(), PlanRules.checkItem(item(null, List.of("P-1"), "1", "0", "2026-12-31", "2027-01-05"), "", 2026));
    }

    @Test
    void eachWrongFieldIsNamedWithTheItemIndex() {
        assertEquals(List.of("items[3].targetNips"), fields(PlanRules.checkItem(item(List.of(), List.of(), "20", "0", "2026-01-01", "2026-01-01"), "items[3].", 2026)));
        assertEquals(List.of("targetPositionCodes"), fields(PlanRules.checkItem(item(List.of(NIP), List.of("P"), "20", "0", "2026-01-01", "2026-01-01"), "", 2026)));
        assertEquals(List.of("targetNips[1]"), fields(PlanRules.checkItem(item(List.of(NIP, "1988"), null, "20", "0", "2026-01-01", "2026-01-01"), "", 2026)));
        assertEquals(List.of("plannedJp", "budget"), fields(PlanRules.checkItem(item(List.of(NIP), null, "0", "-5", "2026-01-01", "2026-01-01"), "", 2026)));
        assertEquals(List.of("plannedJp", "budget"), fields(PlanRules.checkItem(item(List.of(NIP), null, "1.005", "10.50", "2026-01-01", "2026-01-01"), "", 2026)));
        assertEquals(List.of("schedule.to"), fields(PlanRules.checkItem(item(List.of(NIP), null, "1", "0", "2026-02-02", "2026-02-01"), "", 2026)));
        assertEquals(List.of("schedule.from"), fields(PlanRules.checkItem(item(List.of(NIP), null, "1", "0", "2027-01-01", "2027-02-01"), "", 2026)));
        assertEquals(List.of("schedule.to"), fields(PlanRules.checkItem(item(List.of(NIP), null, "1", "0", "2025-01-01", "2025-12-31"), "", 2026)));
        assertEquals(List.of("schedule.from", "schedule.to"), fields(PlanRules.checkItem(item(List.of(NIP), null, "1", "0", null, null), "", 2026)));
        assertEquals(List.of("items[0].competencyCode", "items[0].methodCode", "items[0].plannedJp", "items[0].schedule"),
                fields(PlanRules.checkItem(new ItemRequest(" ", null, List.of(NIP), null, null, null, null), "items[0].", 2026)));
    }

    @Test
    void thePlanNeedsYearUnitAndTitle() {
        assertEquals(List.of("year", "orgUnitCode", "title"), fields(PlanRules.checkPlan(new PlanRequest(null, null, "", null))));
        assertEquals(List.of("year"), fields(PlanRules.checkPlan(new PlanRequest(1999, "U", "T", List.of()))));
        assertEquals(List.of("items[1].plannedJp"), fields(PlanRules.checkPlan(new PlanRequest(2026, "U", "T", List.of(
                item(List.of(NIP), null, "2", "0", "2026-01-01", "2026-01-01"), item(List.of(NIP), null, "-2", "0", "2026-01-01", "2026-01-01"))))));
    }
}
