package id.asn.merit.competency.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The default competency standard of one position type (domain.md §3.3, SYSTEM.md §3): what a position gets when
 * the instansi has not published an SKJ of its own ({@code source: TEMPLATE}). It sets the required level of every
 * MANAJERIAL and SOSIAL_KULTURAL competency; TEKNIS and PEMERINTAHAN are per jabatan and never templated.
 *
 * <p>The ladder of {@link #defaults()} is UNCONFIRMED (domain.md §3.3 and §10.1; the only data point seen is
 * JPT Pratama Integritas = 4), so a template is data an ADMIN can replace; the service versions it.
 *
 * @param positionType             the type this template is for
 * @param requiredLevel            the level of every competency for a non-FUNGSIONAL type; null for FUNGSIONAL
 * @param levelByFunctionalLevel   FUNGSIONAL only: the level per jenjang (empty for other types)
 * @param levelByCompetency        a competency code → its level, overriding the two above (e.g. an instansi
 *                                 asking Integritas one level higher); may be empty
 * @param importance               the importance of every item (PENTING by default, issue #7)
 * @param importanceByCompetency   a competency code → its importance, overriding {@code importance}; may be empty
 */
public record StandardTemplate(
        PositionType positionType,
        Integer requiredLevel,
        Map<FunctionalLevel, Integer> levelByFunctionalLevel,
        Map<String, Integer> levelByCompetency,
        Importance importance,
        Map<String, Importance> importanceByCompetency) {

    public StandardTemplate {
        // copies that keep a null value, so that violations() can name it instead of the constructor failing
        levelByFunctionalLevel = copy(levelByFunctionalLevel);
        levelByCompetency = copy(levelByCompetency);
        importanceByCompetency = copy(importanceByCompetency);
    }

    private static <K, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** One rule the template breaks: the field (JSON path) and why. */
    public record Violation(String field, String message) {
    }

    /** A template that sets one level for every competency, importance PENTING. */
    public static StandardTemplate uniform(PositionType type, int level) {
        return new StandardTemplate(type, level, Map.of(), Map.of(), Importance.PENTING, Map.of());
    }

    /**
     * The default ladder of domain.md §3.3 (UNCONFIRMED): JPT Utama 5, JPT Madya 5, JPT Pratama 4, Administrator 3,
     * Pengawas 2, Pelaksana 1; JF Ahli Utama 4, Ahli Madya 3, Ahli Muda 2, Ahli Pertama 1. The reference gives
     * nothing for the keterampilan jenjang (Penyelia, Mahir, Terampil, Pemula); they get level 1 here, a default
     * of our own (the level of the pelaksana tier they sit beside), so that no position is left without a standard.
     * Importance PENTING throughout.
     */
    public static Map<PositionType, StandardTemplate> defaults() {
        Map<FunctionalLevel, Integer> fungsional = new EnumMap<>(FunctionalLevel.class);
        fungsional.put(FunctionalLevel.AHLI_UTAMA, 4);
        fungsional.put(FunctionalLevel.AHLI_MADYA, 3);
        fungsional.put(FunctionalLevel.AHLI_MUDA, 2);
        fungsional.put(FunctionalLevel.AHLI_PERTAMA, 1);
        fungsional.put(FunctionalLevel.PENYELIA, 1);
        fungsional.put(FunctionalLevel.MAHIR, 1);
        fungsional.put(FunctionalLevel.TERAMPIL, 1);
        fungsional.put(FunctionalLevel.PEMULA, 1);
        Map<PositionType, StandardTemplate> all = new EnumMap<>(PositionType.class);
        all.put(PositionType.JPT_UTAMA, uniform(PositionType.JPT_UTAMA, 5));
        all.put(PositionType.JPT_MADYA, uniform(PositionType.JPT_MADYA, 5));
        all.put(PositionType.JPT_PRATAMA, uniform(PositionType.JPT_PRATAMA, 4));
        all.put(PositionType.ADMINISTRATOR, uniform(PositionType.ADMINISTRATOR, 3));
        all.put(PositionType.PENGAWAS, uniform(PositionType.PENGAWAS, 2));
        all.put(PositionType.PELAKSANA, uniform(PositionType.PELAKSANA, 1));
        all.put(PositionType.FUNGSIONAL, new StandardTemplate(PositionType.FUNGSIONAL, null, fungsional, Map.of(),
                Importance.PENTING, Map.of()));
        return Map.copyOf(all);
    }

    /** Every broken rule, each naming its field; empty when the template can be expanded for every position of its type. */
    public List<Violation> violations() {
        List<Violation> v = new ArrayList<>();
        if (positionType == null) {
            v.add(new Violation("positionType", "is required"));
        } else if (positionType == PositionType.FUNGSIONAL) {
            if (requiredLevel != null) {
                v.add(new Violation("requiredLevel", "must be absent for FUNGSIONAL: the level is per functional level"));
            }
            for (FunctionalLevel fl : FunctionalLevel.values()) {
                Integer level = levelByFunctionalLevel.get(fl);
                if (level == null) {
                    v.add(new Violation("levelByFunctionalLevel." + fl, "is required"));
                } else {
                    level(v, "levelByFunctionalLevel." + fl, level);
                }
            }
        } else {
            if (requiredLevel == null) {
                v.add(new Violation("requiredLevel", "is required"));
            } else {
                level(v, "requiredLevel", requiredLevel);
            }
            if (!levelByFunctionalLevel.isEmpty()) {
                v.add(new Violation("levelByFunctionalLevel", "is only for FUNGSIONAL, not " + positionType));
            }
        }
        levelByCompetency.forEach((code, level) -> level(v, "levelByCompetency." + code, level));
        if (importance == null) {
            v.add(new Violation("importance", "is required"));
        }
        importanceByCompetency.forEach((code, imp) -> {
            if (imp == null) {
                v.add(new Violation("importanceByCompetency." + code, "is required"));
            }
        });
        return v;
    }

    private static void level(List<Violation> v, String field, Integer level) {
        if (level == null || level < 1 || level > 5) {
            v.add(new Violation(field, "must be a level 1..5, not " + level));
        }
    }

    /**
     * The standard items this template gives a position: one per MANAJERIAL and SOSIAL_KULTURAL competency of the
     * dictionary (the caller leaves out retired ones), MANAJERIAL first, each group in code order (M.2 before
     * M.10). Other groups are skipped.
     *
     * @param functionalLevel the position's jenjang; required for FUNGSIONAL, ignored otherwise
     * @param dictionary      competency code → group
     * @throws IllegalArgumentException for FUNGSIONAL without a functional level, or with one the template has no level for
     */
    public List<StandardItem> expand(FunctionalLevel functionalLevel, Map<String, CompetencyGroup> dictionary) {
        Objects.requireNonNull(dictionary, "dictionary");
        int base;
        if (positionType == PositionType.FUNGSIONAL) {
            if (functionalLevel == null) {
                throw new IllegalArgumentException("a FUNGSIONAL position needs a functional level to take the template");
            }
            Integer level = levelByFunctionalLevel.get(functionalLevel);
            if (level == null) {
                throw new IllegalArgumentException("the FUNGSIONAL template has no level for " + functionalLevel);
            }
            base = level;
        } else {
            base = Objects.requireNonNull(requiredLevel, "requiredLevel");
        }
        return dictionary.entrySet().stream()
                .filter(e -> e.getValue() == CompetencyGroup.MANAJERIAL || e.getValue() == CompetencyGroup.SOSIAL_KULTURAL)
                .sorted(Map.Entry.<String, CompetencyGroup>comparingByValue()
                        .thenComparing(Map.Entry::getKey, CODE_ORDER))
                .map(e -> new StandardItem(e.getKey(),
                        Objects.requireNonNullElse(levelByCompetency.get(e.getKey()), base),
                        Objects.requireNonNullElse(importanceByCompetency.get(e.getKey()), importance)))
                .toList();
    }

    /** Codes in natural order: the same prefix compares by the number after it ("M.2" before "M.10"). */
    public static final Comparator<String> CODE_ORDER = (a, b) -> {
        String pa = prefix(a);
        String pb = prefix(b);
        int c = pa.compareTo(pb);
        if (c != 0 || pa.length() == a.length() || pb.length() == b.length()) {
            return c != 0 ? c : a.compareTo(b);
        }
        int byNumber = new java.math.BigInteger(a.substring(pa.length())).compareTo(new java.math.BigInteger(b.substring(pb.length())));
        return byNumber != 0 ? byNumber : a.compareTo(b);
    };

    /** The code without its trailing digits. */
    private static String prefix(String code) {
        int i = code.length();
        while (i > 0 && Character.isDigit(code.charAt(i - 1))) {
            i--;
        }
        return code.substring(0, i);
    }
}
