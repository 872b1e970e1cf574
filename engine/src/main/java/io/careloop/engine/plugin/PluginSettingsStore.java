package io.careloop.engine.plugin;

import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.process.Transactions;
import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.api.SettingsField;
import io.careloop.plugin.api.SettingsSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-plugin settings in the database. Values are checked against the plugin's schema before
 * they are stored; secrets are stored encrypted ({@link SecretBox}) and only ever leave this
 * class decrypted towards the plugin itself: the API sees whether a secret is set, never its value.
 */
public final class PluginSettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(PluginSettingsStore.class);

    private final Transactions tx;
    private final SecretBox box;
    private final Clock clock;

    public PluginSettingsStore(Transactions tx, SecretBox box, Clock clock) {
        this.tx = tx;
        this.box = box;
        this.clock = clock;
    }

    /**
     * The form as the API shows it: each field of the schema with its current value, except that a
     * secret shows only {@code set: true|false}.
     */
    public List<Map<String, Object>> form(String pluginId, SettingsSchema schema) {
        Map<String, StoredSetting> stored = stored(pluginId);
        List<Map<String, Object>> out = new ArrayList<>();
        for (SettingsField f : schema.fields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", f.key());
            m.put("type", f.type().name().toLowerCase(java.util.Locale.ROOT));
            m.put("labelZh", f.labelZh());
            m.put("labelEn", f.labelEn());
            m.put("required", f.required());
            m.put("secret", f.secret());
            m.put("default", f.secret() ? null : f.defaultValue());
            m.put("options", f.options());
            m.put("helpZh", f.helpZh());
            m.put("helpEn", f.helpEn());
            StoredSetting s = stored.get(f.key());
            if (f.secret()) {
                m.put("set", s != null && s.settingValue() != null);
            } else {
                m.put("value", s == null ? null : s.settingValue());
            }
            out.add(m);
        }
        return out;
    }

    /**
     * Stores the given values: a key with a null value clears the setting; a secret sent empty is
     * left as it was (forms send back blank password fields). Every key must be in the schema and
     * every value must fit its field; the first problem is answered with the field's key.
     */
    public void update(String pluginId, SettingsSchema schema, Map<String, String> values, String actor) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            SettingsField f = schema.field(e.getKey());
            if (f == null) {
                throw new InvalidInputException(e.getKey(), "plugin " + pluginId + " has no setting " + e.getKey());
            }
            if (e.getValue() != null && !(f.secret() && e.getValue().isEmpty())) {
                String problem = f.problemWith(e.getValue());
                if (problem != null) {
                    throw new InvalidInputException(e.getKey(), e.getKey() + " " + problem);
                }
                if (e.getValue().length() > 10_000) {
                    throw new InvalidInputException(e.getKey(), e.getKey() + " is longer than 10000 characters");
                }
            }
        }
        tx.write(t -> {
            PluginMapper m = t.mapper(PluginMapper.class);
            for (Map.Entry<String, String> e : values.entrySet()) {
                SettingsField f = schema.field(e.getKey());
                String v = e.getValue();
                if (f.secret() && v != null && v.isEmpty()) {
                    continue;
                }
                m.deleteSetting(pluginId, f.key());
                if (v != null) {
                    String stored = f.secret() ? box.encrypt(v, context(pluginId, f.key())) : v;
                    m.insertSetting(new StoredSetting(pluginId, f.key(), stored, f.secret(), clock.instant()));
                }
            }
            return null;
        });
        // keys only: values may be secrets or personal data
        LOG.info("plugin.settings-changed plugin={} keys={} by={}", pluginId, values.keySet(), actor);
    }

    /** The settings handed to the plugin: stored values, else defaults; secrets decrypted. */
    public PluginSettings settingsFor(String pluginId, SettingsSchema schema) {
        Map<String, StoredSetting> stored = stored(pluginId);
        Map<String, String> values = new HashMap<>();
        for (SettingsField f : schema.fields()) {
            StoredSetting s = stored.get(f.key());
            if (s != null && s.settingValue() != null) {
                values.put(f.key(), s.secret() ? box.decrypt(s.settingValue(), context(pluginId, f.key())) : s.settingValue());
            } else if (f.defaultValue() != null) {
                values.put(f.key(), f.defaultValue());
            }
        }
        return new PluginSettings(values);
    }

    /** The schema fields that are required and have neither a value nor a default. */
    public List<String> missing(String pluginId, SettingsSchema schema) {
        Map<String, StoredSetting> stored = stored(pluginId);
        List<String> missing = new ArrayList<>();
        for (SettingsField f : schema.fields()) {
            if (f.required() && f.defaultValue() == null && !stored.containsKey(f.key())) {
                missing.add(f.key());
            }
        }
        return missing;
    }

    private Map<String, StoredSetting> stored(String pluginId) {
        Map<String, StoredSetting> map = new HashMap<>();
        for (StoredSetting s : tx.read(x -> x.getMapper(PluginMapper.class).settings(pluginId))) {
            map.put(s.settingKey(), s);
        }
        return map;
    }

    private static String context(String pluginId, String key) {
        return pluginId + "/" + key;
    }
}
