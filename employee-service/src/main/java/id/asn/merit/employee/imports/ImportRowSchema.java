package id.asn.merit.employee.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Documentation only: one object of a JSON import body, with the columns of {@link ImportColumns} (the same names
 * as the CSV header). The import reads rows as text by column, so every value is a string here.
 */
@Schema(name = "EmployeeImportRow", description = "One employee of a JSON import body; the same columns as the CSV header",
        requiredProperties = {"nip", "name", "gender", "birthDate", "employmentType", "orgUnitCode"})
public record ImportRowSchema(
        @Schema(example = "198503152010011001") String nip,
        @Schema(example = "Budi Santoso") String name,
        @Schema(example = "M", enumeration = {"M", "F"}) String gender,
        @Schema(example = "1985-03-15") String birthDate,
        @Schema(example = "PNS", enumeration = {"PNS", "CPNS", "PPPK"}) String employmentType,
        @Schema(example = "III/a") String rank,
        @Schema(example = "PMPTSP-ANALIS") String positionCode,
        @Schema(example = "PMPTSP") String orgUnitCode,
        @Schema(example = "S1") String educationLevel,
        @Schema(example = "Administrasi Publik") String educationField,
        @Schema(example = "ACTIVE") String status,
        @Schema(example = "2010-01-01") String tmtCpns) {
}
