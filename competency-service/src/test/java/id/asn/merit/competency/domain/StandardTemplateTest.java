package id.asn.merit.competency.domain;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default standard ladder of domain.md §3.3 as templates, expanded against the dictionary. */
class StandardTemplateTest {
    static final Map<PositionType, StandardTemplate> DEFAULTS = StandardTemplate.defaults();

    /** The seeded dictionary plus an instansi's own TEKNIS and PEMERINTAHAN entries, in no particular order. */
    static Map<String, CompetencyGroup> dictionary() {
        Map<String, CompetencyGroup> d = new LinkedHashMap<>();
        d.put("T.1", CompetencyGroup.TEKNIS);
        d.put("SK.1", CompetencyGroup.SOSIAL_KULTURAL);
        for (int i = 8; i >= 1; i--) {
            d.put("M." + i, CompetencyGroup.MANAJERIAL);
        }
        d.put("P.1", CompetencyGroup.PEMERINTAHAN);
        return d;
    }

    static final List<String> NINE = List.of("M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1");

    static List<Integer> levels(List<StandardItem> items) {
        return items.stream().map(StandardItem::requiredLevel).distinct().toList();
    }

    @Test
    void theLadderPerPositionType() {
        Map<PositionType, Integer> expected = Map.of(
                PositionType.JPT_UTAMA, 5, PositionType.JPT_MADYA, 5, PositionType.JPT_PRATAMA, 4,
                PositionType.ADMINISTRATOR, 3, PositionType.PENGAWAS, 2, PositionType.PELAKSANA, 1);
        expected.forEach((type, level) -> {
            List<StandardItem> items = DEFAULTS.get(type).expand(null, dictionary());
            assertEquals(NINE, items.stream().map(StandardItem::competencyCode).toList(), type.name());
            assertEquals(List.of(level), levels(items), type.name());
            assertTrue(items.stream().allMatch(i -> i.importance() == Importance.PENTING), type.name());
        });
        assertEquals(PositionType.values().length, DEFAULTS.size());
    }

    @Test
    void theFunctionalLadderPerJenjang() {
        Map<FunctionalLevel, Integer> expected = Map.of(
                FunctionalLevel.AHLI_UTAMA, 4, FunctionalLevel.AHLI_MADYA, 3, FunctionalLevel.AHLI_MUDA, 2,
                FunctionalLevel.AHLI_PERTAMA, 1,
                // not in the reference: our default, the pelaksana tier's level
                FunctionalLevel.PENYELIA, 1, FunctionalLevel.MAHIR, 1, FunctionalLevel.TERAMPIL, 1, FunctionalLevel.PEMULA, 1);
        StandardTemplate fungsional = DEFAULTS.get(PositionType.FUNGSIONAL);
        expected.forEach((jenjang, level) ->
                assertEquals(List.of(level), levels(fungsional.expand(jenjang, dictionary())), jenjang.name()));
    }

    @Test
    void theOnlyDataPointOfTheReferenceHolds() {
        // domain.md §3.3: JPT Pratama (Kepala Satpol PP), Integritas = 4
        StandardItem integritas = DEFAULTS.get(PositionType.JPT_PRATAMA).expand(null, dictionary()).get(0);
        assertEquals(new StandardItem("M.1", 4, Importance.PENTING), integritas);
    }

