package io.careloop.plugins.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A column mapping an integrator saves for a generic export: one {@code field=Column header} line
 * per field ({@code field: Column header} also works), blank lines and {@code #} comments ignored.
 * A line without a field, or a field the importer does not know, is an error the integrator must see.
 */
public final class ColumnMapping {

    private ColumnMapping() {
    }

    /** Field → column header, in the order given; {@code fields} are the names the importer knows. */
    public static Map<String, String> parse(String mapping, List<String> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        if (mapping == null) {
            return out;
        }
        for (String line : mapping.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq < 0) {
                eq = l.indexOf(':');
            }
            if (eq <= 0) {
                throw new IllegalArgumentException("column mapping line '" + l + "' is not field=Header");
            }
            String field = l.substring(0, eq).strip();
            if (!fields.contains(field)) {
                throw new IllegalArgumentException("column mapping names an unknown field '" + field + "'; fields are " + fields);
            }
            out.put(field, l.substring(eq + 1).strip());
        }
        return out;
    }
}
