package id.asn.merit.employee.repository;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A kept match's NIP: 18 digits as one long and back, leading zeros included; anything else is not kept. */
class KeptNipTest {
    @Test
    void anEighteenDigitNipRoundTrips() {
        assertEquals(197911012005111007L, EmployeeRepository.nipAsLong("197911012005111007"));
        assertEquals("197911012005111007", EmployeeRepository.nipOf(197911012005111007L));
        assertEquals("000000000000000042", EmployeeRepository.nipOf(EmployeeRepository.nipAsLong("000000000000000042")));
        assertEquals("999999999999999999", EmployeeRepository.nipOf(EmployeeRepository.nipAsLong("999999999999999999")));
    }

    @Test
    void anythingElseIsNotKept() {
        assertEquals(-1, EmployeeRepository.nipAsLong("19791101200511100"));
        assertEquals(-1, EmployeeRepository.nipAsLong("1979110120051110071"));
        assertEquals(-1, EmployeeRepository.nipAsLong("19791101200511100x"));
        assertEquals(-1, EmployeeRepository.nipAsLong(null));
    }
}
