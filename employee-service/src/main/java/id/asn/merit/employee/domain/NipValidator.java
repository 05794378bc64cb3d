package id.asn.merit.employee.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * NIP (PNS/CPNS) and NI PPPK layouts of the domain reference §1. Pure: returns every wrong segment, each named,
 * so the API can say exactly what is wrong.
 *
 * <pre>
 * PNS/CPNS: YYYYMMDD (birth) YYYYMM (TMT CPNS) G (1 male, 2 female) NNN (serial 001-999)
 * PPPK:     YYYYMMDD (birth) YYYY (first appointment year) 2 (PPPK code) F (contract count 1-9) G NNN
 * </pre>
 */
public final class NipValidator {

    /** What the NIP says about its holder, for checking against the record. */
    public record Expectation(EmploymentType employmentType, Gender gender, LocalDate birthDate) {
    }

    private NipValidator() {
    }

    /** @return the problems, each "segment: message"; empty when the NIP is valid */
    public static List<String> validate(String nip, Expectation expected) {
        List<String> problems = new ArrayList<>();
        if (nip == null || !nip.matches("\\d{18}")) {
            problems.add("must be exactly 18 digits");
            return problems;
        }
        LocalDate birth = parseDate(nip.substring(0, 8));
        if (birth == null) {
            problems.add("birth date segment " + nip.substring(0, 8) + " (digits 1-8) is not a valid date YYYYMMDD");
        } else if (expected.birthDate() != null && !birth.equals(expected.birthDate())) {
            problems.add("birth date segment " + nip.substring(0, 8) + " (digits 1-8) does not match birthDate " + expected.birthDate());
        }
        boolean pppk = expected.employmentType() == EmploymentType.PPPK;
        if (pppk) {
            checkPppkAppointment(nip, birth, problems);
        } else {
            checkTmt(nip, birth, problems);
        }
        char genderDigit = nip.charAt(14);
        if (genderDigit != '1' && genderDigit != '2') {
            problems.add("gender digit " + genderDigit + " (digit 15) must be 1 (male) or 2 (female)");
        } else if (expected.gender() != null && Gender.fromNipDigit(genderDigit) != expected.gender()) {
            problems.add("gender digit " + genderDigit + " (digit 15) does not match gender " + expected.gender());
        }
        String serial = nip.substring(15);
        if (serial.equals("000")) {
            problems.add("serial segment 000 (digits 16-18) must be between 001 and 999");
        }
        return problems;
    }

    private static void checkTmt(String nip, LocalDate birth, List<String> problems) {
        String tmt = nip.substring(8, 14);
        YearMonth month = parseMonth(tmt);
        if (month == null) {
            problems.add("TMT segment " + tmt + " (digits 9-14) is not a valid month YYYYMM");
        } else if (birth != null && !month.atDay(1).isAfter(birth)) {
            problems.add("TMT segment " + tmt + " (digits 9-14) must be after the birth date");
        } else if (birth != null && month.atDay(1).isBefore(birth.plusYears(18))) {
            problems.add("TMT segment " + tmt + " (digits 9-14) makes the holder younger than 18 at appointment");
        }
    }

    private static void checkPppkAppointment(String nip, LocalDate birth, List<String> problems) {
        String year = nip.substring(8, 12);
        int appointed = Integer.parseInt(year);
        if (appointed < 2019 || appointed > LocalDate.now().getYear() + 1) {
            // PPPK appointments exist from 2019 (PP 49/2018)
            problems.add("appointment year segment " + year + " (digits 9-12) must be between 2019 and next year");
        } else if (birth != null && appointed < birth.getYear() + 18) {
            problems.add("appointment year segment " + year + " (digits 9-12) makes the holder younger than 18 at appointment");
        }
        if (nip.charAt(12) != '2') {
            problems.add("PPPK code digit " + nip.charAt(12) + " (digit 13) must be 2");
        }
        if (nip.charAt(13) == '0') {
            problems.add("contract count digit 0 (digit 14) must be 1-9");
        }
    }

    private static LocalDate parseDate(String yyyymmdd) {
        try {
            return LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static YearMonth parseMonth(String yyyymm) {
        try {
            return YearMonth.of(Integer.parseInt(yyyymm.substring(0, 4)), Integer.parseInt(yyyymm.substring(4, 6)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
