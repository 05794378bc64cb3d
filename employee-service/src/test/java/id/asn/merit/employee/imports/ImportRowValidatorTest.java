package id.asn.merit.employee.imports;

import id.asn.merit.platform.imports.ImportRow;
import id.asn.merit.platform.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ImportRowValidatorTest {
    static ImportRow row(String... kv) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            values.put(kv[i], kv[i + 1]);
        }
        return new ImportRow(5, values);
    }

    @Test
    void aGoodRowIsTyped() {
        var result = ImportRowValidator.validate(row("nip", "198503152010011001", "name", "Yohanes", "gender", "M",
                "birthDate", "1985-03-15", "employmentType", "PNS", "rank", "III/b", "orgUnitCode", "PMPTSP"), Set.of("PMPTSP"));
        assertNotNull(result.valid());
        assertEquals("ACTIVE", result.valid().status().name());
    }

    @Test
    void everyWrongFieldIsNamed() {
        var result = ImportRowValidator.validate(row("nip", "198503152010011001", "name", "", "gender", "F",
                "birthDate", "1985-03-15", "employmentType", "PNS", "rank", "IX", "orgUnitCode", "NOWHERE", "status", "GONE",
                "colour", "blue"), Set.of("PMPTSP"));
        assertEquals(List.of("name", "colour", "status", "nip", "rank", "orgUnitCode"),
                result.errors().stream().map(FieldError::field).toList());
        assertEquals("gender digit 1 (digit 15) does not match gender F", result.errors().get(3).message());
    }

    @Test
    void datesAndEnumsSayWhatIsExpected() {
        var result = ImportRowValidator.validate(row("nip", "198503152010011001", "name", "X", "gender", "L",
                "birthDate", "15-03-1985", "employmentType", "PNS", "orgUnitCode", "PMPTSP"), Set.of("PMPTSP"));
        assertEquals("value 'L' is not one of M, F", result.errors().get(0).message());
        assertEquals("value '15-03-1985' is not a date YYYY-MM-DD", result.errors().get(1).message());
    }

    @Test
    void valuesLongerThanTheirColumnAreRowErrorsNotDatabaseErrors() {
        var result = ImportRowValidator.validate(row("nip", "198503152010011001", "name", "Yohanes", "gender", "M",
                "birthDate", "1985-03-15", "employmentType", "PNS", "orgUnitCode", "PMPTSP", "educationField", "x".repeat(201),
                "positionCode", "P".repeat(51)), Set.of("PMPTSP"), Map.of());
        assertEquals(List.of("educationField", "positionCode"), result.errors().stream().map(FieldError::field).sorted().toList());
        assertEquals("must be at most 200 characters (has 201)",
                result.errors().stream().filter(e -> e.field().equals("educationField")).findFirst().orElseThrow().message());
    }

    @Test
    void positionsMustBeOpenAndInTheRowsUnit() {
        Map<String, String> positions = Map.of("PMPTSP-KABID", "PMPTSP", "BKD-KABID", "BKD");
        var unknown = ImportRowValidator.validate(row("nip", "198503152010011001", "name", "Yohanes", "gender", "M",
                "birthDate", "1985-03-15", "employmentType", "PNS", "orgUnitCode", "PMPTSP", "positionCode", "NOPE"), Set.of("PMPTSP"), positions);
        assertEquals("position NOPE does not exist or is closed", unknown.errors().get(0).message());
        var elsewhere = ImportRowValidator.validate(row("nip", "198503152010011001", "name", "Yohanes", "gender", "M",
                "birthDate", "1985-03-15", "employmentType", "PNS", "orgUnitCode", "PMPTSP", "positionCode", "BKD-KABID"), Set.of("PMPTSP"), positions);
        assertEquals("positionCode", elsewhere.errors().get(0).field());
        var good = ImportRowValidator.validate(row("nip", "198503152010011001", "name", "Yohanes", "gender", "M",
                "birthDate", "1985-03-15", "employmentType", "PNS", "orgUnitCode", "PMPTSP", "positionCode", "PMPTSP-KABID"), Set.of("PMPTSP"), positions);
        assertEquals("PMPTSP-KABID", good.valid().positionCode());
    }

    @Test
    void controlCharactersAreRefused() {
        var result = ImportRowValidator.validate(row("nip", "198503152010011001", "name", "Yo\u0000hanes", "gender", "M",
                "birthDate", "1985-03-15", "employmentType", "PNS", "orgUnitCode", "PMPTSP"), Set.of("PMPTSP"));
        assertEquals("name", result.errors().get(0).field());
    }
}
