package io.careloop.engine.testing;

import io.careloop.engine.CareLoop;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every text and binary column of every table of the database (ours and Camunda's), searched for
 * given values: the proof that a person's data is nowhere after erasure. Binary columns (Camunda's
 * byte arrays: serialized variables, stack traces) are read as UTF-8.
 */
public final class TextScan {

    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB, Types.OTHER);
    private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

    /** One place a value was found: {@code table.column} and the start of the text holding it. */
    public record Hit(String needle, String column, String excerpt) {
    }

    private TextScan() {
    }

    /** Where any of {@code needles} occurs (case-insensitive), in every table of the database. */
    public static List<Hit> find(CareLoop careLoop, List<String> needles) {
        List<Hit> hits = new ArrayList<>();
        try (Connection c = careLoop.database().dataSource().getConnection()) {
            List<String[]> columns = new ArrayList<>();
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet t = meta.getColumns(null, null, "%", "%")) {
                while (t.next()) {
                    String schema = t.getString("TABLE_SCHEM");
                    if (schema == null || !schema.equalsIgnoreCase("public")) {
                        continue;
                    }
                    int type = t.getInt("DATA_TYPE");
                    String typeName = String.valueOf(t.getString("TYPE_NAME")).toLowerCase(Locale.ROOT);
                    boolean binary = BINARY.contains(type) || typeName.equals("bytea");
                    if (binary || TEXT.contains(type) && !typeName.contains("json") || typeName.contains("json")) {
                        columns.add(new String[] {schema, t.getString("TABLE_NAME"), t.getString("COLUMN_NAME"),
                                binary ? "b" : "t"});
                    }
                }
            }
            if (columns.isEmpty()) {
                throw new IllegalStateException("no columns found to scan");
            }
            for (String[] col : columns) {
                String sql = "SELECT \"" + col[2] + "\" FROM \"" + col[0] + "\".\"" + col[1] + "\"";
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        String text = col[3].equals("b") ? utf8(rs.getBytes(1)) : rs.getString(1);
                        if (text == null) {
                            continue;
                        }
                        String lower = text.toLowerCase(Locale.ROOT);
                        for (String n : needles) {
                            int at = lower.indexOf(n.toLowerCase(Locale.ROOT));
                            if (at >= 0) {
                                hits.add(new Hit(n, col[1] + "." + col[2],
                                        text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60))));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot scan the database", e);
        }
        return hits;
    }

    private static String utf8(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
