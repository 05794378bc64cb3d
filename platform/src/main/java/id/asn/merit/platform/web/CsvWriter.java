package id.asn.merit.platform.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * RFC 4180 CSV for exports: fields with a comma, quote or line break are quoted, and a text field that a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with a quote mark (OWASP CSV injection),
 * since names and titles come from users. Numbers are written plain.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    public static String write(String header, List<Object[]> rows) {
        StringBuilder out = new StringBuilder(header.length() + rows.size() * 80).append(header).append("\r\n");
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(field(row[i]));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
