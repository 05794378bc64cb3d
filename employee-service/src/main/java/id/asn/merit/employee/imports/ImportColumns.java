package id.asn.merit.employee.imports;

import java.util.List;

/** The columns of an employee import (CSV header names, or JSON field names; {@code education} may nest level and field). */
public final class ImportColumns {
    public static final List<String> ALL = List.of("nip", "name", "gender", "birthDate", "employmentType", "rank",
            "positionCode", "orgUnitCode", "educationLevel", "educationField", "status", "tmtCpns");
    public static final List<String> REQUIRED = List.of("nip", "name", "gender", "birthDate", "employmentType", "orgUnitCode");

    private ImportColumns() {
    }
}
