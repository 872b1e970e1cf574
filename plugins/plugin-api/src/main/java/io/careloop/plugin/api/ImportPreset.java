package io.careloop.plugin.api;

import java.util.Objects;

/**
 * A file format an importer knows, offered to the user as a choice of the upload.
 *
 * @param id      what an upload passes as {@code preset}, e.g. {@code asterisk}
 * @param labelZh the name shown in Chinese
 * @param labelEn the name shown in English
 */
public record ImportPreset(String id, String labelZh, String labelEn) {

    public ImportPreset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(labelZh, "labelZh");
        Objects.requireNonNull(labelEn, "labelEn");
    }
}
