package id.asn.merit.competency.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The AKPK roll-up (analisis kebutuhan pengembangan kompetensi, PP 11/2017 art. 206 as amended, domain.md §4.4):
 * from many people's {@link JobPersonMatch} results to what the unit must develop. A pure function.
 *
 * <ul>
 *   <li>A <b>need</b> is an assessed item below its required level ({@code gap < 0}, domain.md §4.4 step 5). A
 *       competency not assessed is not a need — its gap is unknown — and is counted apart as
 *       {@code notAssessed}, so the plan can schedule the assessment instead of a training.</li>
 *   <li><b>Per competency</b> (every competency any of the people's standards requires): {@code peopleBelow},
 *       {@code averageGap} = the mean of {@code gap} over those people (negative, in levels, rounded per policy;
 *       null when nobody is below), {@code mutlakCount} = those of them for whom the item is MUTLAK, and
 *       {@code notAssessed}. Ordered by {@code peopleBelow} descending, then {@code mutlakCount} descending, then
 *       code.</li>
 *   <li><b>Per person</b> (only people with at least one need, in NIP order): the needs ordered by importance
 *       (MUTLAK, PENTING, PERLU), then by shortfall, largest first, then code; each with the pathway the policy
 *       suggests for its shortfall ({@link GapPolicy#pathway}).</li>
 * </ul>
 * The date and the standard behind each result are the caller's choice (for the AKPK of a year, the service
 * computes every match on one date of that year).
 */
public final class DevelopmentNeeds {

    /** One person's match, as the roll-up reads it. */
    public record PersonMatch(String nip, JobPersonMatch.Result match) {
        public PersonMatch {
            Objects.requireNonNull(nip, "nip");
            Objects.requireNonNull(match, "match");
        }
    }

    public record CompetencyNeed(String competencyCode, int peopleBelow, BigDecimal averageGap, int mutlakCount,
                                 int notAssessed) {
    }

    /**
     * @param gap       {@code actual − required}, negative
     * @param shortfall {@code required − actual}, positive
     */
    public record Need(String competencyCode, int required, BigDecimal actual, BigDecimal gap, BigDecimal shortfall,
                       Importance importance, LearningPathway pathway, String assessmentId) {
    }

    public record PersonNeeds(String nip, List<Need> needs) {
    }

    public record Result(List<CompetencyNeed> byCompetency, List<PersonNeeds> byPerson) {
    }

    private static final Comparator<Need> NEED_ORDER = Comparator
            .comparing(Need::importance)
            .thenComparing(Need::shortfall, Comparator.reverseOrder())
            .thenComparing(Need::competencyCode, StandardTemplate.CODE_ORDER);

    private DevelopmentNeeds() {
    }

    public static Result rollUp(List<PersonMatch> people, GapPolicy policy) {
        Objects.requireNonNull(people, "people");
        Objects.requireNonNull(policy, "policy");
        Map<String, Tally> tallies = new LinkedHashMap<>();
        List<PersonNeeds> byPerson = new ArrayList<>();
        for (PersonMatch person : people) {
            List<Need> needs = new ArrayList<>();
            for (JobPersonMatch.Item item : person.match().items()) {
                Tally tally = tallies.computeIfAbsent(item.competencyCode(), c -> new Tally());
                if (item.notAssessed()) {
                    tally.notAssessed++;
                } else if (item.below()) {
                    tally.below++;
                    tally.gapSum = tally.gapSum.add(item.gap());
                    if (item.importance() == Importance.MUTLAK) {
                        tally.mutlak++;
                    }
                    needs.add(new Need(item.competencyCode(), item.required(), item.actual(), item.gap(), item.shortfall(),
                            item.importance(), policy.pathway(item.shortfall()), item.assessmentId()));
                }
            }
            if (!needs.isEmpty()) {
                needs.sort(NEED_ORDER);
                byPerson.add(new PersonNeeds(person.nip(), List.copyOf(needs)));
            }
        }
        byPerson.sort(Comparator.comparing(PersonNeeds::nip));
        List<CompetencyNeed> byCompetency = new ArrayList<>();
        tallies.forEach((code, t) -> byCompetency.add(new CompetencyNeed(code, t.below,
                t.below == 0 ? null : policy.divide(t.gapSum, BigDecimal.valueOf(t.below), 0), t.mutlak, t.notAssessed)));
        byCompetency.sort(Comparator.comparingInt(CompetencyNeed::peopleBelow).reversed()
                .thenComparing(Comparator.comparingInt(CompetencyNeed::mutlakCount).reversed())
                .thenComparing(CompetencyNeed::competencyCode, StandardTemplate.CODE_ORDER));
        return new Result(List.copyOf(byCompetency), List.copyOf(byPerson));
    }

    private static final class Tally {
        int below;
        int mutlak;
        int notAssessed;
        BigDecimal gapSum = BigDecimal.ZERO;
    }
}
