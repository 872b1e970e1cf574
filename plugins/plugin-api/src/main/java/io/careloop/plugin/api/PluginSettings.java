package io.careloop.plugin.api;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plugin's current settings, as the host hands them to an extension: every key of the
 * schema that has a value or a default, secrets decrypted. Immutable; a change made through the
 * API reaches the next call.
 *
 * @param values setting key to value
 */
public record PluginSettings(Map<String, String> values) {

    public PluginSettings {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public static PluginSettings empty() {
        return new PluginSettings(Map.of());
    }

    /** The value, or null when it is not set. */
    public String get(String key) {
        return values.get(key);
    }

    /** The value, or {@code fallback} when it is not set or blank. */
    public String get(String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** The value; fails with an {@link IllegalStateException} naming the key when it is not set. */
    public String require(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("setting " + key + " is not set");
        }
        return v;
    }

    public long getLong(String key, long fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : Long.parseLong(v.strip());
    }

    public int getInt(String key, int fallback) {
        return Math.toIntExact(getLong(key, fallback));
    }

    public boolean getBoolean(String key, boolean fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : Boolean.parseBoolean(v.strip());
    }

    public Duration getDuration(String key, Duration fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : Duration.parse(v.strip());
    }

    /** Never shows values: settings hold secrets. */
    @Override
    public String toString() {
        return "PluginSettings" + new TreeMap<>(values).keySet();
    }
}
