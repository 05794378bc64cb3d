package id.asn.merit.training.records;

import id.asn.merit.platform.problem.Problem.FieldError;
import id.asn.merit.training.domain.TrainingRecordRules;
import id.asn.merit.training.domain.TrainingRecordRules.Input;
import id.asn.merit.training.domain.TrainingRecordRules.Outcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules of a training record (SYSTEM.md §3, §6.3) with worked cases, against a catalogue in memory. */
class TrainingRecordRulesTest {
    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    static final String NIP = "199001012015031001";

    static final TrainingRecordRules.Catalog CATALOG = new TrainingRecordRules.Catalog() {
        @Override
        public boolean methodExists(String code) {
            return Set.of("KL01", "KL02", "NKL02").contains(code);
        }

        @Override
        public boolean methodIsLeadership(String code) {
            return code.equals("KL01");
        }

        @Override
        public TrainingRecordRules.Program program(String code) {
            return switch (code) {
                case "PKA-1" -> new TrainingRecordRules.Program("PKA-1", "Pelatihan Kepemimpinan Administrator", "KL01", "LAN RI",
                        new BigDecimal("200"), List.of("M.1", "M.7"), "PKA", true);
                case "OLD" -> new TrainingRecordRules.Program("OLD", "Retired", "KL02", "X", BigDecimal.ONE, List.of(), null, false);
                default -> null;
            };
        }

        @Override
        public Set<String> unknownCompetencies(Collection<String> codes) {
            Set<String> unknown = new HashSet<>(codes);
            unknown.removeAll(Set.of("M.1", "M.4", "M.7"));
            return unknown;
        }
    };

    static Input input(String programCode, String method, LocalDate start, LocalDate end, String jp, Integer minutes,
                       List<String> codes, String level) {
        return new Input(NIP, programCode, programCode == null ? "Pelatihan Teknis" : null, method,
                programCode == null ? "BPSDM Jabar" : null, start, end, jp == null ? null : new BigDecimal(jp), minutes, "CERT-1",
                codes, level, null);
    }

    static Outcome check(Input in) {
        return TrainingRecordRules.check(in, CATALOG, TODAY, 45);
    }

    static List<String> fields(Outcome o) {
        return o.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aProgrammeFillsWhatTheRecordLeavesOut() {
        Outcome o = check(input("PKA-1", null, TODAY.minusDays(30), TODAY.minusDays(1), null, null, null, null));
        assertTrue(o.ok(), o.errors().toString());
        assertEquals("Pelatihan Kepemimpinan Administrator", o.valid().title());
        assertEquals("KL01", o.valid().methodCode());
        assertEquals("LAN RI", o.valid().organizer());
        assertEquals(0, new BigDecimal("200").compareTo(o.valid().jp()));
        assertEquals(List.of("M.1", "M.7"), o.valid().competencyCodes());
        assertEquals("PKA", o.valid().leadershipLevel());
        assertEquals(2025, o.valid().year());
        // what the record gives wins over the programme
        Outcome own = check(input("PKA-1", null, TODAY.minusDays(3), TODAY.minusDays(1), "30", null, List.of("M.4"), null));
        assertEquals(0, new BigDecimal("30").compareTo(own.valid().jp()));
        assertEquals(List.of("M.4"), own.valid().competencyCodes());
    }

    @Test
    void anInactiveOrUnknownProgrammeIsNamed() {
        assertEquals(List.of("programCode"), fields(check(new Input(NIP, "OLD", "T", "KL02", "O", TODAY, TODAY, BigDecimal.ONE, null,
                "C", List.of(), null, null))));
        assertTrue(fields(check(input("NOPE", null, TODAY, TODAY, null, null, null, null))).contains("programCode"));
    }

    @Test
    void minutesAreConvertedAt45PerJp() {
        Outcome o = check(input(null, "KL02", TODAY, TODAY, null, 90, List.of(), null));
        assertTrue(o.ok());
        assertEquals(0, new BigDecimal("2").compareTo(o.valid().jp()));
        assertEquals(90, o.valid().durationMinutes());
        Outcome odd = check(input(null, "KL02", TODAY, TODAY, null, 100, List.of(), null));
        assertEquals(new BigDecimal("2.22"), odd.valid().jp()); // 100 / 45 = 2.222… half up to 2 decimals
    }

    @Test
    void jpAndMinutesTogetherAreRefused() {
        assertEquals(List.of("durationMinutes"), fields(check(input(null, "KL02", TODAY, TODAY, "2", 90, List.of(), null))));
    }

    @Test
    void jpMustBePositiveAndPresent() {
        assertEquals(List.of("jp"), fields(check(input(null, "KL02", TODAY, TODAY, "0", null, List.of(), null))));
        assertEquals(List.of("jp"), fields(check(input(null, "KL02", TODAY, TODAY, null, null, List.of(), null))));
        assertEquals(List.of("durationMinutes"), fields(check(input(null, "KL02", TODAY, TODAY, null, -5, List.of(), null))));
    }

    @Test
    void endBeforeStartIsNamedOnEndDate() {
        Outcome o = check(input(null, "KL02", TODAY.minusDays(1), TODAY.minusDays(2), "4", null, List.of(), null));
        assertEquals(List.of("endDate"), fields(o));
        assertTrue(o.errors().get(0).message().contains(TODAY.minusDays(1).toString()));
    }

    @Test
    void futureDatesAreRefusedButTodayIsFine() {
        assertTrue(check(input(null, "KL02", TODAY, TODAY, "4", null, List.of(), null)).ok());
        assertEquals(List.of("endDate"), fields(check(input(null, "KL02", TODAY, TODAY.plusDays(1), "4", null, List.of(), null))));
        assertEquals(List.of("startDate", "endDate"),
                fields(check(input(null, "KL02", TODAY.plusDays(1), TODAY.plusDays(2), "4", null, List.of(), null))));
    }

    @Test
    void anUnknownCompetencyIsNamedByItsIndex() {
        Outcome o = check(input(null, "KL02", TODAY, TODAY, "4", null, List.of("M.1", "X.9", "M.4", "Y.1"), null));
        assertEquals(List.of("competencyCodes[1]", "competencyCodes[3]"), fields(o));
        assertTrue(o.errors().get(0).message().contains("X.9"));
    }

    @Test
    void anUnknownMethodIsNamed() {
        assertEquals(List.of("methodCode"), fields(check(input(null, "ZZ9", TODAY, TODAY, "4", null, List.of(), null))));
    }

    @Test
    void aLeadershipLevelOnlyOnKl01() {
        assertEquals(List.of("leadershipLevel"), fields(check(input(null, "KL02", TODAY, TODAY, "4", null, List.of(), "PKA"))));
        assertTrue(check(input(null, "KL01", TODAY, TODAY, "4", null, List.of(), "PKA")).ok());
        assertEquals(List.of("leadershipLevel"), fields(check(input(null, "KL01", TODAY, TODAY, "4", null, List.of(), "PKX"))));
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        Outcome o = check(new Input(null, null, null, null, null, null, null, null, null, null, null, null, null));
        assertFalse(o.ok());
        assertNull(o.valid());
        assertEquals(List.of("nip", "title", "methodCode", "organizer", "certificateNumber", "startDate", "endDate", "jp"), fields(o));
    }
}
