package io.careloop.engine.testing;

import io.careloop.engine.CareLoop;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What is committed, read with plain JDBC on a pooled connection of its own: what another user would see. */
public final class Rows {

    private Rows() {
    }

    /** All rows of {@code table}. */
    public static long total(CareLoop careLoop, String table) {
        return count(careLoop, "SELECT COUNT(*) FROM " + table, new Object[0]);
    }

    /** The single number a {@code SELECT COUNT(*) …} with {@code ?} parameters answers. */
    public static long count(CareLoop careLoop, String sql, Object... params) {
        try (Connection c = careLoop.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count with " + sql, e);
        }
    }

    /** The single string a query with {@code ?} parameters answers, or null without a row. */
    public static String string(CareLoop careLoop, String sql, Object... params) {
        try (Connection c = careLoop.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read with " + sql, e);
        }
    }
}
