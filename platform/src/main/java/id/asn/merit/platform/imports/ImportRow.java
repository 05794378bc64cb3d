package id.asn.merit.platform.imports;

import java.util.Map;

/** One data row of an import file, as text by column name; {@code row} counts data rows from 1 (the CSV header is row 0). */
public record ImportRow(int row, Map<String, String> values) {
    public String get(String column) {
        String v = values.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
