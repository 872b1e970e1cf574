package io.careloop.plugin.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field of a plugin's settings form. Build one with a factory and the {@code with…}
 * methods:
 * <pre>{@code
 * SettingsField.of("password", FieldType.TEXT, "密码", "Password").asRequired().asSecret()
 * }</pre>
 *
 * @param key          the setting's name, {@code [a-zA-Z][a-zA-Z0-9_.-]*}, unique in the plugin
 * @param type         how it is edited and checked
 * @param labelZh      the label in Chinese (zh-CN)
 * @param labelEn      the label in English
 * @param required     the plugin cannot work without it
 * @param secret       a password or token: the host encrypts it at rest, never returns it
 *                     through the API (the form shows only whether it is set) and never logs it
 * @param defaultValue the value used while none is set; may be null
 * @param options      the allowed values of a {@link FieldType#SELECT}; empty otherwise
 * @param helpZh       a hint under the field in Chinese, or null
 * @param helpEn       a hint under the field in English, or null
 */
public record SettingsField(String key, FieldType type, String labelZh, String labelEn, boolean required,
                            boolean secret, String defaultValue, List<String> options, String helpZh,
                            String helpEn) {

    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]*");

    public SettingsField {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a settings key must match " + KEY + ": " + key);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(labelZh, "labelZh");
        Objects.requireNonNull(labelEn, "labelEn");
        options = options == null ? List.of() : List.copyOf(options);
        if (type == FieldType.SELECT && options.isEmpty()) {
            throw new IllegalArgumentException("select field " + key + " needs options");
        }
    }

    /** An optional, non-secret field without default. */
    public static SettingsField of(String key, FieldType type, String labelZh, String labelEn) {
        return new SettingsField(key, type, labelZh, labelEn, false, false, null, List.of(), null, null);
    }

    /** A drop-down of {@code options}. */
    public static SettingsField select(String key, String labelZh, String labelEn, List<String> options) {
        return new SettingsField(key, FieldType.SELECT, labelZh, labelEn, false, false, null, options, null, null);
    }

    public SettingsField asRequired() {
        return new SettingsField(key, type, labelZh, labelEn, true, secret, defaultValue, options, helpZh, helpEn);
    }

    public SettingsField asSecret() {
        return new SettingsField(key, type, labelZh, labelEn, required, true, defaultValue, options, helpZh, helpEn);
    }

    public SettingsField withDefault(String value) {
        return new SettingsField(key, type, labelZh, labelEn, required, secret, value, options, helpZh, helpEn);
    }

    public SettingsField withHelp(String zh, String en) {
        return new SettingsField(key, type, labelZh, labelEn, required, secret, defaultValue, options, zh, en);
    }

    /**
     * Checks one value against this field's type. The host calls it before it stores settings
     * and answers the first problem with the field's key.
     *
     * @return null when the value is acceptable, else what is wrong (in English)
     */
    public String problemWith(String value) {
        if (value == null || value.isBlank()) {
            return required && defaultValue == null ? "is required" : null;
        }
        switch (type) {
            case INTEGER:
                try {
                    Long.parseLong(value.strip());
                    return null;
                } catch (NumberFormatException e) {
                    return "must be a whole number";
                }
            case BOOLEAN:
                return value.equals("true") || value.equals("false") ? null : "must be true or false";
            case SELECT:
                return options.contains(value) ? null : "must be one of " + options;
            case DURATION:
                try {
                    Duration.parse(value.strip());
                    return null;
                } catch (DateTimeParseException e) {
                    return "must be an ISO-8601 duration such as PT5M";
                }
            default:
                return null;
        }
    }
}
