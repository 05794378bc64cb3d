package id.asn.merit.employee.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankTest {
    @Test
    void pnsRanksHaveTheirPangkat() {
        assertEquals(17, Rank.PNS.size());
        assertEquals("Penata Muda", Rank.pns("III/a").orElseThrow().pangkat());
        assertEquals("Pembina Utama", Rank.pns("IV/e").orElseThrow().pangkat());
        assertEquals(31, Rank.pns("III/a").orElseThrow().siasnId());
    }

    @Test
    void ranksAreNeverMixed() {
        assertEquals(Optional.empty(), Rank.problem("III/a", EmploymentType.PNS));
        assertEquals(Optional.empty(), Rank.problem("II/c", EmploymentType.CPNS));
        assertEquals(Optional.empty(), Rank.problem("IX", EmploymentType.PPPK));
        assertTrue(Rank.problem("IX", EmploymentType.PNS).orElseThrow().contains("PPPK golongan"));
        assertTrue(Rank.problem("III/a", EmploymentType.PPPK).orElseThrow().contains("PNS golongan/ruang"));
        assertTrue(Rank.problem("XVIII", EmploymentType.PPPK).isPresent());
        assertTrue(Rank.problem("V/a", EmploymentType.PNS).isPresent());
    }

    @Test
    void orderComparesWithinAKind() {
        assertTrue(Rank.order("III/b") > Rank.order("III/a"));
        assertTrue(Rank.order("XVII") > Rank.order("IX"));
    }
}
