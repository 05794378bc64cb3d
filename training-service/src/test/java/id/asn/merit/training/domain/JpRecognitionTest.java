package id.asn.merit.training.domain;

import id.asn.merit.training.domain.JpRecognition.Caps;
import id.asn.merit.training.domain.JpRecognition.Cut;
import id.asn.merit.training.domain.JpRecognition.Entry;
import id.asn.merit.training.domain.JpRecognition.Result;
import id.asn.merit.training.domain.JpRecognition.Status;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SYSTEM.md §6.3 and domain.md §5.3: only verified JP count, each method's caps limit them, the year is the end date's. */
class JpRecognitionTest {
    private static int seq;

    static Entry rec(Status status, String method, String start, String end, String jp) {
        return new Entry(new UUID(0, ++seq), status, method, LocalDate.parse(start), LocalDate.parse(end), new BigDecimal(jp));
    }

    static BigDecimal jp(String v) {
        return new BigDecimal(v);
    }

    static void assertJp(String expected, BigDecimal actual) {
        assertEquals(0, jp(expected).compareTo(actual), () -> "expected " + expected + " JP, got " + actual);
    }

    @Test
    void verifiedRecordsWithoutCapsCountInFull() {
        Result r = JpRecognition.recognise(2026, List.of(
                rec(Status.VERIFIED, "KL03", "2026-03-02", "2026-03-04", "24"),
                rec(Status.VERIFIED, "NKL03", "2026-05-10", "2026-05-10", "3.5")), Map.of());
        assertJp("27.5", r.recognisedJp());
        assertJp("27.5", r.claimedJp());
        r.lines().forEach(l -> assertEquals(Cut.NONE, l.cut()));
    }

    @Test
    void pendingAndRejectedAreNotRecognisedAndRejectedIsNotClaimed() {
        Result r = JpRecognition.recognise(2026, List.of(
                rec(Status.PENDING, "KL03", "2026-02-01", "2026-02-02", "10"),
                rec(Status.REJECTED, "KL03", "2026-02-03", "2026-02-04", "8"),
                rec(Status.VERIFIED, "KL03", "2026-02-05", "2026-02-05", "4")), Map.of());
        assertJp("4", r.recognisedJp());
        assertJp("14", r.claimedJp());
        assertEquals(Cut.NOT_VERIFIED, r.lines().get(0).cut());
        assertJp("0", r.lines().get(0).recognisedJp());
        assertEquals(Cut.NOT_VERIFIED, r.lines().get(1).cut());
    }

    @Test
    void thePerRecordCapCutsEachRecord() {
        // mentoring: 2 JP per session (domain.md §5.3, regional practice)
        Map<String, Caps> caps = Map.of("NKL02", new Caps(jp("2"), null, null));
        Result r = JpRecognition.recognise(2026, List.of(
                rec(Status.VERIFIED, "NKL02", "2026-04-01", "2026-04-01", "3"),
                rec(Status.VERIFIED, "NKL02", "2026-04-08", "2026-04-08", "1.5")), caps);
        assertJp("3.5", r.recognisedJp());
        assertEquals(Cut.PER_RECORD, r.lines().get(0).cut());
        assertJp("2", r.lines().get(0).recognisedJp());
        assertEquals(Cut.NONE, r.lines().get(1).cut());
    }

    @Test
    void recordsOverlappingADayShareItsCap() {
        // belajar mandiri: at most 2 JP per day (domain.md §5.3)
        Map<String, Caps> caps = Map.of("NKL09", new Caps(null, jp("2"), null));
        Result r = JpRecognition.recognise(2026, List.of(
                rec(Status.VERIFIED, "NKL09", "2026-06-01", "2026-06-03", "10"),  // 3 days: at most 6
                rec(Status.VERIFIED, "NKL09", "2026-06-03", "2026-06-04", "3"),   // 3 June is used up: only 4 June's 2
                rec(Status.VERIFIED, "KL03", "2026-06-03", "2026-06-03", "8")),  // another method: its own (no) cap
                caps);
        assertJp("6", r.lines().get(0).recognisedJp());
        assertEquals(Cut.PER_DAY, r.lines().get(0).cut());
        // counted in the order they ended: the KL03 day (3 June) comes before the record ending 4 June
        assertJp("8", r.lines().get(1).recognisedJp());
        assertJp("2", r.lines().get(2).recognisedJp());
        assertEquals(Cut.PER_DAY, r.lines().get(2).cut());
        assertJp("16", r.recognisedJp());
        assertJp("21", r.claimedJp());
    }

    @Test
    void thePerYearCapOfAMethodIsSharedByItsRecordsInTheOrderTheyEnded() {
        Map<String, Caps> caps = Map.of("KL06", new Caps(null, null, jp("6")));
        Result r = JpRecognition.recognise(2026, List.of(
                rec(Status.VERIFIED, "KL06", "2026-09-01", "2026-09-01", "4"),
                rec(Status.VERIFIED, "KL06", "2026-02-01", "2026-02-01", "4"),
                rec(Status.VERIFIED, "KL06", "2026-11-01", "2026-11-01", "4")), caps);
        // February first (4), then September (2 left), then November (0 left)
        assertEquals(LocalDate.parse("2026-02-01"), r.lines().get(0).entry().endDate());
        assertJp("4", r.lines().get(0).recognisedJp());
        assertJp("2", r.lines().get(1).recognisedJp());
        assertEquals(Cut.PER_YEAR, r.lines().get(1).cut());
        assertJp("0", r.lines().get(2).recognisedJp());
        assertJp("6", r.recognisedJp());
    }

    @Test
    void capsApplyInTurnAndTheLastCutIsNamed() {
        Map<String, Caps> caps = Map.of("NKL09", new Caps(jp("5"), jp("2"), jp("3")));
        Result r = JpRecognition.recognise(2026, List.of(rec(Status.VERIFIED, "NKL09", "2026-01-10", "2026-01-12", "9")), caps);
        // per record 9 -> 5, per day 3 days x 2 = 6 (no cut), per year 3
        assertJp("3", r.recognisedJp());
        assertEquals(Cut.PER_YEAR, r.lines().get(0).cut());
    }

    @Test
    void aRecordSpanningNewYearCountsInTheYearItEnds() {
        Entry span = rec(Status.VERIFIED, "KL03", "2025-12-29", "2026-01-09", "40");
        assertJp("40", JpRecognition.recognise(2026, List.of(span), Map.of()).recognisedJp());
        assertJp("0", JpRecognition.recognise(2025, List.of(span), Map.of()).recognisedJp());
        assertEquals(2026, span.year());
    }

    @Test
    void aPersonWithoutRecordsHasNothing() {
        Result r = JpRecognition.recognise(2026, List.of(), Map.of());
        assertJp("0", r.recognisedJp());
        assertEquals(0, r.lines().size());
    }
}
