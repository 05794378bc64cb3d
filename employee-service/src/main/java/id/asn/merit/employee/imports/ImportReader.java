package id.asn.merit.employee.imports;

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
 * quoting, header row, UTF-8, optional BOM) or a JSON array of objects.
 */
public abstract class ImportReader implements Closeable {
    public enum Format {
        CSV, JSON
    }

    /** @return the next row, or null at the end */
    public abstract ImportRow next() throws IOException;

    public static ImportReader open(Format format, InputStream in) throws IOException {
        return format == Format.CSV ? new Csv(in) : new Json(in);
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
        private int row;

        Json(InputStream in) throws IOException {
            parser = new JsonFactory().createParser(in);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("the JSON body must be an array of employee objects");
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
                if (name.equals("education") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = parser.currentName();
                        parser.nextToken();
                        values.put(inner.equals("level") ? "educationLevel" : inner.equals("field") ? "educationField" : "education." + inner,
                                parser.getValueAsString());
                    }
                } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    values.put(name, "<structured>");
                } else {
                    values.put(name, value == JsonToken.VALUE_NULL ? null : parser.getValueAsString());
                }
            }
            return new ImportRow(row, values);
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /** Counts the data rows without keeping them. */
    public static int count(Format format, InputStream in) {
        try (ImportReader reader = open(format, in)) {
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
