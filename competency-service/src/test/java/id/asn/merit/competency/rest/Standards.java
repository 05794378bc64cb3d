package id.asn.merit.competency.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Paths, request bodies and table reads shared by the standards, templates and gap policy tests. */
final class Standards {
    static final String PATH = "/api/v1/competency-standards";
    static final String TEMPLATES = PATH + "/templates";
    static final String POLICY = "/api/v1/competency-gaps/policy";

    private Standards() {
    }

    /** A position code no other test uses, so that tests may run in any order and again. */
    static String uniquePosition(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Map<String, Object> item(String code, Object level, Object importance) {
        Map<String, Object> item = new HashMap<>();
        item.put("competencyCode", code);
        item.put("requiredLevel", level);
        item.put("importance", importance);
        return item;
    }

    @SafeVarargs
    static Map<String, Object> standard(String effectiveFrom, Map<String, Object>... items) {
        Map<String, Object> body = new HashMap<>();
        body.put("effectiveFrom", effectiveFrom);
        body.put("items", List.of(items));
        return body;
    }

    static Map<String, Object> defaultPolicy() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mapping", Map.of("optimal", 90, "cukupOptimal", 78));
        body.put("selection", Map.of("memenuhiSyarat", 80, "masihMemenuhiSyarat", 68));
        body.put("validityYears", 3);
        body.put("rounding", Map.of("scale", 2, "mode", "HALF_UP"));
        body.put("klasikalFromGap", 2);
        return body;
    }

    /** The rows of a query, each column by its name. */
    static List<Map<String, Object>> rows(String sql, Object... args) {
        AgroalDataSource ds = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        row.put(meta.getColumnLabel(col), rs.getObject(col));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
