package id.asn.merit.merit.profiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.web.CsvWriter;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads stored profiles: one person's (as stored), their history, and lists in a scope (JSON pages or streamed CSV). */
@ApplicationScoped
public class MeritProfileQueries {
    public static final String CSV_HEADER = "nip,name,year,orgUnitCode,positionCode,box,meritScore,performanceScore,performanceAxis,"
            + "potentialScore,potentialAxis,eligibleForTalentPool,policyVersion,computedAt";
    public static final String CSV_HEADER_REDUCED = "nip,name,year,orgUnitCode,positionCode,box,policyVersion,computedAt";
    private static final int CSV_CHUNK = 500;
    private static final Pattern NAMED = Pattern.compile(":([a-zA-Z]+)");

    /** One revision of a profile: why it was computed, under which policy, and the profile as it was. */
    @Schema(name = "MeritProfileRevision")
    public record Revision(int revision, MeritProfileView.Cause cause, int policyVersion, Integer box, Double meritScore,
            OffsetDateTime computedAt, JsonNode profile) {
    }

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource ds;
    @Inject
    ObjectMapper json;

    /** The stored profile body, or null. */
    @Transactional
    public JsonNode stored(String nip, int year) {
        @SuppressWarnings("unchecked")
        List<String> bodies = em.createNativeQuery("select cast(body as text) from merit_profile where nip = :nip and year = :year")
                .setParameter("nip", nip).setParameter("year", year).getResultList();
        return bodies.isEmpty() ? null : read(bodies.get(0));
    }

    /** Whether the replica knows the person and they are ACTIVE (a profile may be computed for them). */
    @Transactional
    public String status(String nip) {
        @SuppressWarnings("unchecked")
        List<String> status = em.createNativeQuery("select coalesce(status, '') from employee_replica where nip = :nip")
                .setParameter("nip", nip).getResultList();
        return status.isEmpty() ? null : status.get(0);
    }

    @Transactional
    public PageResponse<Revision> history(String nip, int year, PageRequest paging) {
        long total = ((Number) em.createNativeQuery("select count(*) from merit_profile_history where nip = :nip and year = :year")
                .setParameter("nip", nip).setParameter("year", year).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select revision, cause_type, cause, cause_event_type, policy_version, box, merit_score, computed_at, cast(body as text)
                from merit_profile_history where nip = :nip and year = :year order by revision desc limit :limit offset :offset""")
                .setParameter("nip", nip).setParameter("year", year)
                .setParameter("limit", paging.size()).setParameter("offset", paging.offset()).getResultList();
        List<Revision> items = new ArrayList<>();
        for (Object[] r : rows) {
            items.add(new Revision(((Number) r[0]).intValue(), new MeritProfileView.Cause((String) r[1], (String) r[2], (String) r[3]),
                    ((Number) r[4]).intValue(), r[5] == null ? null : ((Number) r[5]).intValue(),
                    r[6] == null ? null : ((Number) r[6]).doubleValue(), time(r[7]), read((String) r[8])));
        }
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    /** A page of profiles in scope, by NIP: whole bodies, or the reduced rows of an INTEGRATOR. */
    @Transactional
    public PageResponse<Object> list(PersonAccess.Scope scope, int year, Integer box, boolean reduced, PageRequest paging) {
        Map<String, Object> params = new LinkedHashMap<>();
        String from = from(scope, year, box, params);
        Query count = em.createNativeQuery("select count(*) " + from);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        Query page = em.createNativeQuery("select " + (reduced ? REDUCED_COLUMNS : "cast(p.body as text)") + " " + from
                + " order by p.nip limit :limit offset :offset");
        params.forEach(page::setParameter);
        page.setParameter("limit", paging.size()).setParameter("offset", paging.offset());
        List<Object> items = new ArrayList<>();
        for (Object row : page.getResultList()) {
            items.add(reduced ? reducedRow((Object[]) row) : read((String) row));
        }
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    private static final String REDUCED_COLUMNS = "p.nip, e.name, p.year, p.org_unit_code, e.position_code, p.box, p.policy_version, p.computed_at";

    private static MeritProfileView.Reduced reducedRow(Object[] r) {
        return new MeritProfileView.Reduced((String) r[0], (String) r[1], ((Number) r[2]).intValue(), (String) r[3], (String) r[4],
                r[5] == null ? null : ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), time(r[7]));
    }

    private static String from(PersonAccess.Scope scope, int year, Integer box, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("from merit_profile p join employee_replica e on e.nip = p.nip where ")
                .append(scope.where(params)).append(" and p.year = :year");
        params.put("year", year);
        if (box != null) {
            sql.append(" and p.box = :box");
            params.put("box", box);
        }
        return sql.toString();
    }

    /** The whole scope as CSV, streamed in chunks on its own read-only connection. */
    public void csv(PersonAccess.Scope scope, int year, Integer box, boolean reduced, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write((reduced ? CSV_HEADER_REDUCED : CSV_HEADER) + "\r\n");
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "select p.nip, e.name, p.year, p.org_unit_code, e.position_code, p.box, p.merit_score, p.performance_score, "
                + "p.performance_axis, p.potential_score, p.potential_axis, p.eligible_for_talent_pool, p.policy_version, p.computed_at "
                + from(scope, year, box, params) + " order by p.nip";
        List<Object> values = new ArrayList<>();
        Matcher m = NAMED.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            values.add(params.get(m.group(1)));
            m.appendReplacement(positional, "?");
        }
        m.appendTail(positional);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement(positional.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setObject(i + 1, values.get(i));
                }
                ps.setFetchSize(CSV_CHUNK);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Object[]> chunk = new ArrayList<>(CSV_CHUNK);
                    while (rs.next()) {
                        OffsetDateTime at = rs.getObject(14, OffsetDateTime.class);
                        String computedAt = at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC).toString();
                        chunk.add(reduced
                                ? new Object[]{rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                                        (Integer) rs.getObject(6, Integer.class), rs.getInt(13), computedAt}
                                : new Object[]{rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                                        (Integer) rs.getObject(6, Integer.class), plain(rs.getBigDecimal(7)), plain(rs.getBigDecimal(8)),
                                        rs.getString(9), plain(rs.getBigDecimal(10)), rs.getString(11), rs.getBoolean(12), rs.getInt(13),
                                        computedAt});
                        if (chunk.size() == CSV_CHUNK) {
                            writeRows(w, chunk);
                        }
                    }
                    writeRows(w, chunk);
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("merit profile CSV failed", e);
        }
        w.flush();
    }

    private static BigDecimal plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros();
    }

    /** CSV rows through CsvWriter's escaping (RFC 4180, formula-safe), without its header line. */
    private static void writeRows(Writer w, List<Object[]> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        String text = CsvWriter.write("", rows);
        w.write(text, 2, text.length() - 2);
        rows.clear();
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored profile", e);
        }
    }

    static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(ZoneOffset.UTC);
    }
}
