package io.careloop.engine.studio;

import java.util.Objects;

/** One BPMN or DMN file a supervisor sends to the studio: its file name and its bytes, as uploaded. */
public record StudioFile(String name, byte[] content) {

    public StudioFile {
        Objects.requireNonNull(content);
        name = name == null || name.isBlank() ? "diagram" : name.replaceAll("^.*[/\\\\]", "").strip();
    }

    public boolean isDmn() {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".dmn");
    }
}
