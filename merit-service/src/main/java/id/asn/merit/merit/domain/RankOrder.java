package id.asn.merit.merit.domain;

import java.util.List;
import java.util.Optional;

/**
 * Order of ranks (domain reference §2): PNS golongan/ruang I/a .. IV/e (17 levels) and PPPK golongan I .. XVII. The two
 * ladders are not comparable: a PPPK golongan against a PNS minimum is no answer, and the caller says so.
 */
public final class RankOrder {
    public static final List<String> PNS = List.of("I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
            "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e");
    public static final List<String> PPPK = List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
            "XII", "XIII", "XIV", "XV", "XVI", "XVII");

    private RankOrder() {
    }

    /**
     * @return negative when held is below minimum, 0 equal, positive above; empty when either is unknown or they are
     *         on different ladders
     */
    public static Optional<Integer> compare(String held, String minimum) {
        if (held == null || minimum == null) {
            return Optional.empty();
        }
        for (List<String> ladder : List.of(PNS, PPPK)) {
            int h = ladder.indexOf(held);
            int m = ladder.indexOf(minimum);
            if (h >= 0 && m >= 0) {
                return Optional.of(Integer.compare(h, m));
            }
        }
        return Optional.empty();
    }
}
