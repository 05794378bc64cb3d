package id.asn.merit.employee.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NipValidatorTest {
    private static NipValidator.Expectation pns(Gender g, String birth) {
        return new NipValidator.Expectation(EmploymentType.PNS, g, LocalDate.parse(birth));
    }

    private static NipValidator.Expectation pppk(Gender g, String birth) {
        return new NipValidator.Expectation(EmploymentType.PPPK, g, LocalDate.parse(birth));
    }

    @Test
    void referenceExamplesAreValid() {
        // domain.md §1.1: 19660801 198803 1 001; §1.2: 200012312024211001
        assertEquals(List.of(), NipValidator.validate("196608011988031001", pns(Gender.M, "1966-08-01")));
        assertEquals(List.of(), NipValidator.validate("200012312024211001", pppk(Gender.M, "2000-12-31")));
        assertEquals(List.of(), NipValidator.validate("199002142015032007",
                new NipValidator.Expectation(EmploymentType.CPNS, Gender.F, LocalDate.parse("1990-02-14"))));
    }

    @Test
    void lengthAndDigits() {
        assertEquals(List.of("must be exactly 18 digits"), NipValidator.validate("19660801198803100", pns(Gender.M, "1966-08-01")));
        assertEquals(List.of("must be exactly 18 digits"), NipValidator.validate("19660801 198803 1 001", pns(Gender.M, "1966-08-01")));
    }

    @Test
    void birthDateSegment() {
        List<String> p = NipValidator.validate("196613011988031001", new NipValidator.Expectation(EmploymentType.PNS, Gender.M, null));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("birth date segment 19661301 (digits 1-8) is not a valid date"), p.get(0));
        List<String> mismatch = NipValidator.validate("196608011988031001", pns(Gender.M, "1966-08-02"));
        assertEquals(List.of("birth date segment 19660801 (digits 1-8) does not match birthDate 1966-08-02"), mismatch);
    }

    @Test
    void tmtSegment() {
        assertEquals(List.of("TMT segment 198813 (digits 9-14) is not a valid month YYYYMM"),
                NipValidator.validate("196608011988131001", pns(Gender.M, "1966-08-01")));
        assertEquals(List.of("TMT segment 196501 (digits 9-14) must be after the birth date"),
                NipValidator.validate("196608011965011001", pns(Gender.M, "1966-08-01")));
        assertEquals(List.of("TMT segment 197001 (digits 9-14) makes the holder younger than 18 at appointment"),
                NipValidator.validate("196608011970011001", pns(Gender.M, "1966-08-01")));
    }

    @Test
    void genderDigit() {
        assertEquals(List.of("gender digit 3 (digit 15) must be 1 (male) or 2 (female)"),
                NipValidator.validate("196608011988033001", pns(Gender.M, "1966-08-01")));
        assertEquals(List.of("gender digit 1 (digit 15) does not match gender F"),
                NipValidator.validate("196608011988031001", pns(Gender.F, "1966-08-01")));
    }

    @Test
    void serialSegment() {
        assertEquals(List.of("serial segment 000 (digits 16-18) must be between 001 and 999"),
                NipValidator.validate("196608011988031000", pns(Gender.M, "1966-08-01")));
    }

    @Test
    void pppkSegments() {
        assertEquals(List.of("PPPK code digit 1 (digit 13) must be 2"),
                NipValidator.validate("200012312024111001", pppk(Gender.M, "2000-12-31")));
        assertEquals(List.of("contract count digit 0 (digit 14) must be 1-9"),
                NipValidator.validate("200012312024201001", pppk(Gender.M, "2000-12-31")));
        assertEquals(List.of("appointment year segment 2010 (digits 9-12) must be between 2019 and next year"),
                NipValidator.validate("200012312010211001", pppk(Gender.M, "2000-12-31")));
        // a PNS NIP read with the PPPK layout fails on the PPPK code digit
        assertTrue(NipValidator.validate("196608011988031001", pppk(Gender.M, "1966-08-01")).stream()
                .anyMatch(m -> m.startsWith("appointment year segment 1988")));
    }

    @Test
    void everyWrongSegmentIsReported() {
        List<String> p = NipValidator.validate("196613011988133000", new NipValidator.Expectation(EmploymentType.PNS, Gender.M, null));
        assertEquals(4, p.size(), p.toString());
    }
}
