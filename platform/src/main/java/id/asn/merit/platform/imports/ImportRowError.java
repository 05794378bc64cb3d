package id.asn.merit.platform.imports;

/** One refused row of an import: its number (data rows from 1, the CSV header is row 0), the field, why. */
public record ImportRowError(int row, String field, String message) {
}
