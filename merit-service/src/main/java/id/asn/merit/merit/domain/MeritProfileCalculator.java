package id.asn.merit.merit.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A person's merit profile for one year (SYSTEM.md §6.4; domain reference §7) as a pure function of what
 * merit-service knows about them and the policy: performance from the annual SKP, potential from its four parts
 * (missing ones dropped and the rest re-weighted), the box, the merit score, the talent-pool eligibility, and the
 * reasons in words a person can read, with the inputs (event type, ce_id, value, time) each number came from.
 * The same facts and policy always give the same profile, which is what makes a rebuilt read model agree.
 */
public final class MeritProfileCalculator {
    /** One input of a profile: the event (type and ce_id) or record it came from, the value used, and when. */
    public record Input(String source, String id, Object value, OffsetDateTime at) {
    }

    /** An ANNUAL SKP rating of a year. */
    public record Skp(int year, String rating, Input input) {
    }

    /** A potential test (owned by merit-service). */
    public record PotentialTest(int year, double score, LocalDate assessedOn, String instrument, Input input) {
    }

    /**
     * What the profile is computed from.
     *
     * @param asOf             the day the profile speaks for: the year's last day, or today while the year runs
     * @param jpm              JPM against the current position (purpose MAPPING), null when not known
     * @param minEducationLevel the current position's minimum, null when it has none (or the position is unknown)
     * @param recognisedJp     verified JP of the year, null when no training event was seen for the year
     */
    public record Facts(String nip, int year, LocalDate asOf, List<Skp> annualSkp,
            Double jpm, String jpmPositionCode, Input jpmInput,
            List<PotentialTest> potentialTests,
            String educationLevel, String positionCode, String minEducationLevel, Input educationInput, Input positionInput,
            List<DisciplineWindow.Decision> disciplines, List<Input> disciplineInputs,
            BigDecimal recognisedJp, BigDecimal requiredJp, Input jpInput) {
    }

    public record Performance(String rating, Integer ratingYear, Double score, Axis axis) {
    }

    public record Potential(Double score, Axis axis, Map<String, Double> parts, List<String> missingParts, boolean reweighted,
            Map<String, Double> weights) {
    }

    public record Result(Performance performance, Potential potential, Integer box, Double meritScore, boolean eligibleForTalentPool,
            List<String> reasons, List<Input> inputs) {
    }

    private MeritProfileCalculator() {
    }

