package id.asn.merit.training.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JP recognition (SYSTEM.md §6.3, domain.md §5.2-§5.3): which of a person's training records count toward a year's
 * JP, and how much of each. One pure function; every figure of the compliance report comes from it.
 *
 * <ul>
 *   <li>A record belongs to the calendar year of its {@code endDate} (SYSTEM.md §4), so one spanning New Year counts
 *       wholly in the year it ends.</li>
 *   <li>Only {@code VERIFIED} records are recognised; PENDING and REJECTED ones recognise 0 (cut {@code NOT_VERIFIED}).
 *       {@code claimedJp} is the raw JP of every record that is not REJECTED.</li>
 *   <li>A method's caps apply in this order: per record (the record counts at most {@code maxJpPerRecord}), per day
 *       (the records of one method share {@code maxJpPerDay} on every calendar day they cover: a record can use at
 *       most the day capacity left on its days, taken from its first day on), per year ({@code maxJpPerYear} of the
 *       method in the year). A null cap does not limit.</li>
 *   <li>Records are taken in the order they were completed ({@code endDate}, then {@code startDate}, then id), so an
 *       earlier training is never cut by a later one.</li>
 * </ul>
 * The result says, per record, how many JP were recognised and which cap cut it (the last one that did).
 */
public final class JpRecognition {
    private JpRecognition() {
    }

    public enum Status { PENDING, VERIFIED, REJECTED }

    /** Which rule made a record recognise less than its JP. */
    public enum Cut { NONE, NOT_VERIFIED, PER_RECORD, PER_DAY, PER_YEAR }

    /** A method's JP recognition rule; null = not limited. */
    public record Caps(BigDecimal maxJpPerRecord, BigDecimal maxJpPerDay, BigDecimal maxJpPerYear) {
        public static final Caps NONE = new Caps(null, null, null);
    }

    /** The facts of one training record that recognition needs. */
    public record Entry(UUID id, Status status, String methodCode, LocalDate startDate, LocalDate endDate, BigDecimal jp) {
        public int year() {
            return endDate.getYear();
        }
    }

    /** One record's outcome: {@code recognisedJp ≤ jp}; {@code cut} is why it is less (NONE when it is not). */
    public record Line(Entry entry, BigDecimal recognisedJp, Cut cut) {
    }

    /** A person-year: the lines in the order they were counted, the recognised and the claimed total. */
    public record Result(int year, List<Line> lines, BigDecimal recognisedJp, BigDecimal claimedJp, BigDecimal verifiedJp) {
    }

    private static final Comparator<Entry> COMPLETED = Comparator.comparing(Entry::endDate)
            .thenComparing(Entry::startDate).thenComparing(e -> e.id().toString());

    /**
     * @param entries the person's records; those not ending in {@code year} are ignored
     * @param caps    the caps per method code; a method missing here is not limited
     */
    public static Result recognise(int year, List<Entry> entries, Map<String, Caps> caps) {
        List<Entry> ordered = entries.stream().filter(e -> e.year() == year).sorted(COMPLETED).toList();
        Map<String, Map<LocalDate, BigDecimal>> dayLeft = new HashMap<>();
        Map<String, BigDecimal> yearLeft = new HashMap<>();
        List<Line> lines = new ArrayList<>(ordered.size());
        BigDecimal recognised = BigDecimal.ZERO;
        BigDecimal claimed = BigDecimal.ZERO;
        BigDecimal verified = BigDecimal.ZERO;
        for (Entry e : ordered) {
            if (e.status() != Status.REJECTED) {
                claimed = claimed.add(e.jp());
            }
            if (e.status() != Status.VERIFIED) {
                lines.add(new Line(e, BigDecimal.ZERO, Cut.NOT_VERIFIED));
                continue;
            }
            verified = verified.add(e.jp());
            Caps c = caps.getOrDefault(e.methodCode(), Caps.NONE);
            BigDecimal take = e.jp();
            Cut cut = Cut.NONE;
            if (c.maxJpPerRecord() != null && take.compareTo(c.maxJpPerRecord()) > 0) {
                take = c.maxJpPerRecord();
                cut = Cut.PER_RECORD;
            }
            if (c.maxJpPerDay() != null) {
                Map<LocalDate, BigDecimal> left = dayLeft.computeIfAbsent(e.methodCode(), k -> new HashMap<>());
                BigDecimal wanted = take;
                BigDecimal got = BigDecimal.ZERO;
                for (LocalDate d = e.startDate(); !d.isAfter(e.endDate()) && got.compareTo(wanted) < 0; d = d.plusDays(1)) {
                    BigDecimal free = left.getOrDefault(d, c.maxJpPerDay());
                    BigDecimal use = free.min(wanted.subtract(got));
                    if (use.signum() > 0) {
                        left.put(d, free.subtract(use));
                        got = got.add(use);
                    }
                }
                if (got.compareTo(take) < 0) {
                    take = got;
                    cut = Cut.PER_DAY;
                }
            }
            if (c.maxJpPerYear() != null) {
                BigDecimal free = yearLeft.getOrDefault(e.methodCode(), c.maxJpPerYear());
                if (take.compareTo(free) > 0) {
                    take = free;
                    cut = Cut.PER_YEAR;
                }
                yearLeft.put(e.methodCode(), free.subtract(take));
            }
            recognised = recognised.add(take);
            lines.add(new Line(e, take, cut));
        }
        return new Result(year, List.copyOf(lines), recognised, claimed, verified);
    }
}
