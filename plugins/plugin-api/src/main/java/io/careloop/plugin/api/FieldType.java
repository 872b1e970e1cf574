package io.careloop.plugin.api;

/** How the UI renders and the host checks a {@link SettingsField}'s value (always stored as text). */
public enum FieldType {
    /** One line of text. */
    TEXT,
    /** Several lines (a column mapping, a list of addresses). */
    MULTILINE,
    /** A whole number, e.g. a port. */
    INTEGER,
    /** {@code true} or {@code false}: a check box. */
    BOOLEAN,
    /** One of {@link SettingsField#options()}: a drop-down. */
    SELECT,
    /** An ISO-8601 duration such as {@code PT5M}. */
    DURATION
}
