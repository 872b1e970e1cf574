package io.careloop.plugin.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The settings a plugin's extensions need, in form order. The host offers the schema through
 * {@code GET /api/v1/plugins/{id}} so the UI renders a form, checks values against it, stores
 * them per plugin (secrets encrypted) and hands them back as {@link PluginSettings}. When a
 * plugin has several extensions (a source and an outbound channel), the host shows the fields
 * of all of them; extensions of one plugin that share a key share the value.
 *
 * @param fields the fields, keys unique
 */
public record SettingsSchema(List<SettingsField> fields) {

    private static final SettingsSchema NONE = new SettingsSchema(List.of());

    public SettingsSchema {
        fields = fields == null ? List.of() : List.copyOf(fields);
        Set<String> keys = new HashSet<>();
        for (SettingsField f : fields) {
            if (!keys.add(f.key())) {
                throw new IllegalArgumentException("duplicate settings key " + f.key());
            }
        }
    }

    /** No settings. */
    public static SettingsSchema none() {
        return NONE;
    }

    public static SettingsSchema of(SettingsField... fields) {
        return new SettingsSchema(List.of(fields));
    }

    /** The field with this key, or null. */
    public SettingsField field(String key) {
        for (SettingsField f : fields) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        return null;
    }
}
