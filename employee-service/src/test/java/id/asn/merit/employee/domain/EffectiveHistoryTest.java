package id.asn.merit.employee.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EffectiveHistoryTest {
    record Entry(long id, String rank, LocalDate tmt) {
    }

    static Optional<String> inForce(List<Entry> entries, String today) {
        return EffectiveHistory.inForce(entries, Entry::tmt, Entry::id, LocalDate.parse(today)).map(Entry::rank);
    }

    @Test
    void theLatestEffectiveEntryWins() {
        List<Entry> history = List.of(new Entry(1, "III/a", LocalDate.parse("2016-04-01")),
                new Entry(2, "III/b", LocalDate.parse("2020-04-01")));
        assertEquals(Optional.of("III/b"), inForce(history, "2024-01-01"));
        assertEquals(Optional.of("III/a"), inForce(history, "2019-12-31"));
    }

    @Test
    void aBackDatedEntryRecordedLaterDoesNotOverwriteALaterOne() {
        List<Entry> history = List.of(new Entry(1, "III/c", LocalDate.parse("2024-04-01")),
                new Entry(2, "III/b", LocalDate.parse("2020-04-01")));
        assertEquals(Optional.of("III/c"), inForce(history, "2025-01-01"));
    }

    @Test
    void aFutureEntryWaitsForItsDateAndTheSameDateTakesTheLastRecorded() {
        List<Entry> history = List.of(new Entry(1, "III/c", LocalDate.parse("2024-04-01")),
                new Entry(2, "III/d", LocalDate.parse("2028-04-01")),
                new Entry(3, "III/c-corrected", LocalDate.parse("2024-04-01")));
        assertEquals(Optional.of("III/c-corrected"), inForce(history, "2025-01-01"));
        assertEquals(Optional.of("III/d"), inForce(history, "2028-04-01"));
        assertEquals(Optional.empty(), inForce(history, "2020-01-01"));
    }

    @Test
    void theNextChangeIsTheFirstDateAfterToday() {
        List<Entry> history = List.of(new Entry(1, "III/c", LocalDate.parse("2024-04-01")),
                new Entry(2, "IV/a", LocalDate.parse("2028-04-01")), new Entry(3, "III/d", LocalDate.parse("2026-10-01")));
        assertEquals(Optional.of(LocalDate.parse("2026-10-01")), EffectiveHistory.nextChange(history, Entry::tmt, LocalDate.parse("2025-01-01")));
        assertEquals(Optional.of(LocalDate.parse("2028-04-01")), EffectiveHistory.nextChange(history, Entry::tmt, LocalDate.parse("2026-10-01")));
        assertEquals(Optional.empty(), EffectiveHistory.nextChange(history, Entry::tmt, LocalDate.parse("2028-04-01")));
        assertEquals(Optional.of(LocalDate.parse("2026-01-01")), EffectiveHistory.earliest(Optional.of(LocalDate.parse("2026-01-01")),
                Optional.of(LocalDate.parse("2027-01-01"))));
        assertEquals(Optional.of(LocalDate.parse("2027-01-01")), EffectiveHistory.earliest(Optional.empty(), Optional.of(LocalDate.parse("2027-01-01"))));
    }
}
