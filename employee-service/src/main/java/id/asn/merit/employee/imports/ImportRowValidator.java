package id.asn.merit.employee.imports;

import id.asn.merit.employee.domain.EducationLevel;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.EmploymentType;
import id.asn.merit.employee.domain.Gender;
import id.asn.merit.employee.domain.NipValidator;
import id.asn.merit.employee.domain.Rank;
import id.asn.merit.platform.imports.ImportRow;
import id.asn.merit.platform.problem.Problem.FieldError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        /** The same row with the current rank, position and education where the file leaves them empty. */
        public ValidRow keeping(String currentRank, String currentPosition, EducationLevel currentLevel, String currentField) {
            boolean keepEducation = educationLevel == null;
            return new ValidRow(row, nip, name, gender, birthDate, employmentType, rank == null ? currentRank : rank,
                    positionCode == null ? currentPosition : positionCode, orgUnitCode, keepEducation ? currentLevel : educationLevel,
                    keepEducation ? currentField : educationField, status, tmtCpns);
        }
    }

    public record Result(ValidRow valid, List<FieldError> errors) {
    }

    private ImportRowValidator() {
    }

    /** The column sizes of the employee table (V1; the NIP's 18 digits are checked by NipValidator): a longer value is a row error, never a failed batch. */
    static final Map<String, Integer> MAX_LENGTH = Map.of("name", 300, "rank", 10, "positionCode", 50,
            "orgUnitCode", 50, "educationField", 200);

    /** Without position checks (positionCode is only checked for its size). */
    public static Result validate(ImportRow r, Set<String> knownUnits) {
        return validate(r, knownUnits, null);
    }

    /**
     * @param openPositions the unit of each open position by code; null: positions are not checked
     */
    public static Result validate(ImportRow r, Set<String> knownUnits, Map<String, String> openPositions) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> cell : r.values().entrySet()) {
            String value = cell.getValue();
            if (value != null && hasControlCharacter(value)) {
                errors.add(new FieldError(cell.getKey(), "contains a control character"));
            }
        }
        MAX_LENGTH.forEach((column, max) -> {
            String value = r.get(column);
            if (value != null && value.length() > max) {
                errors.add(new FieldError(column, "must be at most " + max + " characters (has " + value.length() + ")"));
            }
        });
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
        if (unit != null && unit.length() <= 50 && !knownUnits.contains(unit)) {
            errors.add(new FieldError("orgUnitCode", "org unit " + unit + " does not exist or is closed"));
        }
        String position = r.get("positionCode");
        if (openPositions != null && position != null && position.length() <= 50) {
            String positionUnit = openPositions.get(position);
            if (positionUnit == null) {
                errors.add(new FieldError("positionCode", "position " + position + " does not exist or is closed"));
            } else if (unit != null && !positionUnit.equals(unit)) {
                errors.add(new FieldError("positionCode", "position " + position + " belongs to org unit " + positionUnit + ", not " + unit));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new ValidRow(r.row(), nip, name, gender, birth, type, rank, position, unit, education,
                r.get("educationField"), status == null ? EmployeeStatus.ACTIVE : status, tmt), List.of());
    }

    /** A plain loop: this runs for every cell of every row (a stream per cell cost more than the check). */
    private static boolean hasControlCharacter(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char ch = value.charAt(i);
            if (ch < 0x20 || ch == 0x7f) {
                return true;
            }
        }
        return false;
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
