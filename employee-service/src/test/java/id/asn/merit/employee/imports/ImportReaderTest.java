package id.asn.merit.employee.imports;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImportReaderTest {
    static List<ImportRow> read(ImportReader.Format format, String text) throws IOException {
        List<ImportRow> rows = new ArrayList<>();
        try (ImportReader reader = ImportReader.open(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
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
    void unreadableFilesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> read(ImportReader.Format.JSON, "{\"nip\":\"1\"}"));
        assertThrows(IllegalArgumentException.class, () -> read(ImportReader.Format.CSV, "nip,name\n\"open"));
        assertThrows(IllegalArgumentException.class, () -> read(ImportReader.Format.CSV, ""));
    }
}
