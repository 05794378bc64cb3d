package id.asn.merit.platform.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the rows of an import file one at a time, so a file of any size is read in constant memory: CSV (RFC 4180
 * quoting, header row, UTF-8, optional BOM) or a JSON array of objects. Every value arrives as text by column name;
 * how a JSON object nests or lists values is told by a {@link Shape}.
 */
public abstract class ImportReader implements Closeable {
    public enum Format {
        CSV, JSON;

        /** CSV for {@code text/csv}, JSON otherwise (the resource's {@code @Consumes} admits only those two). */
        public static Format of(String contentType) {
            return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv") ? CSV : JSON;
        }
    }

    /**
     * How the JSON objects of an import map onto the flat columns of its CSV.
     *
     * @param aliases  a nested object's fields, as {@code parent.field}, to the column they stand for (e.g.
     *                 {@code education.level -> educationLevel}); an object whose fields no alias names reads as
     *                 {@code <structured>} (a row error for the handler), as does any array not listed below
     * @param lists    the columns a JSON array of scalars may give; its values are joined with {@link #LIST_SEPARATOR},
     *                 as a CSV cell would list them
     */
    public record Shape(Map<String, String> aliases, java.util.Set<String> lists) {
        public static final Shape FLAT = new Shape(Map.of(), java.util.Set.of());
        public static final String LIST_SEPARATOR = "|";

        boolean nests(String name) {
            String prefix = name + ".";
            return aliases.keySet().stream().anyMatch(k -> k.startsWith(prefix));
        }
    }

    /** @return the next row, or null at the end */
    public abstract ImportRow next() throws IOException;

    public static ImportReader open(Format format, InputStream in) throws IOException {
        return open(format, in, Shape.FLAT);
    }

    public static ImportReader open(Format format, InputStream in, Shape shape) throws IOException {
        return format == Format.CSV ? new Csv(in) : new Json(in, shape);
    }

    /**
     * CSV read from its own character buffer, a field's plain run copied in one step (no call per character, no
     * lock per call as {@code BufferedReader.read()} takes).
     */
    static final class Csv extends ImportReader {
        private final java.io.Reader in;
        private final char[] buf = new char[1 << 16];
        private int pos;
        private int len;
        private boolean eof;
        private final StringBuilder field = new StringBuilder(64);
        private final List<String> header;
        private int row;

        Csv(InputStream in) throws IOException {
            this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
            List<String> first = record();
            if (first == null) {
                throw new IllegalArgumentException("the CSV file is empty: a header row is required");
            }
            if (!first.isEmpty() && first.get(0).startsWith("\uFEFF")) {
                first.set(0, first.get(0).substring(1));
            }
            header = first.stream().map(String::trim).toList();
        }

        @Override
        public ImportRow next() throws IOException {
            List<String> fields;
            do {
                fields = record();
                if (fields == null) {
                    return null;
                }
            } while (fields.size() == 1 && fields.get(0).isBlank());
            row++;
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                values.put(i < header.size() ? header.get(i) : "column" + (i + 1), fields.get(i));
            }
            return new ImportRow(row, values);
        }

        /** Skips one record, for counting: false at the end of the input; {@link #blank} tells whether it was a blank line. */
        boolean skip() throws IOException {
            List<String> fields = record();
            blank = fields != null && fields.size() == 1 && fields.get(0).isBlank();
            return fields != null;
        }

        boolean blank;

        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            pos = 0;
            if (n < 0) {
                eof = true;
                len = 0;
                return false;
            }
            len = n;
            return true;
        }

        /**
         * One CSV record (which may span lines inside quotes), or null at the end of the input. RFC 4180: a field
         * that starts with a quote runs to the closing quote, a doubled quote inside stands for one; a quote inside
         * an unquoted field is kept as it is; CR is dropped outside quotes.
         */
        private List<String> record() throws IOException {
            if (pos == len && !fill()) {
                return null;
            }
            List<String> fields = new ArrayList<>(header == null ? 16 : header.size());
            StringBuilder field = this.field;
            field.setLength(0);
            boolean quoted = false;
            while (true) {
                if (pos == len && !fill()) {
                    if (quoted) {
                        throw new IllegalArgumentException("a quoted CSV field is not closed");
                    }
                    break;
                }
                if (quoted) {
                    int start = pos;
                    while (pos < len && buf[pos] != '"') {
                        pos++;
                    }
                    field.append(buf, start, pos - start);
                    if (pos == len) {
                        continue; // the field goes on in the next buffer
                    }
                    pos++; // the quote
                    if (pos == len && !fill()) {
                        quoted = false; // closed at the end of the input
                    } else if (buf[pos] == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                    continue;
                }
                char c = buf[pos];
                if (c == '"' && field.isEmpty()) {
                    quoted = true;
                    pos++;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    pos++;
                } else if (c == '\n') {
                    pos++;
                    break;
                } else if (c == '\r') {
                    pos++;
                } else {
                    int start = pos++;
                    while (pos < len) {
                        char d = buf[pos];
                        if (d == ',' || d == '\n' || d == '\r' || d == '"') {
                            break;
                        }
                        pos++;
                    }
                    field.append(buf, start, pos - start);
                }
            }
            fields.add(field.toString());
            return fields;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    static final class Json extends ImportReader {
        private final JsonParser parser;
        private final Shape shape;
        private int row;

        Json(InputStream in, Shape shape) throws IOException {
            this.shape = shape;
            parser = new JsonFactory().createParser(in);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("the JSON body must be an array of objects");
            }
        }

        @Override
        public ImportRow next() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                return null;
            }
            row++;
            Map<String, String> values = new LinkedHashMap<>();
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                values.put("row", "not an object");
                return new ImportRow(row, values);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT && shape.nests(name)) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = name + "." + parser.currentName();
                        if (parser.nextToken().isStructStart()) {
                            parser.skipChildren();
                            values.put(shape.aliases().getOrDefault(inner, inner), "<structured>");
                        } else {
                            values.put(shape.aliases().getOrDefault(inner, inner), parser.getValueAsString());
                        }
                    }
                } else if (value == JsonToken.START_ARRAY && shape.lists().contains(name)) {
                    values.put(name, list());
                } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    values.put(name, "<structured>");
                } else {
                    values.put(name, value == JsonToken.VALUE_NULL ? null : parser.getValueAsString());
                }
            }
            return new ImportRow(row, values);
        }

        /** The scalars of an array joined as a CSV cell lists them; an array holding objects or arrays is {@code <structured>}. */
        private String list() throws IOException {
            StringBuilder joined = new StringBuilder();
            boolean structured = false;
            JsonToken t;
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
                if (t.isStructStart()) {
                    parser.skipChildren();
                    structured = true;
                } else if (t != JsonToken.VALUE_NULL) {
                    joined.append(joined.isEmpty() ? "" : Shape.LIST_SEPARATOR).append(parser.getValueAsString());
                }
            }
            return structured ? "<structured>" : joined.toString();
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /** Counts the data rows without keeping them. */
    public static int count(Format format, InputStream in) {
        try (ImportReader reader = open(format, in, Shape.FLAT)) {
            int n = 0;
            if (reader instanceof Csv csv) {
                while (csv.skip()) {
                    if (!csv.blank) {
                        n++;
                    }
                }
                return n;
            }
            while (reader.next() != null) {
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
