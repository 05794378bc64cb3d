package id.asn.merit.employee.imports;

import id.asn.merit.employee.domain.EducationLevel;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.EmploymentType;
import id.asn.merit.employee.domain.Gender;
import id.asn.merit.employee.domain.NipValidator;
import id.asn.merit.employee.domain.Rank;
import id.asn.merit.platform.problem.Problem.FieldError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks one import row with the same rules as {@code POST /employees} (NIP segments, rank kind, required fields,
 * enum values, dates, known org unit). Pure apart from the set of known unit codes it is given.
 */
public final class ImportRowValidator {
    /** A row that passed: typed values ready to store. */
    public record ValidRow(int row, String nip, String name, Gender gender, LocalDate birthDate, EmploymentType employmentType,
            String rank, String positionCode, String orgUnitCode, EducationLevel educationLevel, String educationField,
            EmployeeStatus status, LocalDate tmtCpns) {
    }

    public record Result(ValidRow valid, List<FieldError> errors) {
    }

    private ImportRowValidator() {
    }

    public static Result validate(ImportRow r, Set<String> knownUnits) {
        List<FieldError> errors = new ArrayList<>();
        for (String column : ImportColumns.REQUIRED) {
            if (r.get(column) == null) {
                errors.add(new FieldError(column, "is required"));
            }
        }
        for (String column : r.values().keySet()) {
            if (!ImportColumns.ALL.contains(column)) {
                errors.add(new FieldError(column, "is not a known column"));
            }
        }
        Gender gender = parseEnum(Gender.class, r, "gender", errors);
        EmploymentType type = parseEnum(EmploymentType.class, r, "employmentType", errors);
        EducationLevel education = parseEnum(EducationLevel.class, r, "educationLevel", errors);
        EmployeeStatus status = parseEnum(EmployeeStatus.class, r, "status", errors);
        LocalDate birth = parseDate(r, "birthDate", errors);
        LocalDate tmt = parseDate(r, "tmtCpns", errors);
        if (birth != null && !birth.isBefore(LocalDate.now())) {
            errors.add(new FieldError("birthDate", "must be in the past"));
        }
        String name = r.get("name");
        if (name != null && name.length() > 300) {
            errors.add(new FieldError("name", "must be at most 300 characters"));
        }
        String nip = r.get("nip");
        if (nip != null && type != null) {
            NipValidator.validate(nip, new NipValidator.Expectation(type, gender, birth))
                    .forEach(m -> errors.add(new FieldError("nip", m)));
        }
        String rank = r.get("rank");
        if (type != null) {
            Rank.problem(rank, type).ifPresent(m -> errors.add(new FieldError("rank", m)));
        }
        String unit = r.get("orgUnitCode");
        if (unit != null && !knownUnits.contains(unit)) {
            errors.add(new FieldError("orgUnitCode", "org unit " + unit + " does not exist or is closed"));
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new ValidRow(r.row(), nip, name, gender, birth, type, rank, r.get("positionCode"), unit, education,
                r.get("educationField"), status == null ? EmployeeStatus.ACTIVE : status, tmt), List.of());
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, ImportRow r, String column, List<FieldError> errors) {
        String value = r.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name());
            }
            errors.add(new FieldError(column, "value '" + value + "' is not one of " + allowed));
            return null;
        }
    }

    private static LocalDate parseDate(ImportRow r, String column, List<FieldError> errors) {
        String value = r.get(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(column, "value '" + value + "' is not a date YYYY-MM-DD"));
            return null;
        }
    }
}
