package id.asn.merit.platform.imports;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImportReaderTest {
    /** The shape of employee-service's import: {@code education: {level, field}} nests two columns. */
    static final ImportReader.Shape SHAPE = new ImportReader.Shape(
            Map.of("education.level", "educationLevel", "education.field", "educationField"), Set.of("competencyCodes"));

    static List<ImportRow> read(ImportReader.Format format, String text) throws IOException {
        List<ImportRow> rows = new ArrayList<>();
        try (ImportReader reader = ImportReader.open(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SHAPE)) {
            ImportRow row;
            while ((row = reader.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void csvWithBomQuotesEmbeddedCommasNewlinesAndCrlf() throws IOException {
        List<ImportRow> rows = read(ImportReader.Format.CSV,
                "\uFEFFnip,name,educationField\r\n1,\"Kambu, Yohanes\",\"Ilmu \"\"Pemerintahan\"\"\"\r\n\r\n2,\"two\nlines\",\n");
        assertEquals(2, rows.size());
        assertEquals("1", rows.get(0).get("nip"));
        assertEquals("Kambu, Yohanes", rows.get(0).get("name"));
        assertEquals("Ilmu \"Pemerintahan\"", rows.get(0).get("educationField"));
        assertEquals(2, rows.get(1).row());
        assertEquals("two\nlines", rows.get(1).get("name"));
        assertEquals(null, rows.get(1).get("educationField"));
    }

    @Test
    void jsonArrayWithNestedEducation() throws IOException {
        List<ImportRow> rows = read(ImportReader.Format.JSON,
                "[{\"nip\":\"1\",\"education\":{\"level\":\"S1\",\"field\":\"Hukum\"}},{\"nip\":\"2\",\"rank\":null}, 7]");
        assertEquals(3, rows.size());
        assertEquals("S1", rows.get(0).get("educationLevel"));
        assertEquals("Hukum", rows.get(0).get("educationField"));
        assertEquals(null, rows.get(1).get("rank"));
        assertEquals("not an object", rows.get(2).get("row"));
    }

    @Test
    void listedArraysJoinAndOtherStructuresAreMarked() throws IOException {
        List<ImportRow> rows = read(ImportReader.Format.JSON,
                "[{\"competencyCodes\":[\"M.1\",\"SK.1\"],\"jp\":3.5,\"name\":[\"x\"],\"other\":{\"a\":1}},"
                        + "{\"competencyCodes\":[{\"code\":\"M.1\"}]}]");
        assertEquals("M.1|SK.1", rows.get(0).get("competencyCodes"));
        assertEquals("3.5", rows.get(0).get("jp"));
        assertEquals("<structured>", rows.get(0).get("name"));
        assertEquals("<structured>", rows.get(0).get("other"));
        assertEquals("<structured>", rows.get(1).get("competencyCodes"));
        assertEquals(2, ImportReader.count(ImportReader.Format.JSON,
                new ByteArrayInputStream("[{\"a\":[1,{\"b\":2}]},{}]".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void unreadableFilesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> read(ImportReader.Format.JSON, "{\"nip\":\"1\"}"));
        assertThrows(IllegalArgumentException.class, () -> read(ImportReader.Format.CSV, "nip,name\n\"open"));
        assertThrows(IllegalArgumentException.class, () -> read(ImportReader.Format.CSV, ""));
    }
}
