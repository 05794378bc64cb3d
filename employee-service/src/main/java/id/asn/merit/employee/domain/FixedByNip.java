package id.asn.merit.employee.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Gender, birth date and employment type are written into the NIP, so a record keeps them, with one exception: a CPNS
 * is appointed PNS under the same NIP (the PNS layout is the CPNS one). The same rule for PATCH and the import.
 */
public final class FixedByNip {
    public record Violation(String field, String message) {
    }

    private FixedByNip() {
    }

    /** @return the first field that may not change from the stored value to the new one (null: not given, unchanged) */
    public static Optional<Violation> check(Gender gender, LocalDate birthDate, EmploymentType type,
            Gender newGender, LocalDate newBirthDate, EmploymentType newType) {
        if (newGender != null && newGender != gender) {
            return Optional.of(new Violation("gender", "is fixed by the NIP (" + gender + "), not " + newGender
                    + "; a wrong NIP is corrected by registering the right one"));
        }
        if (newBirthDate != null && !newBirthDate.equals(birthDate)) {
            return Optional.of(new Violation("birthDate", "is fixed by the NIP (" + birthDate + "), not " + newBirthDate
                    + "; a wrong NIP is corrected by registering the right one"));
        }
        if (newType != null && newType != type && !(type == EmploymentType.CPNS && newType == EmploymentType.PNS)) {
            return Optional.of(new Violation("employmentType", "cannot change from " + type + " to " + newType
                    + ": only a CPNS becomes a PNS under the same NIP"));
        }
        return Optional.empty();
    }
}
