package id.asn.merit.training.compliance;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain JDBC with {@code :name} parameters (the form {@link id.asn.merit.platform.security.PersonAccess.Scope#where}
 * writes), so the compliance queries can bind arrays and stream with a cursor. {@code ::type} casts are left alone.
 * A String[] binds as varchar[], a BigDecimal[] as numeric[].
 */
final class NamedSql {
    private static final Pattern NAME = Pattern.compile("(?<![:\\w]):([a-zA-Z][a-zA-Z0-9_]*)");

    private NamedSql() {
    }

    static PreparedStatement prepare(Connection c, String sql, Map<String, Object> params) throws SQLException {
        List<String> order = new ArrayList<>();
        Matcher m = NAME.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length());
        while (m.find()) {
            String name = m.group(1);
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            order.add(name);
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        PreparedStatement ps = c.prepareStatement(out.toString(), java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
        try {
            for (int i = 0; i < order.size(); i++) {
                Object v = params.get(order.get(i));
                if (v instanceof String[] s) {
                    ps.setArray(i + 1, c.createArrayOf("varchar", s));
                } else if (v instanceof BigDecimal[] d) {
                    ps.setArray(i + 1, c.createArrayOf("numeric", d));
                } else {
                    ps.setObject(i + 1, v);
                }
            }
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
    }
}
