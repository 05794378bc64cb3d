package id.asn.merit.merit.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rules across fields that a policy must keep (single-field ranges are Bean Validation's). */
class MeritPolicyRulesTest {
    static BigDecimal n(int v) {
        return BigDecimal.valueOf(v);
    }

    static MeritPolicyRules defaults() {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        scores.put("SANGAT_BAIK", n(100));
        scores.put("BAIK", n(80));
        scores.put("BUTUH_PERBAIKAN", n(60));
        scores.put("KURANG", n(40));
        scores.put("SANGAT_KURANG", n(20));
        return new MeritPolicyRules(scores, new MeritPolicyRules.AxisCutoffs(n(80), n(60)),
                new MeritPolicyRules.PotentialWeights(n(40), n(25), n(20), n(15)),
                new MeritPolicyRules.IntegrityScores(n(100), n(50), n(0)), 2,
                new MeritPolicyRules.MeritWeights(n(50), n(50)), List.of(7, 8, 9),
                new MeritPolicyRules.Jpm(new MeritPolicyRules.MappingBands(n(90), n(78)), new MeritPolicyRules.SelectionBands(n(80), n(68))),
                Map.of("PNS", n(20), "CPNS", n(20), "PPPK", n(20)));
    }

    static List<String> fields(MeritPolicyRules rules) {
        return rules.violations().stream().map(MeritPolicyRules.Violation::field).toList();
    }

    @Test
    void theDefaultsOfSystemMdAreConsistent() {
        assertEquals(List.of(), defaults().violations());
    }

    @Test
    void potentialWeightsMustSumToHundred() {
        MeritPolicyRules d = defaults();
        var r = new MeritPolicyRules(d.performanceScores(), d.axisCutoffs(), new MeritPolicyRules.PotentialWeights(n(40), n(20), n(20), n(15)),
                d.integrityScores(), 2, d.meritWeights(), d.talentPoolBoxes(), d.jpm(), d.requiredJpPerYear());
        assertEquals(List.of("potentialWeights"), fields(r));
        assertEquals("must sum to 100, not 95", r.violations().get(0).message());
    }

    @Test
    void meritWeightsMustSumToHundredAndHighMustBeAboveMedium() {
        MeritPolicyRules d = defaults();
        var r = new MeritPolicyRules(d.performanceScores(), new MeritPolicyRules.AxisCutoffs(n(60), n(60)), d.potentialWeights(),
                d.integrityScores(), 2, new MeritPolicyRules.MeritWeights(n(50), n(60)), List.of(7, 8, 8), d.jpm(), d.requiredJpPerYear());
        assertEquals(List.of("axisCutoffs", "meritWeights", "talentPoolBoxes"), fields(r));
    }

    @Test
    void everyRatingAndEmploymentTypeIsCovered() {
        MeritPolicyRules d = defaults();
        Map<String, BigDecimal> scores = new LinkedHashMap<>(d.performanceScores());
        scores.remove("KURANG");
        scores.put("ISTIMEWA", n(100));
        var r = new MeritPolicyRules(scores, d.axisCutoffs(), d.potentialWeights(), d.integrityScores(), 2, d.meritWeights(),
                d.talentPoolBoxes(), d.jpm(), Map.of("PNS", n(20), "PPPK", n(20)));
        assertEquals(List.of("performanceScores.KURANG", "performanceScores.ISTIMEWA", "requiredJpPerYear.CPNS"), fields(r));
    }

    @Test
    void bandsMustBeOrdered() {
        MeritPolicyRules d = defaults();
        Map<String, BigDecimal> scores = new LinkedHashMap<>(d.performanceScores());
        scores.put("SANGAT_BAIK", n(90));
        scores.put("BAIK", n(95)); // above SANGAT_BAIK
        var r = new MeritPolicyRules(scores, d.axisCutoffs(), d.potentialWeights(), new MeritPolicyRules.IntegrityScores(n(50), n(100), n(0)), 2,
                d.meritWeights(), d.talentPoolBoxes(),
                new MeritPolicyRules.Jpm(new MeritPolicyRules.MappingBands(n(78), n(90)), new MeritPolicyRules.SelectionBands(n(68), n(68))),
                d.requiredJpPerYear());
        assertEquals(List.of("performanceScores.BAIK", "integrityScores", "jpm.mapping", "jpm.selection"), fields(r));
    }
}
