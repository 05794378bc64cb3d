package id.asn.merit.platform.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedReader;
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

    static final class Csv extends ImportReader {
        private final BufferedReader reader;
        private final List<String> header;
        private int row;

        Csv(InputStream in) throws IOException {
            reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
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

        /** One CSV record (which may span lines inside quotes), or null at the end of the input. */
        private List<String> record() throws IOException {
            int c = reader.read();
            if (c == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new IllegalArgumentException("a quoted CSV field is not closed");
                    }
                    if (c == '"') {
                        reader.mark(1);
                        int n = reader.read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            reader.reset();
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == -1) {
                    break;
                } else if (c != '\r') {
                    field.append((char) c);
                }
                c = reader.read();
            }
            fields.add(field.toString());
            return fields;
        }

        @Override
        public void close() throws IOException {
            reader.close();
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
            while (reader.next() != null) {
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