    @Test
    void aFunctionalPositionNeedsItsJenjang() {
        var e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.get(PositionType.FUNGSIONAL).expand(null, dictionary()));
        assertEquals("a FUNGSIONAL position needs a functional level to take the template", e.getMessage());
        StandardTemplate onlyAhli = new StandardTemplate(PositionType.FUNGSIONAL, null,
                Map.of(FunctionalLevel.AHLI_MUDA, 2), Map.of(), Importance.PENTING, Map.of());
        assertThrows(IllegalArgumentException.class, () -> onlyAhli.expand(FunctionalLevel.PEMULA, dictionary()));
    }

    @Test
    void aNonFunctionalTypeIgnoresTheJenjang() {
        assertEquals(List.of(3), levels(DEFAULTS.get(PositionType.ADMINISTRATOR).expand(FunctionalLevel.AHLI_UTAMA, dictionary())));
    }

    @Test
    void perCompetencyOverridesOfLevelAndImportance() {
        StandardTemplate administrator = new StandardTemplate(PositionType.ADMINISTRATOR, 3, Map.of(),
                Map.of("M.1", 4), Importance.PENTING, Map.of("M.1", Importance.MUTLAK, "SK.1", Importance.PERLU));
        List<StandardItem> items = administrator.expand(null, dictionary());
        assertEquals(new StandardItem("M.1", 4, Importance.MUTLAK), items.get(0));
        assertEquals(new StandardItem("M.2", 3, Importance.PENTING), items.get(1));
        assertEquals(new StandardItem("SK.1", 3, Importance.PERLU), items.get(8));
        // a whole template can ask another default importance
        StandardTemplate allMutlak = new StandardTemplate(PositionType.PENGAWAS, 2, Map.of(), Map.of(), Importance.MUTLAK, Map.of());
        assertTrue(allMutlak.expand(null, dictionary()).stream().allMatch(i -> i.importance() == Importance.MUTLAK));
    }

    @Test
    void onlyManajerialAndSosialKulturalAreTemplatedInNaturalCodeOrder() {
        Map<String, CompetencyGroup> d = new LinkedHashMap<>(dictionary());
        d.put("M.10", CompetencyGroup.MANAJERIAL);
        List<String> codes = DEFAULTS.get(PositionType.PELAKSANA).expand(null, d).stream().map(StandardItem::competencyCode).toList();
        assertEquals(List.of("M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "M.10", "SK.1"), codes);
        assertEquals(List.of(), DEFAULTS.get(PositionType.PELAKSANA).expand(null, Map.of("T.1", CompetencyGroup.TEKNIS)));
    }

    @Test
    void theDefaultsAreValid() {
        DEFAULTS.values().forEach(t -> assertEquals(List.of(), t.violations(), t.positionType().name()));
    }

    @Test
    void anAdminsTemplateIsCheckedFieldByField() {
        Map<String, Integer> badLevel = new LinkedHashMap<>();
        badLevel.put("M.1", 6);
        StandardTemplate bad = new StandardTemplate(PositionType.PENGAWAS, null, Map.of(FunctionalLevel.AHLI_MUDA, 2),
                badLevel, null, Map.of());
        assertEquals(List.of(
                new StandardTemplate.Violation("requiredLevel", "is required"),
                new StandardTemplate.Violation("levelByFunctionalLevel", "is only for FUNGSIONAL, not PENGAWAS"),
                new StandardTemplate.Violation("levelByCompetency.M.1", "must be a level 1..5, not 6"),
                new StandardTemplate.Violation("importance", "is required")), bad.violations());

        StandardTemplate fungsional = new StandardTemplate(PositionType.FUNGSIONAL, 3,
                Map.of(FunctionalLevel.AHLI_UTAMA, 0, FunctionalLevel.AHLI_MADYA, 3, FunctionalLevel.AHLI_MUDA, 2,
                        FunctionalLevel.AHLI_PERTAMA, 1, FunctionalLevel.PENYELIA, 2, FunctionalLevel.MAHIR, 1,
                        FunctionalLevel.TERAMPIL, 1),
                Map.of(), Importance.PENTING, Map.of());
        assertEquals(List.of(
                new StandardTemplate.Violation("requiredLevel", "must be absent for FUNGSIONAL: the level is per functional level"),
                new StandardTemplate.Violation("levelByFunctionalLevel.AHLI_UTAMA", "must be a level 1..5, not 0"),
                new StandardTemplate.Violation("levelByFunctionalLevel.PEMULA", "is required")), fungsional.violations());

        Map<String, Importance> nullImportance = new LinkedHashMap<>();
        nullImportance.put("M.2", null);
        assertEquals(List.of(new StandardTemplate.Violation("importanceByCompetency.M.2", "is required")),
                new StandardTemplate(PositionType.PELAKSANA, 1, null, null, Importance.PENTING, nullImportance).violations());
        assertEquals(List.of(new StandardTemplate.Violation("positionType", "is required")),
                new StandardTemplate(null, 1, null, null, Importance.PENTING, null).violations());
    }
}
