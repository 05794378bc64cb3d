package id.asn.merit.merit.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Domain reference §2: the PNS golongan/ruang ladder and the PPPK golongan ladder, never compared with each other. */
class RankOrderTest {
    @ParameterizedTest
    @CsvSource({"III/b,III/c,-1", "III/c,III/c,0", "III/d,III/c,1", "II/d,III/a,-1", "IV/e,I/a,1", "I/a,I/b,-1",
            "IX,IX,0", "VIII,IX,-1", "XVII,I,1"})
    void ranksOnOneLadderCompare(String held, String minimum, int sign) {
        assertEquals(Optional.of(sign), RankOrder.compare(held, minimum).map(Integer::signum));
    }

    @ParameterizedTest
    @CsvSource({"IX,III/c", "III/c,IX", "IV,IV/a"})
    void theTwoLaddersAreNotComparable(String held, String minimum) {
        assertEquals(Optional.empty(), RankOrder.compare(held, minimum));
    }

    @Test
    void unknownOrMissingRanksAreNotComparable() {
        assertEquals(Optional.empty(), RankOrder.compare(null, "III/c"));
        assertEquals(Optional.empty(), RankOrder.compare("III/c", null));
        assertEquals(Optional.empty(), RankOrder.compare("III/z", "III/c"));
    }

    @Test
    void eachLadderHasSeventeenLevels() {
        assertEquals(17, RankOrder.PNS.size());
        assertEquals(17, RankOrder.PPPK.size());
    }
}
