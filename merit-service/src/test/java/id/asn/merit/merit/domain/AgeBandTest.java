package id.asn.merit.merit.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fairness age bands: age in whole years on the report's day, a birthday moving a person up on the day itself. */
class AgeBandTest {
    private static final LocalDate BORN = LocalDate.of(1990, 6, 15);

    @ParameterizedTest(name = "on {0}: {1}")
    @CsvSource({
            "2020-06-14, <30", "2020-06-15, 30-39",
            "2030-06-14, 30-39", "2030-06-15, 40-49",
            "2040-06-14, 40-49", "2040-06-15, >=50",
            "2060-01-01, >=50", "2000-01-01, <30"})
    void bandsTurnOnTheBirthday(LocalDate asOf, String band) {
        assertEquals(band, AgeBand.of(BORN, asOf));
    }

    @Test
    void leapDayBirthdaysCountFromTheFirstOfMarchInCommonYears() {
        LocalDate leap = LocalDate.of(1996, 2, 29);
        assertEquals(AgeBand.UNDER_30, AgeBand.of(leap, LocalDate.of(2026, 2, 28)));
        assertEquals(AgeBand.FROM_30, AgeBand.of(leap, LocalDate.of(2026, 3, 1)));
    }

    @Test
    void anUnknownBirthDateIsItsOwnGroup() {
        assertEquals(AgeBand.UNKNOWN, AgeBand.of(null, LocalDate.of(2026, 12, 31)));
    }
}
