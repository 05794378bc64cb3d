package id.asn.merit.training.domain;

import id.asn.merit.training.domain.JpCompliance.Status;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** SYSTEM.md §6.3: MET, AT_RISK (below and off pace) and NOT_MET, and the 45-minute JP. */
class JpComplianceTest {
    static final BigDecimal TWENTY = new BigDecimal("20");

    static Status status(String recognised, int year, String asOf) {
        return JpCompliance.status(TWENTY, new BigDecimal(recognised), year, LocalDate.parse(asOf));
    }

    @Test
    void atOrAboveTheRequirementIsMet() {
        assertEquals(Status.MET, status("20", 2026, "2026-03-01"));
        assertEquals(Status.MET, status("31.5", 2025, "2026-03-01"));
    }

    @Test
    void atRiskIsDecidedExactlyAtThePaceBoundary() {
        // 2024 is a leap year: on 1 July 183 of 366 days have elapsed, exactly half the year
        assertEquals(Status.NOT_MET, status("10", 2024, "2024-07-01"), "10 JP at half the year is on pace for 20");
        assertEquals(Status.AT_RISK, status("9.99", 2024, "2024-07-01"), "9.99 JP at half the year is not");
        assertEquals(Status.AT_RISK, status("10", 2024, "2024-07-02"), "one day later 10 JP is behind the pace");
    }

    @Test
    void aPersonWithNoRecordIsAtRiskEarlyInTheYearAndNotMetOnceItEnded() {
        assertEquals(Status.AT_RISK, status("0", 2026, "2026-01-15"));
        assertEquals(Status.NOT_MET, status("0", 2025, "2026-01-15"));
        assertEquals(0, TWENTY.compareTo(JpCompliance.shortfall(TWENTY, BigDecimal.ZERO)));
    }

    @Test
    void aClosedYearHasNoAtRisk() {
        assertEquals(Status.NOT_MET, status("19.99", 2025, "2026-01-01"));
        assertEquals(Status.NOT_MET, status("1", 2025, "2025-12-31"), "on its last day the year's pace is its total");
    }

    @Test
    void aYearNotBegunHasNoPace() {
        assertEquals(Status.NOT_MET, status("0", 2027, "2026-12-01"));
        assertNull(JpCompliance.projectedJp(BigDecimal.ZERO, 2027, LocalDate.parse("2026-12-01")));
    }

    @Test
    void shortfallIsNeverNegative() {
        assertEquals(0, new BigDecimal("7.5").compareTo(JpCompliance.shortfall(TWENTY, new BigDecimal("12.5"))));
        assertEquals(0, BigDecimal.ZERO.compareTo(JpCompliance.shortfall(TWENTY, new BigDecimal("26"))));
    }

    @Test
    void theProjectionIsThePaceSoFarOverTheWholeYear() {
        // 1 April 2026: 91 of 365 days; 6 JP -> 6 x 365 / 91 = 24.07
        assertEquals(new BigDecimal("24.07"), JpCompliance.projectedJp(new BigDecimal("6"), 2026, LocalDate.parse("2026-04-01")));
        assertEquals(new BigDecimal("6.00"), JpCompliance.projectedJp(new BigDecimal("6"), 2025, LocalDate.parse("2026-04-01")));
    }

    @Test
    void minutesBecomeJpAtFortyFiveMinutesEach() {
        assertEquals(new BigDecimal("2.00"), JpUnits.fromMinutes(90, JpUnits.DEFAULT_MINUTES_PER_JP));
        assertEquals(new BigDecimal("2.22"), JpUnits.fromMinutes(100, JpUnits.DEFAULT_MINUTES_PER_JP));
        assertEquals(new BigDecimal("0.67"), JpUnits.fromMinutes(30, JpUnits.DEFAULT_MINUTES_PER_JP));
        assertEquals(new BigDecimal("1.50"), JpUnits.fromMinutes(90, 60), "an instansi counting 60 minutes per JP");
        assertThrows(IllegalArgumentException.class, () -> JpUnits.fromMinutes(0, 45));
    }
}
