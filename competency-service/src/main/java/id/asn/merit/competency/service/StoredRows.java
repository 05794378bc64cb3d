package id.asn.merit.competency.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values of native query rows as the JDBC driver and Hibernate hand them back, in the types the views use. */
final class StoredRows {
    private StoredRows() {
    }

    static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    static OffsetDateTime timestamp(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.time.ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp: " + o.getClass());
    }

    static int integer(Object o) {
        return ((Number) o).intValue();
    }

    /** The row offset of a page, as a long: page × size overflows an int for a large page number. */
    static long offset(id.asn.merit.platform.web.PageRequest paging) {
        return (long) paging.page() * paging.size();
    }
}
