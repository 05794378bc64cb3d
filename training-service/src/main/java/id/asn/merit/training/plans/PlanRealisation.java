package id.asn.merit.training.plans;

import id.asn.merit.training.plans.PlanApi.ItemRealisation;
import id.asn.merit.training.plans.PlanApi.PersonRef;
import id.asn.merit.training.plans.PlanApi.RealisationTotals;
import id.asn.merit.training.plans.PlanApi.RecordRef;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Which verified training records realise which plan items (a pure function). A record realises an item when it
 * carries the item's competency, its person is one of the item's targets and it lies inside the item's schedule
 * ({@code startDate ≥ from} and {@code endDate ≤ to}). The JP counted is the record's <em>recognised</em> JP (after
 * its method's caps, {@code domain/JpRecognition}), its cost as recorded (none = 0).
 *
 * <p>A record that realises two items counts for each item (each item reports what was done for it), but the plan's
 * totals count each record, and each person, once: so {@code totals.realisedJp} and {@code totals.spent} are what was
 * really recognised and spent, and may be less than the sum of the items'.
 */
public final class PlanRealisation {
    /** An item with its targets resolved to NIPs. */
    public record Item(UUID itemId, String competencyCode, String methodCode, BigDecimal plannedJp, long budget,
                       LocalDate from, LocalDate to, Collection<String> targets) {
    }

    /** A VERIFIED record of a targeted person. */
    public record Record(UUID id, String nip, Set<String> competencyCodes, LocalDate startDate, LocalDate endDate,
                         BigDecimal jp, BigDecimal recognisedJp, Long cost) {
    }

    public record Result(List<ItemRealisation> items, RealisationTotals totals) {
    }

    private static final Comparator<Record> ORDER = Comparator.comparing(Record::startDate).thenComparing(Record::nip)
            .thenComparing(r -> r.id().toString());

    private PlanRealisation() {
    }

    public static Result realise(List<Item> items, List<Record> records, Map<String, String> names) {
        Map<String, List<Record>> byNip = new LinkedHashMap<>();
        records.stream().sorted(ORDER).forEach(r -> byNip.computeIfAbsent(r.nip(), k -> new ArrayList<>()).add(r));
        List<ItemRealisation> out = new ArrayList<>(items.size());
        BigDecimal plannedJp = BigDecimal.ZERO;
        long budget = 0;
        Set<String> targeted = new HashSet<>();
        Set<String> reached = new HashSet<>();
        Map<UUID, Record> counted = new LinkedHashMap<>();
        for (Item item : items) {
            TreeSet<String> targets = new TreeSet<>(item.targets());
            List<Record> matched = new ArrayList<>();
            Set<String> itemReached = new HashSet<>();
            for (String nip : targets) {
                for (Record r : byNip.getOrDefault(nip, List.of())) {
                    if (r.competencyCodes().contains(item.competencyCode()) && !r.startDate().isBefore(item.from())
                            && !r.endDate().isAfter(item.to())) {
                        matched.add(r);
                        itemReached.add(nip);
                        counted.putIfAbsent(r.id(), r);
                    }
                }
            }
            matched.sort(ORDER);
            List<PersonRef> notReached = targets.stream().filter(n -> !itemReached.contains(n))
                    .map(n -> new PersonRef(n, names.get(n))).toList();
            out.add(new ItemRealisation(item.itemId(), item.competencyCode(), item.methodCode(), item.plannedJp(),
                    jp(matched), item.budget(), cost(matched), targets.size(), itemReached.size(), notReached,
                    matched.stream().map(r -> new RecordRef(r.id(), r.nip(), r.recognisedJp(), r.jp(), r.cost())).toList()));
            plannedJp = plannedJp.add(item.plannedJp());
            budget += item.budget();
            targeted.addAll(targets);
            reached.addAll(itemReached);
        }
        BigDecimal percent = targeted.isEmpty() ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(100L * reached.size()).divide(BigDecimal.valueOf(targeted.size()), 2, RoundingMode.HALF_UP);
        List<Record> distinct = List.copyOf(counted.values());
        return new Result(List.copyOf(out), new RealisationTotals(plannedJp, jp(distinct), budget, cost(distinct),
                targeted.size(), reached.size(), percent));
    }

    private static BigDecimal jp(List<Record> records) {
        return records.stream().map(Record::recognisedJp).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long cost(List<Record> records) {
        return records.stream().mapToLong(r -> r.cost() == null ? 0 : r.cost()).sum();
    }
}