    public static Result compute(Facts f, MeritPolicyRules rules) {
        List<String> reasons = new ArrayList<>();
        List<Input> inputs = new ArrayList<>();

        // performance: the ANNUAL SKP of the year, or of up to performanceFallbackYears before it
        Performance performance;
        Optional<Skp> skp = annualSkp(f.annualSkp(), f.year(), rules.performanceFallbackYears());
        if (skp.isPresent()) {
            Skp s = skp.get();
            double score = PerformanceScore.of(s.rating(), rules.performanceScores());
            Axis axis = Axis.of(score, rules.axisCutoffs());
            performance = new Performance(s.rating(), s.year(), score, axis);
            if (s.year() != f.year()) {
                reasons.add("no annual SKP for " + f.year() + " yet: performance from the annual SKP of " + s.year());
            }
            reasons.add("annual SKP " + s.year() + " " + s.rating() + ": performance " + num(score) + " (" + axis + ")");
            if (s.input() != null) {
                inputs.add(s.input());
            }
        } else {
            performance = new Performance(null, null, null, null);
            reasons.add("no annual SKP for " + f.year() + ": no performance score, so no box");
        }

        // potential parts
        Map<String, Double> parts = new LinkedHashMap<>();
        if (f.jpm() != null) {
            parts.put(PotentialScore.COMPETENCY, f.jpm());
            reasons.add("competency: JPM " + num(f.jpm()) + (f.jpmPositionCode() == null ? "" : " against position " + f.jpmPositionCode()));
            if (f.jpmInput() != null) {
                inputs.add(f.jpmInput());
            }
        } else {
            reasons.add("no competency assessment against the current position: the competency part is left out");
        }
        Optional<PotentialTest> test = potentialTest(f.potentialTests(), f.year(), rules.potentialTestValidityYears());
        if (test.isPresent()) {
            PotentialTest t = test.get();
            parts.put(PotentialScore.POTENTIAL_TEST, t.score());
            reasons.add("potential test (" + t.instrument() + ", " + t.assessedOn() + "): " + num(t.score()));
            if (t.input() != null) {
                inputs.add(t.input());
            }
        } else {
            reasons.add("no potential test for " + f.year() + " (one counts for " + rules.potentialTestValidityYears()
                    + " years): the potential-test part is left out");
        }
        Double qualification = EducationLevels.qualificationScore(f.educationLevel(), f.minEducationLevel(), rules.qualificationScores());
        if (qualification != null) {
            parts.put(PotentialScore.QUALIFICATION, qualification);
            int shortBy = EducationLevels.levelsShort(f.educationLevel(), f.minEducationLevel());
            reasons.add("qualification: education " + f.educationLevel() + (shortBy == 0 ? " meets" : " is " + shortBy
                    + " level" + (shortBy == 1 ? "" : "s") + " short of") + " the minimum " + f.minEducationLevel()
                    + " of position " + f.positionCode() + ": " + num(qualification));
            if (f.educationInput() != null) {
                inputs.add(f.educationInput());
            }
            if (f.positionInput() != null) {
                inputs.add(f.positionInput());
            }
        } else if (!EducationLevels.isLevel(f.minEducationLevel())) {
            reasons.add(f.positionCode() == null ? "no current position known: the qualification part is left out"
                    : "position " + f.positionCode() + " has no minimum education: the qualification part is left out");
        } else {
            reasons.add("education level not known: the qualification part is left out");
        }
        int years = rules.disciplineLookbackYears();
        Optional<DisciplineWindow.Decision> worst = DisciplineWindow.worst(f.disciplines(), f.asOf(), years);
        double integrity = DisciplineWindow.integrityScore(f.disciplines(), f.asOf(), years, rules.integrityScores());
        parts.put(PotentialScore.INTEGRITY, integrity);
        reasons.add(worst.map(d -> "integrity: " + d.level() + " discipline decided " + d.decidedOn() + ", within "
                        + years + " years of " + f.asOf() + ": " + num(integrity))
                .orElse("integrity: no disciplinary record in the " + years + " years to " + f.asOf() + ": " + num(integrity)));
        if (f.disciplineInputs() != null) {
            inputs.addAll(f.disciplineInputs());
        }

        PotentialScore.Result p = PotentialScore.compute(parts, rules.potentialWeights());
        Axis potentialAxis = p.score() == null ? null : Axis.of(p.score(), rules.axisCutoffs());
        if (p.reweighted()) {
            reasons.add("potential re-weighted over " + String.join(", ", p.effectiveWeights().keySet()) + " ("
                    + String.join(", ", p.missing()) + " missing)");
        }
        if (p.score() != null) {
            reasons.add("potential " + num(p.score()) + " (" + potentialAxis + ")");
        }
        Potential potential = new Potential(p.score(), potentialAxis, parts, p.missing(), p.reweighted(), p.effectiveWeights());

        Integer box = null;
        Double meritScore = null;
        if (performance.axis() != null && potentialAxis != null) {
            box = NineBoxPlacement.box(performance.axis(), potentialAxis);
            meritScore = MeritScore.of(performance.score(), p.score(), rules.meritWeights());
            reasons.add("box " + box + ": performance " + performance.axis() + " × potential " + potentialAxis
                    + "; merit score " + num(meritScore));
        }

        boolean inPoolBox = box != null && rules.talentPoolBoxes().contains(box);
        Optional<DisciplineWindow.Decision> excluding = DisciplineWindow.excluding(f.disciplines(), f.asOf(), years);
        boolean eligible = inPoolBox && excluding.isEmpty();
        String boxes = rules.talentPoolBoxes().stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
        if (box == null) {
            reasons.add("not in the talent pool: no box");
        } else if (!inPoolBox) {
            reasons.add("not in the talent pool: box " + box + " is not one of " + boxes);
        } else if (excluding.isPresent()) {
            reasons.add("not in the talent pool: " + excluding.get().level() + " discipline decided " + excluding.get().decidedOn()
                    + " is within " + years + " years");
        } else {
            reasons.add("in the talent pool: box " + box + " is one of " + boxes + " and no moderate or severe discipline in "
                    + years + " years");
        }

        if (f.requiredJp() != null) {
            BigDecimal got = f.recognisedJp() == null ? BigDecimal.ZERO : f.recognisedJp();
            boolean met = got.compareTo(f.requiredJp()) >= 0;
            reasons.add("JP " + f.year() + ": " + num(got.doubleValue()) + " of " + num(f.requiredJp().doubleValue())
                    + " recognised (" + (met ? "met" : "not met") + ")");
            if (f.jpInput() != null) {
                inputs.add(f.jpInput());
            }
        }
        return new Result(performance, potential, box, meritScore, eligible, List.copyOf(reasons), List.copyOf(inputs));
    }

    /** The ANNUAL SKP of the year, else the newest of the {@code fallbackYears} years before it. */
    public static Optional<Skp> annualSkp(List<Skp> ratings, int year, int fallbackYears) {
        return ratings.stream()
                .filter(s -> s.year() <= year && s.year() >= year - fallbackYears)
                .max(Comparator.comparingInt(Skp::year));
    }

    /** The newest test (by assessedOn) of the year or of the years before it within the validity. */
    public static Optional<PotentialTest> potentialTest(List<PotentialTest> tests, int year, int validityYears) {
        return tests.stream()
                .filter(t -> t.year() <= year && t.year() > year - validityYears)
                .max(Comparator.comparing(PotentialTest::assessedOn).thenComparingInt(PotentialTest::year));
    }

    /** A number as people write it: 80, 86.5. */
    static String num(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
