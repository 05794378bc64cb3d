package id.asn.merit.employee.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A rank: a PNS golongan/ruang with its pangkat (I/a Juru Muda … IV/e Pembina Utama, domain reference §2.1) or a
 * PPPK golongan I … XVII (§2.2, no pangkat). The two are never mixed: PNS and CPNS take the first, PPPK the second.
 */
public final class Rank {
    public record PnsRank(String code, String pangkat, int siasnId) {
    }

    public static final List<PnsRank> PNS = List.of(
            new PnsRank("I/a", "Juru Muda", 11), new PnsRank("I/b", "Juru Muda Tingkat I", 12),
            new PnsRank("I/c", "Juru", 13), new PnsRank("I/d", "Juru Tingkat I", 14),
            new PnsRank("II/a", "Pengatur Muda", 21), new PnsRank("II/b", "Pengatur Muda Tingkat I", 22),
            new PnsRank("II/c", "Pengatur", 23), new PnsRank("II/d", "Pengatur Tingkat I", 24),
            new PnsRank("III/a", "Penata Muda", 31), new PnsRank("III/b", "Penata Muda Tingkat I", 32),
            new PnsRank("III/c", "Penata", 33), new PnsRank("III/d", "Penata Tingkat I", 34),
            new PnsRank("IV/a", "Pembina", 41), new PnsRank("IV/b", "Pembina Tingkat I", 42),
            new PnsRank("IV/c", "Pembina Utama Muda", 43), new PnsRank("IV/d", "Pembina Utama Madya", 44),
            new PnsRank("IV/e", "Pembina Utama", 45));

    /** Looked up for every employee of a list page: a map, not a walk of the list. */
    private static final Map<String, PnsRank> PNS_BY_CODE = PNS.stream().collect(Collectors.toUnmodifiableMap(PnsRank::code, r -> r));

    public static final List<String> PPPK = List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
            "XII", "XIII", "XIV", "XV", "XVI", "XVII");

    private Rank() {
    }

    public static Optional<PnsRank> pns(String code) {
        return Optional.ofNullable(code == null ? null : PNS_BY_CODE.get(code));
    }

    /** @return why the rank does not fit the employment type, or empty when it does */
    public static Optional<String> problem(String rank, EmploymentType type) {
        if (rank == null) {
            return Optional.empty();
        }
        if (type == EmploymentType.PPPK) {
            if (PPPK.contains(rank)) {
                return Optional.empty();
            }
            return Optional.of(pns(rank).isPresent()
                    ? rank + " is a PNS golongan/ruang; a PPPK has a PPPK golongan I to XVII"
                    : rank + " is not a PPPK golongan (I to XVII)");
        }
        if (pns(rank).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(PPPK.contains(rank)
                ? rank + " is a PPPK golongan; a " + type + " has a golongan/ruang I/a to IV/e"
                : rank + " is not a golongan/ruang (I/a to IV/e)");
    }

    /** Position in the order of ranks of its kind (0 = lowest), for minimum-rank comparisons. */
    public static int order(String rank) {
        int pns = PNS.stream().map(PnsRank::code).toList().indexOf(rank);
        return pns >= 0 ? pns : PPPK.indexOf(rank);
    }
}
