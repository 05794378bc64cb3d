package id.asn.merit.merit.domain;

import java.time.LocalDate;
import java.time.Period;

/** The age bands of fairness reports (issue #9): under 30, 30–39, 40–49, 50 and over; age in whole years on asOf. */
public final class AgeBand {
    public static final String UNDER_30 = "<30";
    public static final String FROM_30 = "30-39";
    public static final String FROM_40 = "40-49";
    public static final String FROM_50 = ">=50";
    public static final String UNKNOWN = "UNKNOWN";

    private AgeBand() {
    }

    public static int age(LocalDate birthDate, LocalDate asOf) {
        return Period.between(birthDate, asOf).getYears();
    }

    public static String of(LocalDate birthDate, LocalDate asOf) {
        if (birthDate == null) {
            return UNKNOWN;
        }
        int age = age(birthDate, asOf);
        if (age < 30) {
            return UNDER_30;
        }
        if (age < 40) {
            return FROM_30;
        }
        return age < 50 ? FROM_40 : FROM_50;
    }
}
