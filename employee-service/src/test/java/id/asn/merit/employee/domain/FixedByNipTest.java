package id.asn.merit.employee.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the NIP fixes (issue 6, CPNS → PNS): the one change the NIP permits, and the field named for every other. */
class FixedByNipTest {
    static final LocalDate BIRTH = LocalDate.parse("1990-02-14");

    static Optional<String> field(EmploymentType from, Gender gender, LocalDate birth, EmploymentType to) {
        return FixedByNip.check(Gender.F, BIRTH, from, gender, birth, to).map(FixedByNip.Violation::field);
    }

    @Test
    void aCpnsBecomesAPnsUnderTheSameNip() {
        assertTrue(field(EmploymentType.CPNS, null, null, EmploymentType.PNS).isEmpty());
        assertTrue(field(EmploymentType.CPNS, Gender.F, BIRTH, EmploymentType.CPNS).isEmpty(), "unchanged values are fine");
    }

    @Test
    void everyOtherChangeNamesItsField() {
        assertEquals(Optional.of("employmentType"), field(EmploymentType.PNS, null, null, EmploymentType.CPNS));
        assertEquals(Optional.of("employmentType"), field(EmploymentType.CPNS, null, null, EmploymentType.PPPK));
        assertEquals(Optional.of("employmentType"), field(EmploymentType.PPPK, null, null, EmploymentType.PNS));
        assertEquals(Optional.of("gender"), field(EmploymentType.PNS, Gender.M, null, null));
        assertEquals(Optional.of("birthDate"), field(EmploymentType.PNS, null, BIRTH.plusDays(1), null));
    }
}
