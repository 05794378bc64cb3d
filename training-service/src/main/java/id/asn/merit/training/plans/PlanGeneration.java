package id.asn.merit.training.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Items proposed from the development needs the competency gaps show (a pure function). A person is below standard
 * in a competency when the gap ({@code actual − required}) is negative, or when it was not assessed; the shortfall
 * is {@code −gap}, and for a competency not assessed the required level (its ratio counts as 0, SYSTEM.md §6.1).
 * The suggested pathway is KLASIKAL when the shortfall reaches {@link Settings#klasikalFromGap} (competency-service's
 * development-needs rule), else NONKLASIKAL. One item per (competency, pathway), its targets sorted by NIP, in
 * competency-code order, KLASIKAL first.
 */
public final class PlanGeneration {
    public enum Pathway { KLASIKAL, NONKLASIKAL }

    /** One row of {@code competency_gap_replica}. */
    public record Gap(String nip, String competencyCode, int requiredLevel, BigDecimal gap, boolean notAssessed) {
    }

    /** @param klasikalMethodByPrefix competency-code prefix → klasikal method, first match wins */
    public record Settings(BigDecimal klasikalFromGap, String klasikalMethod, Map<String, String> klasikalMethodByPrefix,
                           String nonklasikalMethod, BigDecimal klasikalJp, BigDecimal nonklasikalJp) {
        public String methodFor(String competencyCode, Pathway pathway) {
            if (pathway == Pathway.NONKLASIKAL) {
                return nonklasikalMethod;
            }
            return klasikalMethodByPrefix.entrySet().stream().filter(e -> competencyCode.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(klasikalMethod);
        }
    }

    public record Proposal(String competencyCode, Pathway pathway, String methodCode, List<String> targetNips,
                           BigDecimal plannedJp, String reason) {
    }

    private PlanGeneration() {
    }

    public static List<Proposal> propose(List<Gap> gaps, Settings settings) {
        Objects.requireNonNull(settings, "settings");
        record Key(String competencyCode, Pathway pathway) {
        }
        Map<Key, Group> groups = new TreeMap<>(Comparator.comparing(Key::competencyCode).thenComparing(Key::pathway));
        for (Gap g : gaps) {
            boolean below = g.notAssessed() || g.gap() != null && g.gap().signum() < 0;
            if (!below) {
                continue;
            }
            BigDecimal shortfall = g.notAssessed() || g.gap() == null ? BigDecimal.valueOf(g.requiredLevel()) : g.gap().negate();
            Pathway pathway = shortfall.compareTo(settings.klasikalFromGap()) >= 0 ? Pathway.KLASIKAL : Pathway.NONKLASIKAL;
            Group group = groups.computeIfAbsent(new Key(g.competencyCode(), pathway), k -> new Group());
            if (group.nips.add(g.nip())) {
                if (g.notAssessed() || g.gap() == null) {
                    group.notAssessed++;
                } else {
                    group.assessed++;
                    group.shortfallSum = group.shortfallSum.add(shortfall);
                }
            }
        }
        List<Proposal> out = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> out.add(new Proposal(key.competencyCode(), key.pathway(),
                settings.methodFor(key.competencyCode(), key.pathway()), List.copyOf(group.nips),
                key.pathway() == Pathway.KLASIKAL ? settings.klasikalJp() : settings.nonklasikalJp(),
                reason(key.competencyCode(), group))));
        return out;
    }

    /** "6 people below standard in M.3 by 1.0 on average", with those not assessed counted apart. */
    static String reason(String competencyCode, Group g) {
        StringBuilder reason = new StringBuilder();
        if (g.assessed > 0) {
            BigDecimal average = g.shortfallSum.divide(BigDecimal.valueOf(g.assessed), 1, RoundingMode.HALF_UP);
            reason.append(people(g.assessed)).append(" below standard in ").append(competencyCode)
                    .append(" by ").append(average.toPlainString()).append(" on average");
            if (g.notAssessed > 0) {
                reason.append(", and ").append(people(g.notAssessed)).append(" not assessed");
            }
        } else {
            reason.append(people(g.notAssessed)).append(" not assessed in ").append(competencyCode);
        }
        return reason.toString();
    }

    private static String people(int n) {
        return n + (n == 1 ? " person" : " people");
    }

    static final class Group {
        final TreeSet<String> nips = new TreeSet<>();
        int assessed;
        int notAssessed;
        BigDecimal shortfallSum = BigDecimal.ZERO;
    }
}
