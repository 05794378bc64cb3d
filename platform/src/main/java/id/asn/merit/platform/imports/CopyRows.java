package id.asn.merit.platform.imports;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} (text format) on a JDBC connection of the pool, so a bulk writer
 * sends a batch as one stream instead of one statement per row. Values are escaped as the text format wants
 * (backslash, tab, newline, carriage return), {@code null} is {@code \N}. The rows are kept in memory until
 * {@link #copy}: a batch's worth, never a whole file.
 */
public final class CopyRows {
    /** A timestamp as COPY reads it, to the microsecond, in UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSXXX");

    private final StringBuilder text;
    private boolean lineStart = true;
    private int rows;

    public CopyRows(int expectedRows) {
        text = new StringBuilder(Math.max(16, expectedRows) * 128);
    }

    public int rows() {
        return rows;
    }

    /** The next column of the current row: its text, or {@code \N} for null. */
    public CopyRows add(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    /** A value by its {@code toString} (numbers, dates, UUIDs, enums by name); null is {@code \N}. */
    public CopyRows add(Object value) {
        return add(value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString());
    }

    public CopyRows add(long value) {
        separate();
        text.append(value);
        return this;
    }

    public CopyRows add(OffsetDateTime value) {
        return add(value == null ? null : TIMESTAMP.format(value.withOffsetSameInstant(ZoneOffset.UTC)));
    }

    /** Ends the current row. */
    public CopyRows end() {
        text.append('\n');
        lineStart = true;
        rows++;
        return this;
    }

    private void separate() {
        if (!lineStart) {
            text.append('\t');
        }
        lineStart = false;
    }

    /**
     * Sends the rows with {@code COPY <table> (<columns>) FROM STDIN} on {@code connection} (in its transaction).
     *
     * @param table   a table name (not from user input)
     * @param columns the column list, in the order the rows give them
     * @return the number of rows copied
     */
    public long copy(Connection connection, String table, String columns) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin", new SequenceReader(text), 1 << 16);
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    /** Reads a StringBuilder without copying it into one more String. */
    private static final class SequenceReader extends Reader {
        private final CharSequence text;
        private int pos;

        SequenceReader(CharSequence text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (pos >= text.length()) {
                return -1;
            }
            int n = Math.min(length, text.length() - pos);
            if (text instanceof StringBuilder sb) {
                sb.getChars(pos, pos + n, buffer, offset);
            } else {
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = text.charAt(pos + i);
                }
            }
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
