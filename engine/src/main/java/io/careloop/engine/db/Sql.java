package io.careloop.engine.db;

import java.sql.SQLException;

/** Reads what kind of database error an exception carries, the same way on H2 and PostgreSQL. */
public final class Sql {

    private Sql() {
    }

    /** SQLSTATE 23505: a unique key already holds the value. */
    public static boolean isUniqueViolation(Throwable e) {
        return "23505".equals(sqlState(e));
    }

    /** Two transactions wanted the same row: H2's lock time-out or concurrent update, PostgreSQL's serialisation failure or deadlock. */
    public static boolean isLockConflict(Throwable e) {
        String state = sqlState(e);
        return "HYT00".equals(state) || "90131".equals(state) || "40001".equals(state) || "40P01".equals(state);
    }

    /** True when the unique violation is on the named constraint. */
    public static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getMessage() != null
                    && s.getMessage().toLowerCase().contains(constraint.toLowerCase())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A case-insensitive substring pattern for {@code LOWER(col) LIKE ? ESCAPE} with a backslash: LIKE's own
     * wildcards in the text are escaped, so "50%" finds "50%". Null for blank text.
     */
    public static String containsPattern(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.trim().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }
}
