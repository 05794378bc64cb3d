package id.asn.merit.devinfra.demo;

import id.asn.merit.devinfra.demo.DemoData.Organisation;
import id.asn.merit.devinfra.demo.DemoData.Person;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo data as the issue asks for it: table 1 of the seed study (22 posts, 23 people, 21 structural posts typed
 * as the regulations do), NIPs that employee-service accepts (the rules of its NipValidator, reference §1), no PMPTSP
 * training record in the demo year, and a second unit of 200 people generated the same way every time.
 */
class DemoDataTest {
    static final int YEAR = 2025;

    @Test
    void pmptspIsTableOneOfTheSeedStudy() {
        Organisation o = DemoData.pmptsp(YEAR);
        assertEquals(22, o.posts().size(), "22 posts");
        assertEquals(23, o.people().size(), "23 people");
        Map<String, Long> byType = o.posts().stream().collect(Collectors.groupingBy(DemoData.Post::type, Collectors.counting()));
        assertEquals(Map.of("JPT_PRATAMA", 1L, "ADMINISTRATOR", 5L, "PENGAWAS", 15L, "PELAKSANA", 1L), byType);
        assertEquals(21, o.posts().stream().filter(DemoData.Post::managerial).count());
        o.posts().forEach(p -> assertEquals(switch (p.type()) {
            case "JPT_PRATAMA" -> "PKN_II";
            case "ADMINISTRATOR" -> "PKA";
            case "PENGAWAS" -> "PKP";
            default -> null;
        }, p.requiredLeadershipTraining(), p.code()));
        assertEquals(2, o.people().stream().filter(p -> p.positionCode().equals("PMPTSP-PELAKSANA")).count(), "two pelaksana");
        Set<String> posts = o.posts().stream().map(DemoData.Post::code).collect(Collectors.toSet());
        o.people().forEach(p -> assertTrue(posts.contains(p.positionCode()), p.positionCode()));
        // the study's finding: nobody had a training record in the year studied
        o.people().forEach(p -> p.trainings().forEach(t -> assertTrue(t.endDate().getYear() < YEAR, p.nip() + " " + t)));
        assertTrue(o.people().stream().filter(p -> p.assessmentFactor() != null).count() >= 17, "most are assessed");
        o.people().forEach(p -> assertEquals(List.of(YEAR - 1, YEAR), p.ratings().stream().map(DemoData.Rating::year).toList()));
    }

    @Test
    void everyNipIsValidAndUnique() {
        Organisation a = DemoData.pmptsp(YEAR);
        Set<String> taken = new HashSet<>();
        a.people().forEach(p -> taken.add(p.nip()));
        Organisation b = DemoData.second(YEAR, taken);
        Set<String> seen = new HashSet<>();
        for (Person p : concat(a.people(), b.people())) {
            assertTrue(seen.add(p.nip()), "duplicate " + p.nip());
            assertEquals(List.of(), problems(p), p.nip() + " " + p.name());
        }
        assertEquals(DemoData.SECOND_SIZE, b.people().size());
        assertTrue(b.people().stream().anyMatch(p -> p.employmentType().equals("PPPK")), "some PPPK (NI PPPK layout)");
    }

    @Test
    void theSecondUnitIsTheSameEveryTimeAndSpread() {
        Organisation one = DemoData.second(YEAR, Set.of());
        Organisation two = DemoData.second(YEAR, Set.of());
        assertEquals(one, two);
        List<Person> people = one.people();
        assertTrue(people.stream().anyMatch(p -> p.disciplineLevel() != null));
        assertTrue(people.stream().flatMap(p -> p.trainings().stream()).anyMatch(DemoData.Training::pending));
        Set<String> methods = people.stream().flatMap(p -> p.trainings().stream()).map(DemoData.Training::methodCode).collect(Collectors.toSet());
        assertTrue(methods.size() >= 4, "several methods: " + methods);
        Set<String> ratings = people.stream().map(p -> p.ratings().get(1).workResult() + "/" + p.ratings().get(1).workBehaviour()).collect(Collectors.toSet());
        assertTrue(ratings.size() >= 4, "spread ratings: " + ratings);
        assertFalse(people.stream().allMatch(p -> p.assessmentFactor() != null));
    }

    /** The rules of employee-service's NipValidator (reference §1), restated here: dev-infra does not depend on the service. */
    static List<String> problems(Person p) {
        String nip = p.nip();
        List<String> out = new java.util.ArrayList<>();
        if (!nip.matches("\\d{18}")) {
            return List.of("not 18 digits");
        }
        LocalDate birth = LocalDate.of(Integer.parseInt(nip.substring(0, 4)), Integer.parseInt(nip.substring(4, 6)), Integer.parseInt(nip.substring(6, 8)));
        if (!birth.equals(p.birthDate())) {
            out.add("birth date");
        }
        if (p.employmentType().equals("PPPK")) {
            int appointed = Integer.parseInt(nip.substring(8, 12));
            if (appointed < 2019 || appointed > YEAR + 1 || appointed < birth.getYear() + 18) {
                out.add("appointment year");
            }
            if (nip.charAt(12) != '2' || nip.charAt(13) == '0') {
                out.add("PPPK code / contract count");
            }
        } else {
            YearMonth tmt = YearMonth.of(Integer.parseInt(nip.substring(8, 12)), Integer.parseInt(nip.substring(12, 14)));
            if (!tmt.atDay(1).isAfter(birth) || tmt.atDay(1).isBefore(birth.plusYears(18))) {
                out.add("TMT");
            }
            if (p.tmtCpns() == null || !YearMonth.from(p.tmtCpns()).equals(tmt)) {
                out.add("TMT does not match tmtCpns");
            }
        }
        if (nip.charAt(14) != (p.gender().equals("M") ? '1' : '2')) {
            out.add("gender digit");
        }
        if (nip.endsWith("000")) {
            out.add("serial");
        }
        return out;
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
