package id.asn.merit.training.plans;

import id.asn.merit.training.plans.PlanGeneration.Gap;
import id.asn.merit.training.plans.PlanGeneration.Pathway;
import id.asn.merit.training.plans.PlanGeneration.Proposal;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlanGenerationTest {
    static final PlanGeneration.Settings DEFAULTS = new PlanGeneration.Settings(new BigDecimal("2"), "KL03",
            new LinkedHashMap<>(Map.of("M.", "KL02", "SK.", "KL05")), "NKL01", new BigDecimal("20"), new BigDecimal("10"));

    static Gap gap(String nip, String code, int required, String gap) {
        return new Gap(nip, code, required, gap == null ? null : new BigDecimal(gap), gap == null);
    }

    @Test
    void oneItemPerCompetencyAndPathwayWithTheShortfallRuleOfDevelopmentNeeds() {
        List<Proposal> items = PlanGeneration.propose(List.of(
                gap("3", "M.3", 3, "-1.0"), gap("1", "M.3", 3, "-1.0"), gap("2", "M.3", 4, "-2.0"), gap("4", "M.3", 3, "0.0"),
                gap("5", "M.3", 3, null), gap("6", "T.GIS", 3, "-1.5"), gap("6", "T.GIS", 3, "-1.5"), gap("7", "T.GIS", 4, "-3.0"),
                gap("8", "M.3", 3, "0.5")), DEFAULTS);
        assertEquals(List.of("M.3/KLASIKAL/KL02", "M.3/NONKLASIKAL/NKL01", "T.GIS/KLASIKAL/KL03", "T.GIS/NONKLASIKAL/NKL01"),
                items.stream().map(p -> p.competencyCode() + "/" + p.pathway() + "/" + p.methodCode()).toList());
        assertEquals(List.of("2", "5"), items.get(0).targetNips());
        assertEquals(List.of("1", "3"), items.get(1).targetNips());
        assertEquals(List.of("6"), items.get(3).targetNips(), "a person once per group");
        assertEquals("1 person below standard in M.3 by 2.0 on average, and 1 person not assessed", items.get(0).reason());
        assertEquals("2 people below standard in M.3 by 1.0 on average", items.get(1).reason());
        assertEquals(new BigDecimal("20"), items.get(2).plannedJp());
        assertEquals(new BigDecimal("10"), items.get(3).plannedJp());
    }

    @Test
    void theBoundaryIsInclusiveAndOnlyNotAssessedSaySo() {
        List<Proposal> items = PlanGeneration.propose(List.of(gap("1", "SK.1", 2, "-1.9"), gap("2", "SK.1", 2, "-2.0"),
                gap("3", "M.1", 1, null)), DEFAULTS);
        assertEquals(Pathway.NONKLASIKAL, items.get(0).pathway(), "M.1 required 1 not assessed: shortfall 1");
        assertEquals("1 person not assessed in M.1", items.get(0).reason());
        assertEquals(List.of(Pathway.KLASIKAL, Pathway.NONKLASIKAL), List.of(items.get(1).pathway(), items.get(2).pathway()));
        assertEquals("KL05", items.get(1).methodCode());
        assertEquals(List.of(), PlanGeneration.propose(List.of(gap("1", "M.1", 3, "1.0")), DEFAULTS));
    }
}
