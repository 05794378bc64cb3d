package id.asn.merit.competency.domain;

/**
 * Which competencies a dictionary list shows: {@code ACTIVE} (the default: what may be used for new standards and
 * assessments), {@code RETIRED} only, or {@code ALL}. A retired competency is always readable by its code.
 */
public enum RetirementFilter {
    ACTIVE, RETIRED, ALL;

    /** The {@code retired} query parameter: absent or {@code false}, {@code true}, {@code all}; null for anything else. */
    public static RetirementFilter ofParameter(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("false")) {
            return ACTIVE;
        }
        if (value.trim().equalsIgnoreCase("true")) {
            return RETIRED;
        }
        if (value.trim().equalsIgnoreCase("all")) {
            return ALL;
        }
        return null;
    }
}
