package id.asn.merit.training.domain;

import id.asn.merit.platform.problem.Problem.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules every training record obeys, however it arrives (a POST, a PATCH, a row of an import), SYSTEM.md §3:
 * a record comes from a programme (which supplies title, method, organizer, JP, competencies and leadership level
 * where the record leaves them out) or stands free; JP are given as stated or as a duration in minutes converted by
 * {@link JpUnits}; {@code endDate ≥ startDate}, neither in the future; {@code jp > 0}; a known method and known
 * competencies; a leadership level only on a leadership-training method. Pure: what it needs to know of the world
 * comes through {@link Catalog}. Every error names its field.
 */
public final class TrainingRecordRules {
    private TrainingRecordRules() {
    }

    public static final Set<String> LEADERSHIP_LEVELS = Set.of("PKP", "PKA", "PKN_II", "PKN_I");
    static final BigDecimal MAX_JP = new BigDecimal("9999.99");

    /** What a caller sent; any field may be null. */
    public record Input(String nip, String programCode, String title, String methodCode, String organizer,
                        LocalDate startDate, LocalDate endDate, BigDecimal jp, Integer durationMinutes,
                        String certificateNumber, List<String> competencyCodes, String leadershipLevel, Long cost) {
    }

    /** A catalogue programme as the rules see it. */
    public record Program(String code, String title, String methodCode, String organizer, BigDecimal jp,
                          List<String> competencyCodes, String leadershipLevel, boolean active) {
    }

    /** What the rules need to know: methods, programmes, the competency dictionary. */
    public interface Catalog {
        boolean methodExists(String code);

        /** Whether the method is leadership training (KL01, domain.md §5.4). */
        boolean methodIsLeadership(String code);

        /** The programme, or null when there is none with this code. */
        Program program(String code);

        /** The codes of {@code codes} that are not in the dictionary (or retired). */
        Set<String> unknownCompetencies(Collection<String> codes);
    }

    /** A record that passed: programme defaults applied, JP converted, year derived. */
    public record Valid(String nip, String programCode, String title, String methodCode, String organizer,
                        LocalDate startDate, LocalDate endDate, int year, BigDecimal jp, Integer durationMinutes,
                        String certificateNumber, List<String> competencyCodes, String leadershipLevel, Long cost) {
    }

    /** Either {@code valid} (no errors) or the errors, each naming its field. */
    public record Outcome(Valid valid, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Outcome check(Input in, Catalog catalog, LocalDate today, int minutesPerJp) {
        List<FieldError> errors = new ArrayList<>();
        String nip = trim(in.nip());
        if (nip == null) {
            errors.add(new FieldError("nip", "is required"));
        } else if (!nip.matches("\\d{18}")) {
            errors.add(new FieldError("nip", "must be 18 digits"));
        }
        Program program = null;
        String programCode = trim(in.programCode());
        if (programCode != null) {
            program = catalog.program(programCode);
            if (program == null || !program.active()) {
                errors.add(new FieldError("programCode", "no active training programme " + programCode));
                program = null;
            }
        }
        String title = firstOf(trim(in.title()), program == null ? null : program.title());
        text(errors, "title", title, 300);
        String methodCode = firstOf(trim(in.methodCode()), program == null ? null : program.methodCode());
        if (methodCode == null) {
            errors.add(new FieldError("methodCode", "is required"));
        } else if (!catalog.methodExists(methodCode)) {
            errors.add(new FieldError("methodCode", "no learning method " + methodCode));
        }
        String organizer = firstOf(trim(in.organizer()), program == null ? null : program.organizer());
        text(errors, "organizer", organizer, 300);
        String certificate = trim(in.certificateNumber());
        text(errors, "certificateNumber", certificate, 200);

        LocalDate start = in.startDate();
        LocalDate end = in.endDate();
        if (start == null) {
            errors.add(new FieldError("startDate", "is required"));
        } else if (start.isAfter(today)) {
            errors.add(new FieldError("startDate", "must not be in the future (today is " + today + ")"));
        }
        if (end == null) {
            errors.add(new FieldError("endDate", "is required"));
        } else if (start != null && end.isBefore(start)) {
            errors.add(new FieldError("endDate", "must be on or after startDate " + start));
        } else if (end.isAfter(today)) {
            errors.add(new FieldError("endDate", "must not be in the future (today is " + today + ")"));
        }

        BigDecimal jp = in.jp();
        Integer minutes = in.durationMinutes();
        if (jp != null && minutes != null) {
            errors.add(new FieldError("durationMinutes", "give jp or durationMinutes, not both"));
        } else if (jp != null) {
            if (jp.signum() <= 0) {
                errors.add(new FieldError("jp", "must be greater than 0"));
            } else if (jp.compareTo(MAX_JP) > 0) {
                errors.add(new FieldError("jp", "must be at most " + MAX_JP));
            } else if (jp.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError("jp", "has at most 2 decimals"));
            }
        } else if (minutes != null) {
            if (minutes <= 0) {
                errors.add(new FieldError("durationMinutes", "must be greater than 0"));
            } else if (minutes > 9999 * minutesPerJp) {
                errors.add(new FieldError("durationMinutes", "must be at most " + (9999 * minutesPerJp)));
            } else {
                jp = JpUnits.fromMinutes(minutes, minutesPerJp);
            }
        } else if (program != null) {
            jp = program.jp();
        } else {
            errors.add(new FieldError("jp", "is required (or durationMinutes, or a programCode whose JP is taken)"));
        }

        List<String> codes = in.competencyCodes() != null ? in.competencyCodes()
                : program == null ? List.of() : program.competencyCodes();
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String c = trim(codes.get(i));
            if (c == null) {
                errors.add(new FieldError("competencyCodes[" + i + "]", "must not be blank"));
            } else {
                distinct.add(c);
            }
        }
        if (!distinct.isEmpty()) {
            Set<String> unknown = catalog.unknownCompetencies(distinct);
            for (int i = 0; i < codes.size(); i++) {
                String c = trim(codes.get(i));
                if (c != null && unknown.contains(c)) {
                    errors.add(new FieldError("competencyCodes[" + i + "]", "no competency " + c + " in the dictionary"));
                }
            }
        }

        String level = firstOf(trim(in.leadershipLevel()), program == null ? null : program.leadershipLevel());
        if (level != null) {
            if (!LEADERSHIP_LEVELS.contains(level)) {
                errors.add(new FieldError("leadershipLevel", "must be PKP, PKA, PKN_II or PKN_I"));
            } else if (methodCode != null && catalog.methodExists(methodCode) && !catalog.methodIsLeadership(methodCode)) {
                errors.add(new FieldError("leadershipLevel", "only a leadership-training method (KL01) carries a leadership level"));
            }
        }
        if (in.cost() != null && in.cost() < 0) {
            errors.add(new FieldError("cost", "must not be negative (rupiah)"));
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, List.copyOf(errors));
        }
        return new Outcome(new Valid(nip, programCode, title, methodCode, organizer, start, end, end.getYear(), jp, minutes,
                certificate, List.copyOf(distinct), level, in.cost()), List.of());
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static String firstOf(String a, String b) {
        return a != null ? a : b;
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
