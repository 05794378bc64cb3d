package id.asn.merit.training.plans;

import id.asn.merit.training.plans.PlanRealisation.Item;
import id.asn.merit.training.plans.PlanRealisation.Record;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlanRealisationTest {
    static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    static final LocalDate DEC = LocalDate.of(2026, 12, 31);

    static Record rec(String nip, String code, LocalDate start, LocalDate end, String jp, String recognised, Long cost) {
        return new Record(UUID.randomUUID(), nip, Set.of(code), start, end, new BigDecimal(jp), new BigDecimal(recognised), cost);
    }

    @Test
    void recordsInsideTheScheduleOfATargetedPersonWithTheCompetencyCount() {
        Item a = new Item(UUID.randomUUID(), "M.3", "KL02", new BigDecimal("20"), 1_000, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), List.of("A", "B", "C"));
        Item b = new Item(UUID.randomUUID(), "M.3", "KL02", new BigDecimal("5"), 500, JAN, DEC, List.of("A"));
        Record inside = rec("A", "M.3", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), "10", "8", 300L);
        Record endsAfter = rec("B", "M.3", LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 1), "10", "10", 300L);
        Record otherCompetency = rec("C", "M.1", LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 5), "10", "10", 300L);
        Record notTargeted = rec("D", "M.3", LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 5), "10", "10", 300L);
        PlanRealisation.Result r = PlanRealisation.realise(List.of(a, b), List.of(notTargeted, otherCompetency, endsAfter, inside),
                Map.of("A", "Ani", "B", "Budi"));
        var first = r.items().get(0);
        assertEquals(List.of(inside.id()), first.records().stream().map(PlanApi.RecordRef::id).toList());
        assertEquals(new BigDecimal("8"), first.realisedJp());
        assertEquals(300, first.spent());
        assertEquals(3, first.peopleTargeted());
        assertEquals(1, first.peopleReached());
        assertEquals(List.of(new PlanApi.PersonRef("B", "Budi"), new PlanApi.PersonRef("C", null)), first.notReached());
        // the same record realises the second item too; the totals count it once, people once
        assertEquals(new BigDecimal("8"), r.items().get(1).realisedJp());
        assertEquals(new BigDecimal("8"), r.totals().realisedJp());
        assertEquals(300, r.totals().spent());
        assertEquals(new BigDecimal("25"), r.totals().plannedJp());
        assertEquals(1_500, r.totals().budget());
        assertEquals(3, r.totals().peopleTargeted());
        assertEquals(1, r.totals().peopleReached());
        assertEquals(new BigDecimal("33.33"), r.totals().percentReached());
    }
}
